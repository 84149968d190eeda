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
 * baseline for startup. With {@code -Dbench.mixed=true} every other engine runs CDN-only: the startups of both kinds,
 * started alternately, are compared within one run, so that both see the same load (the offload line then counts
 * the P2P engines only, against their own ceiling); e0 is P2P, or with {@code -Dbench.cdnFirst=true} CDN-only: the
 * origin's first client pays its cold start, so runs of both orders are pooled.
 * Run: {@code mvn -Pbench verify -pl app -am -Dit.test=SwarmOffloadBenchIT -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.engines=N}, {@code -Dbench.seconds=S}).
 */
@Tag("bench")
class SwarmOffloadBenchIT {
    @Test
    void eightEnginesForThreeMinutes() throws Exception {
        int n = Integer.getInteger("bench.engines", 8);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "180"));
        boolean p2pOnly = !Boolean.getBoolean("bench.cdnOnly");
        boolean mixed = Boolean.getBoolean("bench.mixed");
        boolean cdnFirst = Boolean.getBoolean("bench.cdnFirst"); // mixed: e0 (the origin's first client) CDN-only
        try (SwarmHarness swarm = new SwarmHarness("bench-" + n)) {
            List<String> names = new ArrayList<>();
            List<Boolean> p2ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean p2p = mixed ? i % 2 == (cdnFirst ? 1 : 0) : p2pOnly;
                names.add("e" + i);
                p2ps.add(p2p);
                swarm.startPeer("e" + i, seconds, p2p);
                Thread.sleep(2000);
            }
            long peer = 0;
            long all = 0;
            long missed = 0;
            long cdnAndFallback = 0;
            List<Double> startups = new ArrayList<>();
            List<Double> cdnOnlyStartups = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = names.get(i);
                PlayReport r = swarm.await(name, (long) seconds + 120);
                cdnAndFallback += SwarmHarness.cdnAndFallback(r);
                if (!p2ps.get(i) && mixed) {
                    cdnOnlyStartups.add(r.firstFrameSeconds());
                    System.out.printf(Locale.ROOT, "BENCH %s (CDN only) startup %.2f s%n", name,
                            r.firstFrameSeconds());
                    continue;
                }
                peer += r.servedBytes().get("peer");
                all += r.servedBytes().values().stream().mapToLong(Long::longValue).sum();
                missed += r.missedDeadlines();
                startups.add(r.firstFrameSeconds());
                System.out.printf(Locale.ROOT, "BENCH %s startup %.2f s offload %.1f%% missed %d stalls %d cpu %.1f s"
                                + " (%.1f%% of a core) heap %.1f MiB rss %.0f MiB%n", name, r.firstFrameSeconds(),
                        r.offload() * 100, r.missedDeadlines(),
                        r.stalls().count(), (Double) r.process().get("cpuSeconds"),
                        100 * (Double) r.process().get("cpuSeconds") / r.durationSeconds(),
                        (Double) r.process().get("heapUsedMiB"), (Double) r.process().getOrDefault("rssMiB", 0.0));
            }
            double offload = (double) peer / all;
            int p2pEngines = startups.size();
            double ceiling = 1 - 1.0 / p2pEngines;
            printStartup(p2pOnly || mixed ? "P2P" : "CDN only", startups);
            if (mixed) {
                printStartup("CDN only, same run", cdnOnlyStartups);
            }
            System.out.printf(Locale.ROOT, "BENCH swarm of %d for %.0f s: offload %.1f%% of ceiling %.1f%% = %.1f%% "
                    + "(goal >= 95%%), missed deadlines %d (goal 0)%n", p2pEngines, seconds, offload * 100,
                    ceiling * 100, offload / ceiling * 100, missed);
            assertThat(cdnAndFallback).isEqualTo(swarm.origin.segmentBytesServed());
        }
    }

    private static void printStartup(String kind, List<Double> startups) {
        SimReport.Summary startup = SimReport.Summary.of(startups.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "BENCH startup (%s, %d engines): first frame p50 %.2f s, p90 %.2f s, "
                + "max %.2f s%n", kind, startups.size(), startup.p50(), startup.p90(), startup.max());
    }
}
