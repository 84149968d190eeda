package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What goes wrong in real swarms: a peer killed mid-transfer, a malicious peer, the tracker going away. */
class SwarmFailuresIT {
    @Test
    void aPeerKilledMidTransferLeavesItsRequestersInTime() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("kill")) {
            // The victim joins first and uploads slowly, so its transfers are long and likely in flight at the kill.
            Process victim = swarm.startPeer("victim", 120, "--upload-limit", "2000");
            Thread.sleep(4000);
            swarm.startPeer("a", 50);
            Thread.sleep(2000);
            swarm.startPeer("b", 50);
            Thread.sleep(20_000);
            victim.destroyForcibly(); // SIGKILL: no goodbye, the connections just go silent
            for (String n : new String[] {"a", "b"}) {
                PlayReport r = swarm.await(n, 120);
                assertThat(r.ok()).isTrue();
                assertThat(r.missedDeadlines()).as("%s missed deadlines", n).isZero();
                assertThat(r.stalls().count()).as("%s stalls", n).isZero();
                swarm.assertSegmentsMatchOrigin(r);
                assertThat(r.peers()).as("%s saw the victim", n).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void whatASlowPeerSentIsKeptAndTheOriginSendsOnlyTheRest() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("resume")) {
            // The slow peer uploads at 1 Mbit/s, under the stream's bitrate: transfers from it are given up as too
            // slow part way, and the requester asks the origin for the rest only (a 206 to an open Range).
            swarm.startPeer("slow", 80, "--upload-limit", "1000");
            Thread.sleep(4000);
            swarm.startPeer("viewer", 60);
            PlayReport r = swarm.await("viewer", 120);
            assertThat(r.ok()).isTrue();
            swarm.assertSegmentsMatchOrigin(r);
            assertThat(r.segments()).as("segments joined from the slow peer's first bytes and the origin's rest")
                    .anySatisfy(s -> {
                        assertThat(s.source()).isEqualTo("FALLBACK");
                        assertThat(s.peerBytes()).isPositive().isLessThan(s.bytes());
                    });
            assertThat(swarm.origin.requests()).as("ranges the origin answered")
                    .anySatisfy(q -> assertThat(q.status()).isEqualTo(206));
            long joinedPeerBytes = r.segments().stream().filter(s -> s.source().equals("FALLBACK"))
                    .mapToLong(PlayReport.Segment::peerBytes).sum();
            assertThat(r.servedBytes().get("peer")).as("the slow peer's part counts as peer bytes")
                    .isGreaterThanOrEqualTo(joinedPeerBytes);
            assertThat(r.missedDeadlines()).isZero();
            assertThat(r.stalls().count()).isZero();
        }
    }

    @Test
    void aPeerServingCorruptBytesIsBannedAndNothingCorruptReachesThePlayer() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("corrupt")) {
            swarm.startPeer("evil", 70, "--corrupt-uploads");
            Thread.sleep(4000);
            swarm.startPeer("honest", 50);
            PlayReport r = swarm.await("honest", 120);
            assertThat(r.ok()).isTrue();
            assertThat(r.bannedPeers()).isEqualTo(1);
            assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("banned"));
            assertThat(r.downloadedBytes().get("fallback")).isPositive();
            assertThat(r.servedBytes().get("peer")).isZero();
            assertThat(r.missedDeadlines()).isZero();
            swarm.assertSegmentsMatchOrigin(r);
        }
    }

    @Test
    void playbackContinuesWhenTheTrackerGoesAndPeersReconnectWhenItReturns() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("tracker")) {
            int port = swarm.trackerUri.getPort();
            swarm.startPeer("a", 75);
            Thread.sleep(3000);
            swarm.startPeer("b", 70);
            Thread.sleep(15_000);
            swarm.tracker.close(); // tracker gone: connected peers keep exchanging, everyone keeps playing
            Thread.sleep(15_000);
            swarm.startTracker(port); // back on the same port
            Thread.sleep(5000);
            swarm.startPeer("c", 30); // a newcomer can only find the others if they re-announced
            PlayReport c = swarm.await("c", 120);
            PlayReport a = swarm.await("a", 120);
            PlayReport b = swarm.await("b", 120);
            for (PlayReport r : new PlayReport[] {a, b, c}) {
                assertThat(r.ok()).isTrue();
                assertThat(r.missedDeadlines()).isZero();
                assertThat(r.stalls().count()).isZero();
                swarm.assertSegmentsMatchOrigin(r);
            }
            assertThat(a.servedBytes().get("peer") + b.servedBytes().get("peer")).as("P2P kept going").isPositive();
            assertThat(c.peers()).as("the newcomer found peers through the returned tracker").isNotEmpty();
            assertThat(Files.readString(swarm.ns.logDirectory().resolve("00-java.log")))
                    .contains("Disconnected").contains("Connected");
        }
    }
}
