package io.p2pviewer.app.cli;

import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.ChannelListing;
import io.p2pviewer.app.channels.ListedChannel;
import io.p2pviewer.app.channels.ListingJson;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.channels.UrlMask;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.GuideStore;
import io.p2pviewer.app.channels.guide.Programme;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./viewer channels PLAYLIST [--epg XMLTV] [--at TIME] [--json]}: reads a channel list and its guide and
 * prints every channel with what is on now and next. Runs on the calling thread; blocking reads.
 */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = {"Reads an M3U/M3U8 channel list (file or http(s) URL) and its XMLTV guide (--epg, or the",
                "playlist's x-tvg-url) and prints every channel with its group, logo, tvg-id, headers and what",
                "is on now and next. Exit codes: 0 at least one channel read, 2 bad arguments, 3 nothing usable",
                "(unreachable, HTML, binary, empty); a guide that cannot be read is a warning."})
public final class ChannelsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYLIST", description = "M3U/M3U8 file or http(s) URL.")
    String playlist;

    @Option(names = "--epg", paramLabel = "XMLTV",
            description = "XMLTV guide, plain or gzip, file or http(s) URL (default: the playlist's x-tvg-url).")
    String epg;

    @Option(names = "--at", paramLabel = "ISO-8601-TIME",
            description = "Show the guide at this time, e.g. 2024-03-01T20:00:00Z or 2024-03-01T21:00 (local).")
    String at;

    @Option(names = "--json", description = "Print {\"channels\": [...], \"warnings\": [...]} instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Instant when;
        try {
            when = at == null ? Instant.now() : parseTime(at);
            SourceOpener.check(playlist);
            if (epg != null) {
                SourceOpener.check(epg);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (SourceOpener opener = new SourceOpener()) {
            ChannelList list;
            try (InputStream in = opener.open(playlist, "playlist");
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                list = M3uReader.read(r);
            } catch (ReadException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.OPEN_FAILED;
            } catch (IOException e) {
                err.println("error: cannot read playlist: " + e.getClass().getSimpleName());
                return ExitCodes.OPEN_FAILED;
            }
            List<String> guideWarnings = new ArrayList<>();
            GuideStore guide = readGuide(opener, epg != null ? List.of(epg) : list.guideUrls(), guideWarnings);
            ChannelListing listing = ChannelListing.of(list, guide, guideWarnings, when);
            try {
                if (json) {
                    ListingJson.write(listing, new BufferedOutputStream(out, 1 << 16), false);
                    out.println();
                } else {
                    text(listing, out, err);
                }
            } catch (IOException e) {
                err.println("error: cannot write the listing: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
            return ExitCodes.OK;
        }
    }

    /** The first guide of {@code sources} that reads; each failure is a warning. Null when none. */
    private static GuideStore readGuide(SourceOpener opener, List<String> sources, List<String> warnings) {
        for (String source : sources) {
            try {
                SourceOpener.check(source);
            } catch (IllegalArgumentException e) {
                warnings.add("guide: " + e.getMessage());
                continue;
            }
            try (InputStream in = opener.open(source, "guide")) {
                Guide g = XmltvReader.read(in);
                g.warnings().forEach(w -> warnings.add(w.toString()));
                return g.store();
            } catch (ReadException e) {
                warnings.add(e.getMessage() + " (" + UrlMask.mask(source) + ")");
            } catch (IOException e) {
                warnings.add("cannot read guide " + UrlMask.mask(source) + ": " + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    private static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--at must be an ISO-8601 time such as 2024-03-01T20:00:00Z, not "
                        + s);
            }
        }
    }

    private static void text(ChannelListing listing, PrintStream out, PrintStream err) {
        StringBuilder sb = new StringBuilder(256);
        for (ListedChannel lc : listing.channels()) {
            var c = lc.channel();
            sb.setLength(0);
            sb.append(c.name()).append("  [").append(c.group() == null ? "-" : c.group()).append("]  ")
                    .append(c.url());
            if (c.tvgId() != null) {
                sb.append("  tvg-id=").append(c.tvgId());
            }
            if (c.logo() != null) {
                sb.append("  logo=").append(c.logo());
            }
            for (Map.Entry<String, String> h : c.headers().entrySet()) {
                sb.append("  ").append(h.getKey()).append(": ").append(h.getValue());
            }
            sb.append("  now: ").append(describe(lc.now())).append("  next: ").append(describe(lc.next()));
            out.println(sb);
        }
        for (String w : listing.warnings()) {
            err.println("warning: " + w);
        }
        err.println(listing.channels().size() + " channels, " + listing.warnings().size() + " warnings");
    }

    private static String describe(Programme p) {
        return p == null ? "-" : p.title() + " (" + p.start() + " - " + p.stop() + ")";
    }
}
