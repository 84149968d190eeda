package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.sim.SimReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark: offload of 8 headless engines (separate processes, real WebRTC) on the live demo stream for 3
 * minutes, against the ceiling 1 - 1/8; missed deadlines; startup (first frame) p50 and p90; CPU and heap per
 * engine. Prints numbers. With {@code -Dbench.cdnOnly=true} the same engines run without a tracker (CDN only), the
 * baseline for startup.
 * Run: {@code mvn -Pbench verify -pl app -am -Dit.test=SwarmOffloadBenchIT -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.engines=N}, {@code -Dbench.seconds=S}).
 */
@Tag("bench")
class SwarmOffloadBenchIT {
    @Test
    void eightEnginesForThreeMinutes() throws Exception {
        int n = Integer.getInteger("bench.engines", 8);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "180"));
        boolean p2p = !Boolean.getBoolean("bench.cdnOnly");
        try (SwarmHarness swarm = new SwarmHarness("bench-" + n)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("e" + i);
                swarm.startPeer("e" + i, seconds, p2p);
                Thread.sleep(2000);
            }
            long peer = 0;
            long all = 0;
            long missed = 0;
            long cdnAndFallback = 0;
            List<Double> startups = new ArrayList<>();
            for (String name : names) {
                PlayReport r = swarm.await(name, (long) seconds + 120);
                peer += r.servedBytes().get("peer");
                all += r.servedBytes().values().stream().mapToLong(Long::longValue).sum();
                missed += r.missedDeadlines();
                cdnAndFallback += SwarmHarness.cdnAndFallback(r);
                startups.add(r.firstFrameSeconds());
                System.out.printf(Locale.ROOT, "BENCH %s offload %.1f%% missed %d stalls %d cpu %.1f s (%.1f%% of a core)"
                                + " heap %.1f MiB rss %.0f MiB%n", name, r.offload() * 100, r.missedDeadlines(),
                        r.stalls().count(), (Double) r.process().get("cpuSeconds"),
                        100 * (Double) r.process().get("cpuSeconds") / r.durationSeconds(),
                        (Double) r.process().get("heapUsedMiB"), (Double) r.process().getOrDefault("rssMiB", 0.0));
            }
            double offload = (double) peer / all;
            double ceiling = 1 - 1.0 / n;
            SimReport.Summary startup = SimReport.Summary.of(startups.stream().mapToDouble(Double::doubleValue)
                    .toArray());
            System.out.printf(Locale.ROOT, "BENCH startup (%s): first frame p50 %.2f s, p90 %.2f s, max %.2f s%n",
                    p2p ? "P2P" : "CDN only", startup.p50(), startup.p90(), startup.max());
            System.out.printf(Locale.ROOT, "BENCH swarm of %d for %.0f s: offload %.1f%% of ceiling %.1f%% = %.1f%% "
                    + "(goal >= 95%%), missed deadlines %d (goal 0)%n", n, seconds, offload * 100, ceiling * 100,
                    offload / ceiling * 100, missed);
            assertThat(cdnAndFallback).isEqualTo(swarm.origin.segmentBytesServed());
        }
    }
}
