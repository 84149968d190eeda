package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.peer.tracker.PeerReachability;
import io.p2pviewer.engine.stream.Hashes;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two headless viewers, each behind its own NAT router, with the origin, the tracker and coturn on a public
 * segment ({@link NatBed}): real namespaces, iptables NAT, coturn, WebRTC and engines in child JVMs.
 */
class NatTraversalIT {
    private static final double SECONDS = 35;
    /** The TURN "secret" that means coturn with the one static user. */
    private static final String STATIC_TURN = "static";
    private static final String REST_SECRET = "rest-secret-0123456789abcdef0123456789";

    /** What one case ran and what its viewers reported. */
    private record Run(List<PlayReport> reports, long originBytes, DemoOrigin origin, Path turnLog) {
        long peerBytes(PlayReport r) {
            return r.downloadedBytes().get("peer");
        }
    }

    /** Starts the bed, runs two viewers with {@code extra} options behind NATs, returns their reports. */
    private Run run(String name, boolean symmetric, boolean turn, String iceServers, String... extra)
            throws Exception {
        return run(name, symmetric, turn ? STATIC_TURN : null, Arrays.asList(iceServers, iceServers), SECONDS, extra);
    }

    /**
     * Starts the bed (coturn with static credentials, or REST ones on this secret, or none), runs one viewer
     * behind its own NAT per entry of {@code iceServers} (an ICE servers file's name or null), with {@code extra}
     * options, each playing {@code seconds}, returns their reports.
     */
    private Run run(String name, boolean symmetric, String turnSecret, List<String> iceServersPerViewer,
                    double seconds, String... extra) throws Exception {
        boolean turn = turnSecret != null;
        Path dir = Path.of("target", "nat", name);
        try (NatBed bed = new NatBed(dir);
             DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress(NatBed.PUBLIC_HOST)
                     .mode(DemoMode.LIVE).build())) {
            EmbeddedTracker tracker = new EmbeddedTracker();
            try {
                URI trackerUri = tracker.start(InetAddress.getByName(NatBed.PUBLIC_HOST), 0);
                List<String> hosts = new ArrayList<>();
                for (int i = 0; i < iceServersPerViewer.size(); i++) {
                    hosts.add(bed.addNatSide(11 + i, symmetric));
                }
                if (turn) {
                    bed.startTurn(STATIC_TURN.equals(turnSecret) ? null : turnSecret);
                }
                bed.iceServers("turn", true, NatBed.TURN_PASSWORD);
                bed.iceServers("turn-wrong", true, "wrong-pass");
                bed.iceServers("stun", false, null);
                if (turn) {
                    Instant now = Instant.now();
                    bed.turnServers("rest", NatBed.restCredential(turnSecret, now.plusSeconds(3600), "viewer"));
                    bed.turnServers("rest-expired", NatBed.restCredential(turnSecret, now.minusSeconds(60), "late"));
                }
                List<Process> viewers = new ArrayList<>();
                for (int i = 0; i < hosts.size(); i++) {
                    List<String> args = new ArrayList<>(List.of("peer", origin.masterUri().toString(), "--tracker",
                            trackerUri.toString(), "--duration", Double.toString(seconds), "--report",
                            dir.resolve("v" + i + ".json").toAbsolutePath().toString()));
                    String iceServers = iceServersPerViewer.get(i);
                    if (iceServers != null) {
                        args.addAll(List.of("--ice-servers", dir.resolve(iceServers + ".json").toAbsolutePath()
                                .toString()));
                    }
                    args.addAll(List.of(extra));
                    viewers.add(bed.startViewer(hosts.get(i), "v" + i, args));
                    Thread.sleep(2000);
                }
                List<PlayReport> reports = new ArrayList<>();
                for (int i = 0; i < viewers.size(); i++) {
                    Process p = viewers.get(i);
                    assertThat(p.waitFor((long) seconds + 60, TimeUnit.SECONDS)).as("v%d exits (log %s)", i,
                            bed.logOf("v" + i)).isTrue();
                    assertThat(p.exitValue()).as("exit code of v%d: %s", i, Files.readString(bed.logOf("v" + i))
                            .lines().filter(l -> l.contains("error") || l.contains("WARN")).toList()).isZero();
                    reports.add(ReportWriter.mapper().readValue(dir.resolve("v" + i + ".json").toFile(),
                            PlayReport.class));
                }
                for (int i = 0; i < reports.size(); i++) {
                    PlayReport r = reports.get(i);
                    System.out.printf(Locale.ROOT, "NAT %s v%d: peer %d B relayed %d B cdn %d B offload %.1f%% "
                                    + "routes %s notices %s%n", name, i, r.downloadedBytes().get("peer"),
                            r.relayedBytes(), r.downloadedBytes().get("cdn"), r.offload() * 100,
                            r.peers().stream().map(PlayReport.Peer::route).toList(), r.notices());
                }
                Path turnLog = turn ? Files.copy(bed.turnLog(), dir.resolve("turn-copy.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING) : null;
                return new Run(reports, origin.segmentBytesServed(), origin, turnLog);
            } finally {
                tracker.close();
            }
        }
    }

    private static void assertByteIdentical(Run run) {
        for (PlayReport r : run.reports()) {
            assertThat(r.segments()).isNotEmpty();
            for (PlayReport.Segment s : r.segments()) {
                assertThat(s.sha256()).as("segment %s#%d from %s", s.variant(), s.mediaSequence(), s.source())
                        .isEqualTo(Hashes.sha256Hex(run.origin().segmentBytes(s.variant(), s.mediaSequence())));
            }
        }
    }

    private static void assertPlayedWell(PlayReport r) {
        assertThat(r.ok()).as("ok: %s", r.reason()).isTrue();
        assertThat(r.missedDeadlines()).as("missed deadlines").isZero();
        assertThat(r.stalls().count()).as("stalls").isZero();
    }

    @Test
    void symmetricNatsShareThroughTurnWithRelayOnly() throws Exception {
        Run run = run("turn-relay-only", true, true, "turn", "--relay-only");
        long cdnAndFallback = 0;
        for (PlayReport r : run.reports()) {
            assertPlayedWell(r);
            assertThat(run.peerBytes(r)).as("PEER bytes").isPositive();
            assertThat(r.relayedBytes()).as("relayed bytes = peer bytes (relay only)").isEqualTo(run.peerBytes(r));
            assertThat(r.peers()).as("peers").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.route()).isEqualTo("relay/relay"));
            assertThat(r.notices()).isEmpty();
            cdnAndFallback += SwarmHarness.cdnAndFallback(r);
        }
        assertByteIdentical(run);
        assertThat(cdnAndFallback).as("origin bytes = CDN + FALLBACK").isEqualTo(run.originBytes());
        assertThat(Files.readString(run.turnLog())).as("coturn's log").containsIgnoringCase("allocation");
    }

    /**
     * STUN hole punching through two endpoint-independent NATs. It needs the routers' INPUT firewall (see
     * {@link NatBed#addNatSide}): without it the first check to arrive from the other side left a conntrack entry
     * on the router that made MASQUERADE remap our own checks to a new port, so ICE never connected.
     */
    @Test
    void ordinaryNatsConnectWithStunOnly() throws Exception {
        Run run = run("stun", false, true, "stun");
        for (PlayReport r : run.reports()) {
            assertPlayedWell(r);
            assertThat(run.peerBytes(r)).as("PEER bytes").isPositive();
            assertThat(r.relayedBytes()).isZero();
            assertThat(r.peers()).isNotEmpty().allSatisfy(p -> assertThat(p.route())
                    .matches("(host|srflx|prflx)/(srflx|prflx)"));
        }
        assertByteIdentical(run);
    }

    @Test
    void withoutIceServersViewersBehindNatsPlayFromTheCdnAndSaySo() throws Exception {
        Run run = run("no-ice", false, false, null);
        for (PlayReport r : run.reports()) {
            assertPlayedWell(r);
            assertThat(run.peerBytes(r)).isZero();
            assertThat(r.notices()).contains(PeerReachability.UNREACHABLE);
        }
    }

    /**
     * Time-limited TURN REST credentials as docs/DEPLOY.md describes them (coturn's {@code use-auth-secret}): two
     * viewers with fresh ones share through the relay; a third whose credential expired a minute ago is refused by
     * coturn and plays from the CDN with the 401 notice.
     */
    @Test
    void timeLimitedRestCredentialsRelayAndAnExpiredOneIsRefused() throws Exception {
        Run run = run("turn-rest", true, REST_SECRET, List.of("rest", "rest", "rest-expired"),
                60, "--relay-only"); // three viewers: longer, so that a loaded machine's slow JVM starts leave time
        for (PlayReport r : run.reports().subList(0, 2)) {
            assertPlayedWell(r);
            assertThat(run.peerBytes(r)).as("PEER bytes").isPositive();
            assertThat(r.relayedBytes()).isEqualTo(run.peerBytes(r));
            assertThat(r.peers()).filteredOn(p -> !p.route().isEmpty()).as("peers with a route").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.route()).isEqualTo("relay/relay"));
        }
        PlayReport late = run.reports().get(2);
        assertPlayedWell(late);
        assertThat(run.peerBytes(late)).isZero();
        assertThat(late.notices()).anySatisfy(n -> assertThat(n).contains("401 Unauthorized"));
        assertThat(String.join(" ", late.notices())).doesNotContain(REST_SECRET);
        assertByteIdentical(run);
    }

    @Test
    void aWrongTurnPasswordMeansCdnOnlyAndAClearMessage() throws Exception {
        Run run = run("wrong-password", true, true, "turn-wrong", "--relay-only");
        for (PlayReport r : run.reports()) {
            assertPlayedWell(r);
            assertThat(run.peerBytes(r)).isZero();
            assertThat(r.notices()).isNotEmpty();
            assertThat(String.join(" ", r.notices())).doesNotContain("wrong-pass");
        }
    }
}
