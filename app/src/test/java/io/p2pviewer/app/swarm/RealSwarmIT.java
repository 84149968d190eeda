package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Real engines in separate processes, real WebRTC data channels, a real tracker and origin. */
class RealSwarmIT {
    @Test
    void fourEnginesShareTheLiveStreamAndTheOriginCountReconciles() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("four")) {
            List<String> names = List.of("p1", "p2", "p3", "p4");
            for (String n : names) {
                swarm.startPeer(n, 60);
                Thread.sleep(3000);
            }
            long peer = 0;
            long all = 0;
            long cdnAndFallback = 0;
            List<String> lines = new ArrayList<>();
            for (String n : names) {
                PlayReport r = swarm.await(n, 120);
                assertThat(r.ok()).as("%s ok: %s", n, r.reason()).isTrue();
                assertThat(r.missedDeadlines()).as("%s missed deadlines", n).isZero();
                assertThat(r.stalls().count()).as("%s stalls", n).isZero();
                assertThat(r.firstFrameSeconds()).as("%s: seconds until its playback started", n)
                        .isPositive().isLessThan(r.durationSeconds());
                swarm.assertSegmentsMatchOrigin(r);
                peer += r.servedBytes().get("peer");
                all += r.servedBytes().values().stream().mapToLong(Long::longValue).sum();
                cdnAndFallback += SwarmHarness.cdnAndFallback(r);
                lines.add(String.format(Locale.ROOT, "%s offload %.1f%% up %d B peers %d startup %.2f s", n,
                        r.offload() * 100, r.uploadedBytes(), r.peers().size(), r.firstFrameSeconds()));
            }
            double offload = (double) peer / all;
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "SWARM 4 engines, 60 s: offload %.1f%% (ceiling 75%%)%n", offload * 100);
            assertThat(cdnAndFallback).as("origin bytes = engines' CDN + FALLBACK").isEqualTo(
                    swarm.origin.segmentBytesServed());
            assertThat(offload).as("P2P share of served bytes").isGreaterThan(0.5);
        }
    }
}
