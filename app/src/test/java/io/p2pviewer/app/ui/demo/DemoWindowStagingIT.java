package io.p2pviewer.app.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.TestFiles;
import io.p2pviewer.app.playback.LocalNetworks;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.testing.NetnsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo as a salesperson shows it, under Xvfb: the window with its embedded origin, tracker and three demo
 * peers on real WebRTC (inside a network namespace the test creates), driven with TestFX by {@link DemoWindowProbe}.
 * "All peers leave" makes the CDN and FALLBACK take over and offload fall, as the two JSON exports show, with no
 * missed deadline and no stall.
 */
class DemoWindowStagingIT {
    /** Runs {@link DemoWindowProbe} with these arguments in the namespace; returns its log's lines. */
    private static List<String> runProbe(NetnsFixture ns, Path exports, List<String> args) throws Exception {
        TestFiles.deleteTree(exports);
        Map<String, String> env = new HashMap<>(Map.of("P2PVIEWER_EXPORT_DIR", exports.toString()));
        for (String name : List.of("DISPLAY", "XAUTHORITY")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        assertThat(env).as("runs under Xvfb (scripts/test uses xvfb-run)").containsKey("DISPLAY");
        Process p = ns.exec(NetnsFixture.javaCommand(DemoWindowProbe.class.getName(),
                List.of("-Xmx768m", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                        "-Dtestfx.robot=glass", "-Dtestfx.headless=false", "-Dprism.order=sw"), args), env);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("probe finishes; log %s", ns.logFile(p)).isTrue();
        assertThat(p.exitValue()).as("probe exit code; log %s", ns.logFile(p)).isZero();
        return Files.readAllLines(ns.logFile(p));
    }

    /**
     * A laptop with no network: WebRTC ignores loopback (LoopbackOnlyWebRtcIT), so the demo peers cannot connect;
     * the demo says so in its status line and plays from the CDN without a stall.
     */
    @Test
    void onAMachineWithOnlyLoopbackTheDemoSaysItIsCdnOnlyAndPlays() throws Exception {
        Path exports = Path.of("target", "exports-demo-loopback").toAbsolutePath();
        List<String> log;
        try (NetnsFixture ns = NetnsFixture.create(Path.of("target", "netns")).loopbackOnly()) {
            log = runProbe(ns, exports, List.of("loopback-only"));
        }
        List<Path> files = TestFiles.named(exports, "snapshot-");
        assertThat(files).hasSize(1);
        PlayReport report = ReportWriter.mapper().readValue(files.get(0).toFile(), PlayReport.class);
        System.out.printf("demo window, loopback only: offload %.1f%%, %d frames%n", report.offload() * 100,
                report.framesDisplayed());

        assertThat(log).contains("DEMO STATUS: " + DemoControlsViewModel.LOOPBACK_ONLY);
        // The demo peers answered through the tracker and none connected: the notice names the cause (no TURN server
        // would help on a machine with only loopback).
        assertThat(report.notices()).containsExactly(LocalNetworks.UNREACHABLE_LOOPBACK_ONLY);
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("P2P STATUS: ")
                .endsWith(LocalNetworks.UNREACHABLE_LOOPBACK_ONLY));
        assertThat(report.servedBytes().get("peer")).isZero();
        assertThat(report.downloadedBytes().get("cdn")).isPositive();
        assertThat(report.peers()).filteredOn(PlayReport.Peer::connected).isEmpty();
        assertThat(report.framesDisplayed()).isPositive();
        assertThat(report.stalls().count()).isZero();
    }

    @Test
    void whenTheDemoPeersLeaveTheExportsShowTheCdnTakingOverAndOffloadFalling() throws Exception {
        Path exports = Path.of("target", "exports-demo-window").toAbsolutePath();
        try (NetnsFixture ns = NetnsFixture.create(Path.of("target", "netns"))) {
            runProbe(ns, exports, List.of());
        }
        List<Path> files = TestFiles.named(exports, "snapshot-").stream()
                .sorted(Comparator.comparing(DemoWindowStagingIT::modified)).toList();
        // Two Ctrl+E presses; a loaded machine's late key release can add auto-repeated exports (one a second, as
        // seen in CI): the first is before the peers left, the last well after.
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        PlayReport before = ReportWriter.mapper().readValue(files.getFirst().toFile(), PlayReport.class);
        PlayReport after = ReportWriter.mapper().readValue(files.getLast().toFile(), PlayReport.class);
        System.out.printf("demo window: offload %.1f%% with peers, %.1f%% 30 s after they left%n",
                before.offload() * 100, after.offload() * 100);

        assertThat(before.servedBytes().get("peer")).as("bytes from the demo peers").isPositive();
        assertThat(before.peers()).filteredOn(PlayReport.Peer::connected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(after.peers()).filteredOn(PlayReport.Peer::connected).isEmpty();
        assertThat(cdnAndFallback(after) - cdnAndFallback(before)).as("CDN + FALLBACK bytes after the peers left")
                .isGreaterThan(3_000_000);
        // Segments peers delivered ahead of the player are still served from the cache after they left; what
        // peers send after the first export is at most the engine's transfers then in flight (3 at once).
        long largestSegment = after.segments().stream().mapToLong(PlayReport.Segment::bytes).max().orElseThrow();
        assertThat(after.downloadedBytes().get("peer") - before.downloadedBytes().get("peer"))
                .as("no peer bytes once they are gone (transfers in flight aside)")
                .isLessThanOrEqualTo(3 * largestSegment);
        assertThat(after.offload()).isLessThan(before.offload());
        assertThat(after.segments().subList(after.segments().size() - 5, after.segments().size()))
                .extracting(PlayReport.Segment::source).doesNotContain("peer");
        assertThat(after.missedDeadlines()).isZero();
        assertThat(after.stalls().count()).isZero();
        assertThat(after.framesDisplayed()).isGreaterThan(before.framesDisplayed());
    }

    private static long cdnAndFallback(PlayReport r) {
        return r.downloadedBytes().get("cdn") + r.downloadedBytes().get("fallback");
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
