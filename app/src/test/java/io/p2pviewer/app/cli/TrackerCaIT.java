package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.peer.tracker.EmbeddedTrackerConfig;
import io.p2pviewer.engine.peer.tracker.JoinTokens;
import io.p2pviewer.testing.NetnsFixture;
import io.p2pviewer.testing.TestCa;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code viewer peer --tracker wss://... --tracker-ca FILE} end to end: a child JVM running the command against our
 * embedded tracker serving TLS with a certificate from a CA the test made (not trusted by the system) and requiring
 * a join token, on loopback. With the CA the tracker admits the viewer's announces; without it the TLS handshake
 * fails, the tracker sees nothing, and the viewer still plays from the CDN and says why in its log.
 */
class TrackerCaIT {
    private static final byte[] SECRET = "tracker-ca-it-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void wssWithTheNamedCaReachesTheTrackerAndWithoutItPlaysFromTheCdn() throws Exception {
        TestCa ca = TestCa.create(dir);
        JoinTokens tokens = new JoinTokens(SECRET, Clock.systemUTC());
        String token = tokens.issue(List.of("*"), Duration.ofHours(1));
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress("127.0.0.1")
                .mode(DemoMode.LIVE).build())) {
            EmbeddedTracker tracker = new EmbeddedTracker(EmbeddedTrackerConfig.defaults(), Clock.systemUTC(),
                    tokens, ca.serverContext());
            try {
                URI uri = tracker.start(InetAddress.getLoopbackAddress(), 0);
                assertThat(uri.getScheme()).isEqualTo("wss");
                String tracked = uri + "/announce?token=" + token;

                Viewer trusting = run(origin, "trusting", tracked, "--tracker-ca", ca.caPem().toString());
                assertThat(trusting.report().ok()).as("ok: %s", trusting.report().reason()).isTrue();
                assertThat(trusting.report().notices()).isEmpty();
                long announces = tracker.counters().announces();
                assertThat(announces).as("announces the tracker admitted").isPositive();
                assertThat(tracker.counters().refusedTokens()).isZero();
                assertThat(trusting.log()).doesNotContain(token);

                Viewer untrusting = run(origin, "untrusting", tracked);
                assertThat(untrusting.report().ok()).as("ok: %s", untrusting.report().reason()).isTrue();
                assertThat(untrusting.report().downloadedBytes().get("cdn")).isPositive();
                assertThat(tracker.counters().announces()).as("no announce without the CA").isEqualTo(announces);
                assertThat(untrusting.log()).containsIgnoringCase("certification path").doesNotContain(token);
            } finally {
                tracker.close();
            }
        }
    }

    /** What one viewer run left: its report and its log. */
    private record Viewer(PlayReport report, String log) {
    }

    private Viewer run(DemoOrigin origin, String name, String tracker, String... extra) throws Exception {
        Path report = dir.resolve(name + ".json");
        Path log = dir.resolve(name + ".log");
        List<String> args = new ArrayList<>(List.of("peer", origin.masterUri().toString(), "--tracker", tracker,
                "--duration", "25", "--report", report.toString()));
        args.addAll(List.of(extra));
        Process p = new ProcessBuilder(NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain",
                List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow"), args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("%s exits (log %s)", name, log).isTrue();
        assertThat(p.exitValue()).as("exit code of %s: %s", name, Files.readString(log)).isZero();
        return new Viewer(ReportWriter.mapper().readValue(report.toFile(), PlayReport.class), Files.readString(log));
    }
}
