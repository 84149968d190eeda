package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.testing.NodeTrackerProcess;
import org.junit.jupiter.api.Test;

/** Two real engines find each other through bittorrent-tracker from npm (a third-party tracker) and share. */
class BittorrentTrackerSwarmIT {
    @Test
    void twoEnginesFindEachOtherThroughBittorrentTracker() throws Exception {
        try (SwarmHarness swarm = new SwarmHarness("bittorrent-tracker");
             NodeTrackerProcess node = NodeTrackerProcess.start(0, swarm.ns.hostAddress())) {
            swarm.useTracker(node.uri());
            swarm.startPeer("a", 45);
            Thread.sleep(4000);
            swarm.startPeer("b", 40);
            PlayReport a = swarm.await("a", 120);
            PlayReport b = swarm.await("b", 120);
            for (PlayReport r : new PlayReport[] {a, b}) {
                assertThat(r.ok()).isTrue();
                assertThat(r.peers()).hasSize(1);
                assertThat(r.missedDeadlines()).isZero();
                swarm.assertSegmentsMatchOrigin(r);
            }
            assertThat(a.uploadedBytes() + b.uploadedBytes()).as("segments crossed between the engines").isPositive();
            assertThat(a.servedBytes().get("peer") + b.servedBytes().get("peer")).isPositive();
        }
    }
}
