package io.p2pviewer.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.testing.NetnsFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo's swarm with real WebRTC, in a network namespace the test creates (WebRTC needs a non-loopback
 * interface): peers deliver most of the stream, then "all peers leave" and the CDN takes over without a missed
 * deadline, and offload falls.
 */
class DemoStagingIT {
    @Test
    @SuppressWarnings("unchecked")
    void whenTheDemoPeersLeaveTheCdnTakesOverAndOffloadFalls() throws Exception {
        Path out = Path.of("target", "demo-staging.json").toAbsolutePath();
        try (NetnsFixture ns = NetnsFixture.create(Path.of("target", "netns"))) {
            Process p = ns.exec(NetnsFixture.javaCommand(DemoStagingProbe.class.getName(),
                    List.of("-Xmx512m", "--sun-misc-unsafe-memory-access=allow"), List.of(out.toString())), Map.of());
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("probe finishes; log %s", ns.logFile(p)).isTrue();
            assertThat(p.exitValue()).as("exit code; log %s", ns.logFile(p)).isZero();
        }
        Map<String, Map<String, Object>> r = ReportWriter.mapper().readValue(out.toFile(), Map.class);
        Map<String, Object> before = r.get("before");
        Map<String, Object> after = r.get("after");
        System.out.println("demo staging: before " + before + " after " + after);
        assertThat(((Number) before.get("peerServed")).longValue()).as("peers delivered before").isPositive();
        assertThat(((Number) before.get("connectedPeers")).intValue()).isEqualTo(3);
        assertThat(((Number) after.get("connectedPeers")).intValue()).isZero();
        long cdnBefore = ((Number) before.get("cdnServed")).longValue() + ((Number) before.get("fallbackServed")).longValue();
        long cdnAfter = ((Number) after.get("cdnServed")).longValue() + ((Number) after.get("fallbackServed")).longValue();
        assertThat(cdnAfter - cdnBefore).as("CDN + FALLBACK bytes in the 30 s after the peers left")
                .isGreaterThan(3_000_000);
        assertThat(((Number) after.get("offload")).doubleValue())
                .isLessThan(((Number) before.get("offload")).doubleValue());
        assertThat(((Number) after.get("missedDeadlines")).longValue()).isZero();
    }
}
