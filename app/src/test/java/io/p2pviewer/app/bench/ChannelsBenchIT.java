package io.p2pviewer.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.app.channels.ChannelFixtures;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.GuideStore;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./viewer channels --json} on 50,000 channels in 200 groups and a gzip guide of 2,000 channels x 7 days
 * (560,000 programmes), in a child JVM under {@code /usr/bin/time -v}: wall time and peak RSS; then the guide
 * store's bytes per programme (estimated from its arrays, and measured as heap after GC). Prints numbers; the
 * goals (under 10 s, under 1 GiB) are in docs/BENCHMARKS.md, not asserted.
 */
@Tag("bench")
class ChannelsBenchIT {
    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void channelsJsonOnFiftyThousandChannelsAndASevenDayGuide() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-channels"));
        Path playlist = dir.resolve("channels-50k.m3u");
        Path guide = dir.resolve("guide-2000x7d.xml.gz");
        Path json = dir.resolve("channels.json");
        ChannelFixtures.writePlaylist(playlist, 50_000, 200, null);
        long programmes = ChannelFixtures.writeGuide(guide, 2_000, 7, FROM, true, 36 * 60); // 40 a day
        System.out.printf(Locale.ROOT, "BENCH channels inputs: playlist %.1f MB, guide %.1f MB gzip, %d programmes%n",
                Files.size(playlist) / 1e6, Files.size(guide) / 1e6, programmes);

        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.p2pviewer.app.cli.ViewerMain", "channels", playlist.toString(), "--epg", guide.toString(),
                "--at", "2026-11-23T20:30:00Z", "--json"));
        for (int round = 1; round <= 2; round++) {
            Path log = dir.resolve("time-" + round + ".txt");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(json.toFile()).redirectError(log.toFile()).start();
            int exit = p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            String time = Files.readString(log);
            assertThat(exit).as(time).isZero();
            System.out.printf(Locale.ROOT, "BENCH channels --json round %d: wall %.2f s (time -v: %s), peak RSS %.0f MiB,"
                            + " user+sys CPU %.1f s%n", round, wall, field(time, "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)"),
                    Long.parseLong(field(time, "Maximum resident set size \\(kbytes\\): (\\d+)")) / 1024.0,
                    Double.parseDouble(field(time, "User time \\(seconds\\): ([\\d.]+)"))
                            + Double.parseDouble(field(time, "System time \\(seconds\\): ([\\d.]+)")));
        }
        checkJson(json);

        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        Guide g;
        try (InputStream in = Files.newInputStream(guide)) {
            g = XmltvReader.read(in);
        }
        double parse = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        GuideStore s = g.store();
        System.out.printf(Locale.ROOT, "BENCH guide store: %d programmes, %d channels, read in %.2f s (in-process)%n",
                s.programmeCount(), s.channelCount(), parse);
        System.out.printf(Locale.ROOT, "BENCH guide store bytes per programme: estimated %.1f, heap after GC %.1f%n",
                (double) s.estimatedBytes() / s.programmeCount(), (double) (after - before) / s.programmeCount());
        assertThat(s.programmeCount()).isEqualTo(programmes);
        Reference.reachabilityFence(g); // the store must still be reachable when the heap after GC is read
    }

    /** Reads the JSON written in its own frame, so its tree is garbage before the guide store is weighed. */
    private static void checkJson(Path json) throws IOException {
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertThat(out.get("channels")).hasSize(50_000);
        assertThat(out.at("/channels/1999/now/start").asText()).isEqualTo("2026-11-23T20:24:00Z");
        System.out.printf(Locale.ROOT, "BENCH channels json: %.1f MB, %d warnings%n", Files.size(json) / 1e6,
                out.get("warnings").size());
    }

    private static String field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "0";
    }
}
