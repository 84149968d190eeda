package io.p2pviewer.app.cli;

import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.engine.peer.swarm.RelayConfig;
import io.p2pviewer.sim.Scenario;
import io.p2pviewer.sim.ScenarioException;
import io.p2pviewer.sim.ScenarioReader;
import io.p2pviewer.sim.SimReport;
import io.p2pviewer.sim.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./viewer simulate SCENARIO.json [--report out.json]}: runs the swarm simulator (the real engine code of
 * every viewer over a simulated network, in virtual time), printing progress every few seconds and a summary at
 * the end. Exit 2 with a one-line message on a bad scenario file.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a swarm of viewers in virtual time with the engine's real scheduler, swarm and",
                "peer protocol over an in-memory network with link capacities and latencies (docs/SIMULATOR.md)."})
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (see bench/scenarios/).")
    Path scenario;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--cdn-only", description = "Run the scenario without P2P (the CDN-only baseline).")
    boolean cdnOnly;

    @Option(names = "--no-relay", description = "Viewers pass on only segments they hold, not those they are "
            + "receiving (relay while receiving off, for comparing the same build with and without it).")
    boolean noRelay;

    @Option(names = "--sources", paramLabel = "N", description = "At most N engine peers send parts of one segment "
            + "at once (default: the scenario's relay.sources, else 3; 1: one peer per segment, multi-source off).")
    Integer sources;

    @Option(names = "--relay-within-ms", paramLabel = "MS", description = "Offer a segment being received once it "
            + "ends within this many ms (default: the scenario's relay.withinMs, else 1000).")
    Long relayWithinMs;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "3",
            description = "Wall seconds between progress lines (default ${DEFAULT-VALUE}).")
    double progressSeconds;

    @Override
    public Integer call() {
        // Thousands of engines log every peer connection at info; the simulator's output is its report.
        io.p2pviewer.app.logging.LogFiles.quiet("io.p2pviewer.engine", org.slf4j.event.Level.ERROR);
        Scenario s;
        try {
            s = ScenarioReader.read(scenario);
        } catch (ScenarioException e) {
            System.err.println("error: " + scenario + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!(progressSeconds > 0)) {
            System.err.println("error: --progress must be positive");
            return ExitCodes.USAGE;
        }
        if (cdnOnly) {
            s = s.withP2p(false);
        }
        if (relayWithinMs != null) {
            if (relayWithinMs < 0) {
                System.err.println("error: --relay-within-ms must not be negative");
                return ExitCodes.USAGE;
            }
            s = s.withRelay(new RelayConfig(s.relay().enabled(), Duration.ofMillis(relayWithinMs),
                    s.relay().sources()));
        }
        if (noRelay) {
            s = s.withRelay(new RelayConfig(false, s.relay().within(), s.relay().sources()));
        }
        if (sources != null) {
            if (sources < 1) {
                System.err.println("error: --sources must be at least 1");
                return ExitCodes.USAGE;
            }
            s = s.withRelay(s.relay().withSources(sources));
        }
        PrintStream out = System.out;
        String sources = s.relay().sources() > 1 ? ", " + s.relay().sources() + " sources per segment at most" : "";
        out.printf(Locale.ROOT, "simulating %s: %d viewers, %s, %.0f s, P2P %s%n", s.name(), s.viewers(),
                s.stream().live() ? "live" : "VOD", s.duration().toMillis() / 1000.0, !s.p2p() ? "off"
                        : (s.relay().enabled() ? "on (relay within " + s.relay().within().toMillis() + " ms"
                        : "on (relay off") + sources + ")");
        double total = s.duration().toMillis() / 1000.0;
        SimReport r = new Simulation(s, Clock.systemUTC()).run(Duration.ofMillis((long) (progressSeconds * 1000)),
                p -> out.printf(Locale.ROOT, "  t=%.0f/%.0f s  viewers %d  offload so far %.1f %%%n",
                        p.simulatedSeconds(), total, p.viewers(), 100 * p.offload()));
        summary(r, out);
        if (report != null) {
            try {
                ReportWriter.write(r, report);
                out.println("report written to " + report);
            } catch (IOException e) {
                System.err.println("error: cannot write " + report + ": " + e.getMessage());
                return ExitCodes.ENVIRONMENT;
            }
        }
        return ExitCodes.OK;
    }

    static void summary(SimReport r, PrintStream out) {
        String f = "  %-24s %s%n";
        out.printf(Locale.ROOT, f, "offload", String.format(Locale.ROOT,
                "%.1f %%  (bound min(1 - 1/N, u/r) = %.1f %%, u/r = %.2f; %.1f %% of the bound)",
                100 * r.offload(), 100 * r.bound(), r.uplinkOverBitrate(), 100 * r.offloadOfBound()));
        out.printf(Locale.ROOT, f, "", String.format(Locale.ROOT,
                "(against the uplinks' payload, min(1 - 1/N, u/(overhead r)) = %.1f %%: %.1f %% of it)",
                100 * r.payloadBound(), 100 * r.offloadOfPayloadBound()));
        SimReport.Summary seg = r.cdn().fetchesPerSegment();
        out.printf(Locale.ROOT, f, "CDN fetches per segment", String.format(Locale.ROOT,
                "mean %.2f  p50 %.0f  p90 %.0f  max %.0f  (%d segments, %.1f GB from the CDN)", seg.mean(), seg.p50(),
                seg.p90(), seg.max(), seg.count(), r.cdn().bytes() / 1e9));
        out.printf(Locale.ROOT, f, "stalls", String.format(Locale.ROOT,
                "%d in %d of %d viewers  (stalled s per viewer p90 %.1f, max %.1f)", r.stallsTotal(),
                r.viewersWithStalls(), r.viewersTotal(), r.stallSecondsPerViewer().p90(),
                r.stallSecondsPerViewer().max()));
        out.printf(Locale.ROOT, f, "missed deadlines", String.format(Locale.ROOT,
                "%d  (per viewer mean %.2f, p90 %.0f, max %.0f)", r.missedDeadlinesTotal(),
                r.missedDeadlinesPerViewer().mean(), r.missedDeadlinesPerViewer().p90(),
                r.missedDeadlinesPerViewer().max()));
        SimReport.Summary st = r.startupSeconds();
        out.printf(Locale.ROOT, f, "startup s", String.format(Locale.ROOT,
                "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (%d never started)", st.p50(), st.p90(), st.p99(), st.max(),
                r.viewersNeverStarted()));
        out.printf(Locale.ROOT, f, "upload fairness", String.format(Locale.ROOT,
                "Jain index of uplink use %.2f, mean use %.1f %%, top 10 %% send %.1f %% of uploads",
                r.fairness().jainIndexOfUtilisation(), 100 * r.fairness().meanUtilisation(),
                100 * r.fairness().topTenthShare()));
        out.printf(Locale.ROOT, f, "uplink use by speed", r.fairness().byUplink().stream()
                .map(u -> String.format(Locale.ROOT, "%s Mbit/s %.1f %% (busy %.1f %%, %d)", mbps(u.uplinkMbps()),
                        100 * u.meanUtilisation(), 100 * u.meanWireUse(), u.viewers()))
                .collect(Collectors.joining(", ")));
        SimReport.Summary pv = r.peersPerViewer();
        out.printf(Locale.ROOT, f, "peers per viewer", String.format(Locale.ROOT,
                "p50 %.0f  p90 %.0f  max %.0f  (connected at the end)", pv.p50(), pv.p90(), pv.max()));
        out.printf(Locale.ROOT, f, "cost", String.format(Locale.ROOT,
                "%.1f s wall, %.1f M tasks, %.1fx real time, %d viewers joined, %d partition%s on %d thread%s",
                r.cost().wallSeconds(), r.cost().tasks() / 1e6, r.cost().realTimeFactor(), r.viewersTotal(),
                r.cost().partitions(), r.cost().partitions() == 1 ? "" : "s", r.cost().threads(),
                r.cost().threads() == 1 ? "" : "s"));
    }

    /** An uplink speed as people write it: 1, 2.5, 0.75. */
    private static String mbps(double value) {
        double rounded = Math.round(value * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
