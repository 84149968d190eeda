package io.p2pviewer.app.channels;

import io.p2pviewer.engine.playlist.BinaryText;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an M3U/M3U8 channel list as IPTV players do (docs: IPTV-NOTES), line by line from a {@link Reader}:
 * the {@code #EXTM3U} header's guide URLs, {@code #EXTINF} attributes and names, {@code #EXTGRP},
 * {@code #EXTVLCOPT} and {@code #KODIPROP} headers, Kodi's {@code url|User-Agent=...}, and lists of bare URLs.
 *
 * <p>Entries that cannot be played (no URL, a scheme other than http(s)) are skipped with a warning naming the
 * line; input with nothing usable (empty, HTML, binary, no entry) is a {@link ReadException}. Repeated strings
 * (groups, header values) are shared, so 50,000 channels take a few MB. One instance reads one input; not
 * thread-safe.
 */
public final class M3uReader {
    /** Warnings kept at most; more are counted in one last warning. */
    static final int MAX_WARNINGS = 1000;
    private static final String WHAT = "playlist";

    private final List<Channel> channels = new ArrayList<>();
    private final List<String> guideUrls = new ArrayList<>();
    /** The header's {@code tvg-shift}: every channel's without its own. */
    private String headerShift;
    private final List<ReadWarning> warnings = new ArrayList<>();
    private final Map<String, String> shared = new HashMap<>();
    private int warningsDropped;

    private ExtinfLine pendingInf;
    private int pendingInfLine;
    private String pendingGroup;
    private Map<String, String> pendingHeaders;

    private M3uReader() {
    }

    /** Reads a whole channel list; the reader is not closed. */
    public static ChannelList read(Reader in) throws IOException, ReadException {
        return new M3uReader().readAll(new LineReader(in));
    }

    private ChannelList readAll(LineReader lines) throws IOException, ReadException {
        int lineNo = 0;
        boolean seenContent = false;
        String s;
        while ((s = lines.next()) != null) {
            lineNo++;
            if (lineNo == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
            if (BinaryText.isBinary(s) || (lines.wasCut() && !seenContent)) {
                if (channels.isEmpty()) {
                    throw new ReadException(new ReadError.Binary(WHAT, lineNo));
                }
                warn(lineNo, "binary data; the rest of the playlist was not read");
                break;
            }
            s = s.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!seenContent) {
                seenContent = true;
                if (TextSniffer.looksLikeMarkup(s)) {
                    throw new ReadException(new ReadError.Html(WHAT, lineNo));
                }
            }
            if (s.charAt(0) == '#') {
                tag(s, lineNo);
            } else {
                entry(s, lineNo);
            }
        }
        if (pendingInf != null) {
            warn(pendingInfLine, "#EXTINF without a URL, skipped");
        }
        if (!seenContent) {
            throw new ReadException(new ReadError.Empty(WHAT));
        }
        if (channels.isEmpty()) {
            throw new ReadException(new ReadError.NoEntries(WHAT,
                    warnings.isEmpty() ? "no URL lines" : warnings.getFirst().toString()));
        }
        if (warningsDropped > 0) {
            warnings.add(new ReadWarning(WHAT, 0, warningsDropped + " more warnings not shown"));
        }
        return new ChannelList(channels, guideUrls, warnings);
    }

    private void tag(String s, int lineNo) throws ReadException {
        if (s.regionMatches(true, 0, "#EXT-X-TARGETDURATION", 0, 21)
                || s.regionMatches(true, 0, "#EXT-X-STREAM-INF", 0, 17)) {
            // An HLS media or master playlist: its #EXTINF lines are segments, its URIs variants, not channels.
            throw new ReadException(new ReadError.HlsStream(WHAT, lineNo));
        }
        String upper = s.length() >= 12 ? s.substring(0, 12).toUpperCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
        if (upper.startsWith("#EXTINF:")) {
            if (pendingInf != null) {
                warn(pendingInfLine, "#EXTINF without a URL, skipped");
            }
            pendingInf = ExtinfLine.parse(s.substring(8));
            pendingInfLine = lineNo;
        } else if (upper.startsWith("#EXTM3U")) {
            if (channels.isEmpty() && guideUrls.isEmpty()) {
                Map<String, String> a = ExtinfLine.headerAttributes(s.substring(7));
                headerShift = a.get("tvg-shift");
                String tvg = a.getOrDefault("x-tvg-url", a.get("url-tvg"));
                if (tvg != null) {
                    for (String u : tvg.split(",")) {
                        if (!u.isBlank()) {
                            guideUrls.add(u.strip());
                        }
                    }
                }
            }
        } else if (upper.startsWith("#EXTGRP:")) {
            pendingGroup = share(s.substring(8).strip());
        } else if (upper.startsWith("#EXTVLCOPT:")) {
            vlcOption(s.substring(11).strip());
        } else if (upper.startsWith("#KODIPROP:")) {
            kodiProperty(s.substring(10).strip());
        }
        // any other line starting with '#' is a comment or a tag we do not use
    }

    /** {@code http-user-agent=...}, {@code http-referrer=...} (VLC's m3u demuxer); other options are ignored. */
    private void vlcOption(String option) {
        int eq = option.indexOf('=');
        if (eq < 0) {
            return;
        }
        String key = option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = option.substring(eq + 1).strip();
        switch (key) {
            case "http-user-agent" -> header("User-Agent", value);
            case "http-referrer", "http-referer" -> header("Referer", value);
            default -> {
            }
        }
    }

    /** Kodi's inputstream.adaptive header properties: {@code ...stream_headers=User-Agent=x&Referer=y}. */
    private void kodiProperty(String prop) {
        int eq = prop.indexOf('=');
        if (eq < 0) {
            return;
        }
        String key = prop.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (key.endsWith(".stream_headers") || key.endsWith(".manifest_headers") || key.endsWith(".common_headers")) {
            headerList(prop.substring(eq + 1));
        }
    }

    /** {@code Name=value&Name=value}, values URL-encoded (Kodi's form). */
    private void headerList(String list) {
        for (String pair : list.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                header(canonicalHeader(decode(pair.substring(0, eq).strip())), decode(pair.substring(eq + 1)));
            }
        }
    }

    private void header(String name, String value) {
        if (name.isEmpty() || value.isEmpty() || !validHeader(name, value)) {
            return;
        }
        if (pendingHeaders == null) {
            pendingHeaders = new LinkedHashMap<>(4);
        }
        pendingHeaders.put(share(name), share(value));
    }

    private void entry(String s, int lineNo) {
        ExtinfLine inf = pendingInf;
        String group = pendingGroup;
        String url = s;
        int pipe = s.indexOf('|');
        if (pipe >= 0) {
            url = s.substring(0, pipe).strip();
            headerList(s.substring(pipe + 1));
        }
        Map<String, String> headers = pendingHeaders == null ? Map.of()
                : Collections.unmodifiableMap(pendingHeaders);
        pendingInf = null;
        pendingGroup = null;
        pendingHeaders = null;
        String problem = urlProblem(url);
        if (problem != null) {
            warn(lineNo, problem);
            return;
        }
        Map<String, String> a = inf == null ? Map.of() : inf.attributes();
        String groupTitle = a.get("group-title");
        String name = inf == null || inf.name().isEmpty() ? a.get("tvg-name") : inf.name();
        if (name == null || name.isEmpty()) {
            name = UrlMask.mask(url);
        }
        channels.add(new Channel(name, url, share(groupTitle == null || groupTitle.isEmpty() ? group : groupTitle),
                a.get("tvg-logo"), a.get("tvg-id"), a.get("tvg-name"), a.get("tvg-chno"),
                inf == null ? -1 : inf.duration(), catchup(a, headerShift), headers, lineNo));
    }

    /** Catch-up and {@code tvg-shift} (the channel's, else the header's); null when the entry has neither. */
    private static Channel.Catchup catchup(Map<String, String> a, String headerShift) {
        String type = a.get("catchup");
        String days = a.get("catchup-days");
        String legacy = a.get("timeshift");
        if (type == null && legacy != null && legacy.strip().matches("\\d+(\\.\\d+)?")) {
            type = "shift"; // SIPTV's older form: timeshift="DAYS" is shift-mode catch-up over that many days
            days = days == null ? legacy.strip() : days;
        }
        String source = a.get("catchup-source");
        String shift = a.getOrDefault("tvg-shift", headerShift);
        if (type == null && days == null && source == null && shift == null) {
            return null;
        }
        return new Channel.Catchup(type, days, source, shift);
    }

    /** Why this URL line cannot be played, or null when it can. */
    private static String urlProblem(String url) {
        int colon = url.indexOf("://");
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("http") || scheme.equals("https")) {
            int hostEnd = colon + 3;
            if (hostEnd >= url.length() || "/?#".indexOf(url.charAt(hostEnd)) >= 0 || hasBlankOrControl(url)) {
                return "not a valid URL: " + quote(url);
            }
            return null;
        }
        if (colon > 0 && scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-'
                || c == '.')) {
            return "skipped " + scheme + ":// entry (only http and https are played): " + quote(url);
        }
        return "not an http(s) URL, skipped: " + quote(url);
    }

    /**
     * A space, tab or other blank, or a control character (such as U+0085, which splits a line for some readers but
     * not for ours): never part of a URL; a list that has one in a URL line is damaged there.
     */
    private static boolean hasBlankOrControl(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String url) {
        String m = UrlMask.mask(url);
        return "'" + (m.length() > 80 ? m.substring(0, 77) + "..." : m) + "'";
    }

    private static String canonicalHeader(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "user-agent" -> "User-Agent";
            case "referer", "referrer" -> "Referer";
            case "origin" -> "Origin";
            case "cookie" -> "Cookie";
            default -> name;
        };
    }

    /** A header OkHttp and libVLC will accept: a token name, a value without line breaks or NUL. */
    private static boolean validHeader(String name, String value) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return s.strip();
        }
    }

    private String share(String s) {
        if (s == null) {
            return null;
        }
        String old = shared.putIfAbsent(s, s);
        return old == null ? s : old;
    }

    private void warn(int line, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ReadWarning(WHAT, line, message));
        } else {
            warningsDropped++;
        }
    }
}
