package io.p2pviewer.redaction;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one helper that makes URLs and free text safe to show or log: every query value becomes {@value #MASK}
 * ({@code ?token=abc&v=2} -> {@code ?token=***&v=***}), a password in the user info too
 * ({@code user:pw@host} -> {@code user:***@host}), the user name and password an Xtream Codes-style IPTV URL carries
 * in its path (both segments become {@value #MASK} in {@code /live/USER/PASS/1234.m3u8}, see
 * {@link #maskPathCredentials}), and a known secret (the engine's proxy path prefix) is replaced.
 * Parameter names stay, so a message still says which parameter a URL carried.
 *
 * <p>CDNs put per-viewer tokens in query strings, key servers check them, TURN URLs carry passwords: any URL
 * that reaches a message for a person, a log line at INFO or above, a report or an export goes through here.
 * Stateless and thread-safe.
 */
public final class Redacted {
    /** What a masked value becomes. */
    public static final String MASK = "***";

    /**
     * A URL inside free text: scheme, "://", then everything up to white space or a quote, less trailing
     * punctuation that ends the sentence rather than the URL.
     */
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]*[^\\s\"'<>`.,:;)\\]]");

    /** The first path segment of an Xtream Codes URL whose next two segments are the user name and password. */
    private static final Set<String> XTREAM_KINDS = Set.of("live", "movie", "series", "timeshift");

    /** An Xtream Codes stream id (or timeshift duration): digits, optionally with an extension ({@code 1234.m3u8}). */
    private static final Pattern STREAM_ID = Pattern.compile("[0-9]+(\\.[A-Za-z0-9]+)?");

    private Redacted() {
    }

    /** The URI with its query values and passwords masked; {@code "(no URL)"} for null. */
    public static String url(URI uri) {
        return uri == null ? "(no URL)" : url(uri.toString());
    }

    /**
     * A URL (or anything that looks like one) with its query values, user-info password and path credentials
     * masked; null stays null.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = url;
        int fragment = out.indexOf('#');
        String tail = "";
        if (fragment >= 0) {
            tail = out.substring(fragment);
            out = out.substring(0, fragment);
        }
        int query = out.indexOf('?');
        if (query >= 0) {
            out = maskPathCredentials(out.substring(0, query)) + "?" + maskQuery(out.substring(query + 1));
        } else {
            out = maskPathCredentials(out);
        }
        return maskPassword(out) + tail;
    }

    /** Free text with every URL in it masked as {@link #url(String)} does; null stays null. */
    public static String text(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Free text with every occurrence of {@code secret} replaced by {@code replacement}, then masked as
     * {@link #text(String)}; a null or empty secret replaces nothing. Used for the engine's proxy URL, whose path
     * starts with the session's secret: {@code replacing(message, playerUri, "the stream")}.
     */
    public static String replacing(String text, String secret, String replacement) {
        if (text == null) {
            return null;
        }
        String out = secret == null || secret.isEmpty() ? text : text.replace(secret, replacement);
        return text(out);
    }

    /** Masks each value of a raw query string, keeping names and separators. */
    static String maskQuery(String query) {
        if (query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            String parameter = query.substring(start, end);
            int eq = parameter.indexOf('=');
            if (eq >= 0) {
                out.append(parameter, 0, eq + 1).append(eq + 1 < parameter.length() ? MASK : "");
            } else if (!parameter.isEmpty()) {
                out.append(MASK); // a bare value (?abcdef) may be a token itself
            }
            if (amp < 0) {
                break;
            }
            out.append('&');
            start = amp + 1;
        }
        return out.toString();
    }

    /**
     * Masks the user name and password that Xtream Codes-style IPTV panels put in the path of a URL without query
     * (or fragment), as two whole segments. Two shapes only, so that ordinary CDN paths stay as they are
     * ({@code /live/stream/index.m3u8}, {@code /hls/720p/seg1.ts}, Wowza's {@code /live/_definst_/s/playlist.m3u8}):
     * <ul>
     *   <li>{@code /live|movie|series|timeshift/USER/PASS/ID...}: the first segment one of those four words, then
     *       two non-empty segments, then a stream id ({@link #STREAM_ID}: {@code 1234}, {@code 1234.m3u8}; for
     *       timeshift the duration, {@code /timeshift/USER/PASS/120/2026-12-06:19-00/1234.m3u8}), then anything;</li>
     *   <li>{@code /USER/PASS/ID}: exactly three segments, the last a stream id ({@code /USER/PASS/1234.ts}).</li>
     * </ul>
     */
    static String maskPathCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int path = url.indexOf('/', scheme + 3);
        if (path < 0) {
            return url;
        }
        String[] segments = url.substring(path + 1).split("/", -1);
        int user;
        if (segments.length >= 4 && XTREAM_KINDS.contains(segments[0]) && STREAM_ID.matcher(segments[3]).matches()) {
            user = 1;
        } else if (segments.length == 3 && STREAM_ID.matcher(segments[2]).matches()) {
            user = 0;
        } else {
            return url;
        }
        if (segments[user].isEmpty() || segments[user + 1].isEmpty()) {
            return url;
        }
        segments[user] = MASK;
        segments[user + 1] = MASK;
        return url.substring(0, path + 1) + String.join("/", segments);
    }

    /** Masks the password of {@code scheme://user:password@host...}. */
    private static String maskPassword(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = url.length();
        for (int i = authorityStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?') {
                authorityEnd = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return url;
        }
        int colon = url.indexOf(':', authorityStart);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }
}
