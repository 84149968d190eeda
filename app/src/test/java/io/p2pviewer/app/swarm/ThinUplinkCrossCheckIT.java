package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.sim.Scenario;
import io.p2pviewer.sim.ScenarioReader;
import io.p2pviewer.sim.SimReport;
import io.p2pviewer.sim.Simulation;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's real-WebRTC cross-check where uplinks are thinner than the stream: the case of
 * {@code bench/scenarios/real-thin-5.json} (five viewers of the live 360p variant joining evenly over the ramp,
 * each with an uplink of about 0.7x the bitrate) played by real engines over real WebRTC and by the simulator (the
 * mean of {@link #SEEDS} seeds, with the scenario's wire model), whose offloads must be within {@link #TOLERANCE}.
 * About 130 s; numbers in docs/BENCHMARKS.md ("Issue 25: real-WebRTC cross-check" and "Issue 25: the wire model").
 *
 * <p>Real side: a {@link NatBed} public segment (a bridge in a namespace the test makes) with the demo origin and
 * the embedded tracker on the test JVM's side of its veth, unshaped, and one namespace per engine on the bridge
 * (its own address and egress), whose uplink (the egress of its {@code eth0}) and downlink (the egress of its
 * bridge port) tc's tbf shapes to the scenario's rates. Each engine is a {@code viewer peer} process (its own
 * engine and WebRTC factory) that plays until the scenario's end. Simulated side: the same scenario in process
 * ({@link Simulation}). The scenario's bitrate must be the origin's measured bitrate of that variant, so the file
 * and the origin cannot drift apart unnoticed. Needs root and iproute2's {@code ip} and {@code tc}.
 *
 * <p>A benchmark, not part of CI: with so few segments crossing between peers at this uplink, one run's real
 * offload moves by several points (4.7-8.6 % over six runs, 0.5-4.5 points from the simulator's), too close to the
 * tolerance for a gate. Run: {@code mvn -Pbench verify -pl app -am -Dit.test=ThinUplinkCrossCheckIT
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class ThinUplinkCrossCheckIT {
    /** The case; {@code -Dthin.scenario=FILE} runs another (one uplink for all, the 360p bitrate). */
    static final Path SCENARIO = Path.of(System.getProperty("thin.scenario",
            Path.of("..", "bench", "scenarios", "real-thin-5.json").toString()));
    static final String VARIANT = "360p";
    /** Most the real offload may differ from the simulated one: issue 25's goal. */
    static final double TOLERANCE = 0.05;
    /**
     * Longest a shaped queue holds at its rate before it drops (a small home router's queue): the scenario's {@code
     * wire.uplinkQueueMs} (default 200 ms); {@code -Dthin.queueMillis=N} sets another for both the real and the
     * simulated run.
     */
    static final Integer QUEUE_MILLIS = Integer.getInteger("thin.queueMillis");
    /**
     * More {@code viewer peer} options for every engine, space-separated ({@code -Dthin.peerArgs="--upload-limit
     * 900"}): to see how an engine setting changes the real side (the simulated side does not take them).
     */
    static final List<String> PEER_ARGS = List.of(System.getProperty("thin.peerArgs", "").strip().split("\\s+"))
            .stream().filter(a -> !a.isEmpty()).toList();
    /**
     * Seeds the simulated side is drawn with (the scenario's and the next ones), compared by their mean: just above
     * u = r one draw of five viewers is chaotic (47.7 / 43.4 / 52.9 % offload over seeds 1-3 at 1.3 Mbit/s with the
     * wire model), as is one real run, so a single seed would be a poor stand-in for the simulator.
     */
    static final int SEEDS = 3;
    /** Upload the shaping lets through above its rate over a whole run (the token bucket's first burst). */
    static final double SHAPING_SLACK = 1.05;

    /** One engine's numbers. */
    private record Engine(String name, PlayReport report) {
        long served() {
            return report.servedBytes().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void realEnginesOverShapedUplinksOffloadWithinFivePointsOfTheSimulator() throws Exception {
        Scenario read = ScenarioReader.read(SCENARIO);
        Scenario scenario = QUEUE_MILLIS == null ? read : read.withWire(new Scenario.Wire(read.wire().overhead(),
                Duration.ofMillis(QUEUE_MILLIS)));
        int queueMillis = (int) scenario.wire().uplinkQueue().toMillis();
        int n = scenario.viewers();
        double seconds = scenario.duration().toMillis() / 1000.0;
        double gap = scenario.ramp().toMillis() / 1000.0 / n;
        long uplink = Math.round(scenario.uplinkMbps().mean() * 1e6);
        long downlink = Math.round(scenario.downlinkMbps().mean() * 1e6);
        assertThat(scenario.uplinkMbps().lowest()).as("one uplink for every viewer")
                .isEqualTo(scenario.uplinkMbps().mean());

        List<Engine> engines = new ArrayList<>();
        long originBytes;
        Path dir = Path.of("target", "thin", scenario.name());
        try (NatBed bed = new NatBed(dir);
             DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress(NatBed.PUBLIC_HOST)
                     .mode(DemoMode.LIVE).build())) {
            double bitrate = measuredBitrateMbps(origin, scenario.stream().segmentSeconds());
            System.out.printf(Locale.ROOT, "THIN origin %s: %.4f Mbit/s (scenario %.4f); uplinks %d bit/s = %.2fx, "
                    + "downlinks %d bit/s, queues %d ms%n", VARIANT, bitrate, scenario.meanBitrateMbps(), uplink,
                    uplink / (bitrate * 1e6), downlink, queueMillis);
            assertThat(scenario.meanBitrateMbps()).as("the scenario's bitrate is the origin's %s", VARIANT)
                    .isCloseTo(bitrate, Percentage.withPercentage(1));
            EmbeddedTracker tracker = new EmbeddedTracker();
            try {
                URI trackerUri = tracker.start(InetAddress.getByName(NatBed.PUBLIC_HOST), 0);
                List<String> hosts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String host = bed.addPublicHost(11 + i);
                    bed.shape(host, 11 + i, uplink, downlink, queueMillis);
                    hosts.add(host);
                }
                List<Process> processes = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long due = start + (long) (i * gap * 1e9);
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                    String name = "e" + i;
                    List<String> args = new ArrayList<>(List.of("peer", origin.masterUri().toString(),
                            "--tracker", trackerUri.toString(), "--variant", VARIANT, "--duration",
                            Double.toString(seconds - i * gap), "--report", report(dir, name).toString()));
                    args.addAll(PEER_ARGS);
                    processes.add(bed.startViewer(hosts.get(i), name, args));
                }
                for (int i = 0; i < n; i++) {
                    String name = "e" + i;
                    Process p = processes.get(i);
                    assertThat(p.waitFor((long) seconds + 120, TimeUnit.SECONDS))
                            .as("%s exits (log %s)", name, bed.logOf(name)).isTrue();
                    assertThat(p.exitValue()).as("exit code of %s, log %s", name, bed.logOf(name)).isZero();
                    PlayReport r = ReportWriter.mapper().readValue(report(dir, name).toFile(), PlayReport.class);
                    assertThat(r.ok()).as("%s ok: %s", name, r.reason()).isTrue();
                    SwarmHarness.assertSegmentsMatchOrigin(origin, r);
                    engines.add(new Engine(name, r));
                    System.out.printf(Locale.ROOT, "THIN %s %.0f s: offload %.1f%%, up %.3f Mbit/s, missed %d, "
                                    + "stalls %d, peers %d; uplink queue %s%n", name, r.durationSeconds(),
                            r.offload() * 100, r.uploadedBytes() * 8 / r.durationSeconds() / 1e6,
                            r.missedDeadlines(), r.stalls().count(), r.peers().size(), bed.uplinkStats(hosts.get(i)));
                }
            } finally {
                tracker.close();
            }
            originBytes = origin.segmentBytesServed();
        }

        long peer = engines.stream().mapToLong(e -> e.report().servedBytes().get("peer")).sum();
        long served = engines.stream().mapToLong(Engine::served).sum();
        long missed = engines.stream().mapToLong(e -> e.report().missedDeadlines()).sum();
        long stalls = engines.stream().mapToLong(e -> e.report().stalls().count()).sum();
        double real = (double) peer / served;
        double uplinkUse = engines.stream().mapToDouble(e -> e.report().uploadedBytes() * 8.0
                / (uplink * e.report().durationSeconds())).average().orElse(0);
        double simulated = 0;
        for (int k = 0; k < SEEDS; k++) {
            Scenario drawn = scenario.withSeed(scenario.seed() + k);
            SimReport sim = new Simulation(drawn, Clock.systemUTC()).run(Duration.ofMinutes(5), p -> { });
            simulated += sim.offload() / SEEDS;
            System.out.printf(Locale.ROOT, "THIN %s seed %d: simulated offload %.1f%%, missed deadlines %d, stalls "
                            + "%d, uplink use %.1f%% (bound %.1f%%; wire overhead %.2f, uplink queue %d ms)%n",
                    scenario.name(), drawn.seed(), sim.offload() * 100, sim.missedDeadlinesTotal(), sim.stallsTotal(),
                    sim.fairness().meanUtilisation() * 100, sim.bound() * 100, drawn.wire().overhead(), queueMillis);
        }
        System.out.printf(Locale.ROOT, "THIN %s: real offload %.1f%%, missed deadlines %d, stalls %d, uplink use "
                        + "%.1f%% | simulated offload %.1f%% (mean of %d seeds) | %.1f points apart%n",
                scenario.name(), real * 100, missed, stalls, uplinkUse * 100, simulated * 100, SEEDS,
                Math.abs(real - simulated) * 100);

        assertThat(engines.stream().mapToLong(e -> SwarmHarness.cdnAndFallback(e.report())).sum())
                .as("origin bytes = engines' CDN + FALLBACK").isEqualTo(originBytes);
        for (Engine e : engines) {
            assertThat(e.report().uploadedBytes() * 8 / e.report().durationSeconds())
                    .as("%s's upload rate is held to its shaped uplink", e.name())
                    .isLessThanOrEqualTo(uplink * SHAPING_SLACK);
        }
        assertThat(real).as("real offload against the simulated %.3f", simulated)
                .isCloseTo(simulated, Offset.offset(TOLERANCE));
    }

    private static Path report(Path dir, String name) {
        return dir.resolve(name + ".json").toAbsolutePath();
    }

    /**
     * The variant's mean bitrate as the origin serves it: the bytes of its first {@code 200} segments (what viewers
     * download, encrypted; the demo clip loops every few segments) over their duration.
     */
    private static double measuredBitrateMbps(DemoOrigin origin, double segmentSeconds) {
        int segments = 200;
        long bytes = 0;
        for (long seq = 0; seq < segments; seq++) {
            bytes += origin.segmentBytes(VARIANT, seq).length;
        }
        return bytes * 8.0 / (segments * segmentSeconds) / 1e6;
    }
}
