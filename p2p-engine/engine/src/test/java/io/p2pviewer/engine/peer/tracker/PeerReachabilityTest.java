package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.testing.FakeTaskScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeerReachabilityTest {
    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final PeerReachability watch = new PeerReachability(scheduler, Duration.ofSeconds(20));

    @Test
    void peersThatSignalButNeverConnectAreReportedOnceAfterTheWindow() {
        watch.signalSeen();
        scheduler.advance(Duration.ofSeconds(5));
        watch.signalSeen();
        scheduler.advance(Duration.ofSeconds(14));
        assertThat(watch.notices()).as("before the window ends").isEmpty();
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(watch.notices()).containsExactly(PeerReachability.UNREACHABLE);
        assertThat(scheduler.pendingTasks()).as("one check only").isZero();
    }

    @Test
    void aConnectionWithinTheWindowMeansNoNotice() {
        watch.signalSeen();
        scheduler.advance(Duration.ofSeconds(3));
        watch.peerConnected();
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(watch.notices()).isEmpty();
    }

    @Test
    void noPeerSeenMeansNoNotice() {
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(watch.notices()).isEmpty();
    }
}
