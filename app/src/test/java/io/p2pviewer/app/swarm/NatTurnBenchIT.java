package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Benchmark: offload and start-up of 4 headless viewers each behind its own symmetric NAT, reaching each other
 * only through coturn, against the same 4 on one LAN segment, one after the other in the same {@link NatBed} and
 * with the same ICE servers file; and coturn's CPU time per relayed Mbit/s. Prints numbers.
 *
 * <p>Start-up is the time from a viewer's tracker connection to its first connected peer (its log's "tracker ...:
 * Connected" and "peer ... connected" lines, timestamped by logback's %relative), so a loaded machine's slow JVM starts
 * do not count; viewers start 2 s apart, so the first one also waits for the second. TURN CPU is coturn's user +
 * system time from {@code /proc} over the NAT phase divided by the megabits the viewers received through a relay.
 * Run: {@code mvn -Pbench verify -pl app -am -Dit.test=NatTurnBenchIT -Dfailsafe.failIfNoSpecifiedTests=false}
 * (root; {@code -Dbench.viewers=4 -Dbench.seconds=90}).
 */
@Tag("bench")
class NatTurnBenchIT {
    private static final Pattern TRACKER = Pattern.compile("^(\\d+) \\[.*: Connected\\[");
    private static final Pattern CONNECTED =
            Pattern.compile("^(\\d+) \\[.*\\] INFO \\S+ - \\[\\S+\\] peer \\S+ connected");

    /** What one group of viewers did. */
    private record Phase(String name, List<PlayReport> reports, List<OptionalLong> firstPeerMillis, double turnCpu,
                         double seconds) {
        long peer() {
            return reports.stream().mapToLong(r -> r.downloadedBytes().get("peer")).sum();
        }

        long relayed() {
            return reports.stream().mapToLong(PlayReport::relayedBytes).sum();
        }

        long all() {
            return reports.stream().mapToLong(r -> r.downloadedBytes().values().stream().mapToLong(Long::longValue)
                    .sum()).sum();
        }

        long missed() {
            return reports.stream().mapToLong(PlayReport::missedDeadlines).sum();
        }

        String startups() {
            return firstPeerMillis.stream().map(Phase::seconds).toList().toString();
        }

        static String seconds(OptionalLong millis) {
            return millis.isPresent() ? String.format(Locale.ROOT, "%.2f s", millis.getAsLong() / 1000.0) : "never";
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // two phases of bench.seconds each, beyond the 5 min default
    void fourViewersBehindSymmetricNatsThroughTurnAgainstFourOnALan() throws Exception {
        int n = Integer.getInteger("bench.viewers", 4);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "90"));
        Path dir = Path.of("target", "nat", "bench");
        try (NatBed bed = new NatBed(dir);
             DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress(NatBed.PUBLIC_HOST)
                     .mode(DemoMode.LIVE).build())) {
            String lanHost = bed.addNatSide(20, false);
            List<String> natHosts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                natHosts.add(bed.addNatSide(21 + i, true));
            }
            bed.startTurn();
            Path ice = bed.iceServers("turn", true, NatBed.TURN_PASSWORD).toAbsolutePath();
            Phase lan = phase(bed, origin, "lan", java.util.Collections.nCopies(n, lanHost), ice, seconds);
            Phase nat = phase(bed, origin, "nat", natHosts, ice, seconds);
            for (Phase p : List.of(lan, nat)) {
                for (int i = 0; i < n; i++) {
                    PlayReport r = p.reports().get(i);
                    System.out.printf(Locale.ROOT, "BENCH NAT %s v%d: offload %.1f%% peer %d B relayed %d B missed %d"
                                    + " stalls %d first peer %s routes %s notices %s%n", p.name(), i,
                            r.offload() * 100, r.downloadedBytes().get("peer"), r.relayedBytes(), r.missedDeadlines(),
                            r.stalls().count(), Phase.seconds(p.firstPeerMillis().get(i)), r.peers().stream()
                                    .map(PlayReport.Peer::route).distinct().toList(), r.notices());
                }
                System.out.printf(Locale.ROOT, "BENCH NAT %s: %d viewers, %.0f s: offload %.1f%% (ceiling %.1f%%), "
                                + "relayed %.1f MB, missed deadlines %d, tracker to first peer %s%n", p.name(), n,
                        seconds, 100.0 * p.peer() / p.all(), 100 * (1 - 1.0 / n), p.relayed() / 1e6, p.missed(),
                        p.startups());
            }
            double megabits = nat.relayed() * 8 / 1e6;
            double mbps = megabits / nat.seconds();
            System.out.printf(Locale.ROOT, "BENCH NAT turn: coturn CPU %.2f s over %.0f s relaying %.1f Mbit "
                            + "(%.2f Mbit/s): %.3f CPU s per Mbit, %.2f%% of a core per Mbit/s%n", nat.turnCpu(),
                    nat.seconds(), megabits, mbps, nat.turnCpu() / megabits,
                    100 * nat.turnCpu() / nat.seconds() / mbps);
            assertThat(nat.relayed()).as("bytes through the relay").isPositive();
        }
    }

    /** Runs {@code hosts.size()} viewers, one per entry (namespaces may repeat), against a fresh tracker. */
    private static Phase phase(NatBed bed, DemoOrigin origin, String name, List<String> hosts, Path ice,
                               double seconds) throws Exception {
        EmbeddedTracker tracker = new EmbeddedTracker();
        try {
            URI trackerUri = tracker.start(InetAddress.getByName(NatBed.PUBLIC_HOST), 0);
            double cpuBefore = bed.turnCpuSeconds();
            long started = System.nanoTime();
            List<Process> viewers = new ArrayList<>();
            List<Path> reports = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                Path report = bed.logOf(name + i).resolveSibling(name + i + ".json").toAbsolutePath();
                reports.add(report);
                viewers.add(bed.startViewer(hosts.get(i), name + i, List.of("peer", origin.masterUri().toString(),
                        "--tracker", trackerUri.toString(), "--duration", Double.toString(seconds), "--report",
                        report.toString(), "--ice-servers", ice.toString()), List.of(
                        "-Dp2pviewer.logPrefix=%relative ")));
                Thread.sleep(2000);
            }
            List<PlayReport> played = new ArrayList<>();
            List<OptionalLong> firstPeer = new ArrayList<>();
            for (int i = 0; i < viewers.size(); i++) {
                Process p = viewers.get(i);
                assertThat(p.waitFor((long) seconds + 60, TimeUnit.SECONDS)).as("%s%d exits", name, i).isTrue();
                assertThat(p.exitValue()).as("exit code of %s%d (log %s)", name, i, bed.logOf(name + i)).isZero();
                played.add(ReportWriter.mapper().readValue(reports.get(i).toFile(), PlayReport.class));
                firstPeer.add(firstConnected(bed.logOf(name + i)));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            return new Phase(name, played, firstPeer, bed.turnCpuSeconds() - cpuBefore, wall);
        } finally {
            tracker.close();
        }
    }

    /** Ms from the viewer's first tracker connection to its first connected peer, from its timestamped log. */
    private static OptionalLong firstConnected(Path log) throws IOException {
        long tracker = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher t = TRACKER.matcher(line);
            if (tracker < 0 && t.find()) {
                tracker = Long.parseLong(t.group(1));
            }
            Matcher m = CONNECTED.matcher(line);
            if (tracker >= 0 && m.find()) {
                return OptionalLong.of(Long.parseLong(m.group(1)) - tracker);
            }
        }
        return OptionalLong.empty();
    }
}
