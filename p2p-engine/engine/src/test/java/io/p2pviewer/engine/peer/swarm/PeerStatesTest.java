package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.scheduler.PeerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's view of scripted remote peers, in virtual time: busy back-off after absent answers, busy behind our
 * upload, measured speeds and strikes, states in connection order and by id.
 */
class PeerStatesTest extends SwarmSessionFixture {
    @Test
    void aPeerTooSlowForOurDeadlinesStaysConnectedAPeerSilentThreeTimesIsDropped() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12, 13, 14, 15, 16}, new long[0]));
        for (long seq = 11; seq <= 13; seq++) {
            SegmentRequest req = ask(swarm, ch, seq);
            ch.peerSays(new SegmentData(seq, req.requestId(), 70_000));
            ch.peerSendsBytes(1_000);
            scheduler.advance(java.time.Duration.ofMillis(1000));
            swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        }
        assertThat(ch.closed).isFalse();
        assertThat(swarm.peerStates().get(0).bytesPerSecond()).as("its speed as measured: 1 kB/s")
                .isBetween(900.0, 1100.0);
        for (long seq = 14; seq <= 16; seq++) {
            swarm.request("-PM0203-abcdefghijkl", seq, seq);
            swarm.abandon("-PM0203-abcdefghijkl", "sent nothing", true);
        }
        assertThat(ch.closed).isTrue();
        assertThat(swarm.peerInfos().get(0).closeReason()).isEqualTo("three silent transfers");
    }

    @Test
    void anEnginePeersAnnouncedUplinkIsInItsStateABrowsersIsIgnored() {
        Swarm swarm = swarm(true);
        ScriptedChannel engine = connect(swarm, "-PV0100-engine000000");
        ScriptedChannel browser = connect(swarm, "-PM0203-browser00000");
        engine.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0], 12_500_000));
        browser.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0], 12_500_000));
        assertThat(swarm.peerStatesById().get("-PV0100-engine000000").announcedBytesPerSecond())
                .isEqualTo(12_500_000);
        assertThat(swarm.peerStatesById().get("-PM0203-browser00000").announcedBytesPerSecond()).isZero();
        engine.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0], 600_000));
        assertThat(swarm.peerStatesById().get("-PV0100-engine000000").announcedBytesPerSecond())
                .as("each announcement replaces the last").isEqualTo(600_000);
    }

    @Test
    void aPeerThatNeverAnsweredIsDroppedOnItsFirstSilenceOneThatAnsweredKeepsItsThreeStrikes() {
        Swarm swarm = swarm(true);
        ScriptedChannel liar = connect(swarm);
        liar.peerSays(new SegmentsAnnouncement(new long[] {11, 12, 13}, new long[0]));
        ask(swarm, liar, 11);
        scheduler.advance(PeerStates.FIRST_ANSWER_WITHIN.minusMillis(1));
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        assertThat(liar.closed).as("given up on sooner than an honest peer surely answers").isFalse();
        scheduler.advance(Duration.ofSeconds(2));
        ask(swarm, liar, 12);
        scheduler.advance(PeerStates.FIRST_ANSWER_WITHIN);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        assertThat(liar.closed).as("announced, asked, never answered in a second").isTrue();
        assertThat(swarm.peerInfos().get(0).closeReason()).isEqualTo("silent, never answered a request");

        Swarm other = swarm(true);
        ScriptedChannel busy = connect(other);
        busy.peerSays(new SegmentsAnnouncement(new long[] {11, 12, 13, 14}, new long[0]));
        busy.peerSays(new SegmentAbsent(11, ask(other, busy, 11).requestId())); // an answer: it is there, busy
        scheduler.advance(Duration.ofSeconds(2));
        for (long seq = 12; seq <= 13; seq++) {
            ask(other, busy, seq);
            scheduler.advance(Duration.ofSeconds(2));
            other.abandon("-PM0203-abcdefghijkl", "sent nothing", true);
            assertThat(busy.closed).as("silent %d time(s) after it answered once", seq - 11).isFalse();
        }
        ask(other, busy, 14);
        scheduler.advance(Duration.ofSeconds(2));
        other.abandon("-PM0203-abcdefghijkl", "sent nothing", true);
        assertThat(busy.closed).isTrue();
        assertThat(other.peerInfos().get(0).closeReason()).isEqualTo("three silent transfers");
    }

    @Test
    void aPeerSilentOnATransferIsAskedNothingForTheSilenceBackOffTwiceAsLongAfterASecondSilence() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12, 13}, new long[0]));
        SegmentRequest first = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, first.requestId(), 70_000)); // half a segment, then nothing
        ch.peerSendsBytes(35_000);
        scheduler.advance(Duration.ofSeconds(2));
        swarm.abandon("-PM0203-abcdefghijkl", "sent nothing", true);
        assertThat(swarm.peerStates().get(0).busy()).as("benched after its first silence").isTrue();
        scheduler.advance(PeerStates.SILENCE_BACKOFF.minusMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isTrue();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).as("asked again after the back-off").isFalse();

        ask(swarm, ch, 12);
        scheduler.advance(Duration.ofSeconds(2));
        swarm.abandon("-PM0203-abcdefghijkl", "sent nothing", true);
        scheduler.advance(PeerStates.SILENCE_BACKOFF.multipliedBy(2).minusMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).as("twice as long after a second silence").isTrue();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
        assertThat(ch.closed).isFalse();
    }

    @Test
    void aPeerOurChannelHoldsMuchOfAnUploadForIsNotAskedUntilItDrainsARequestWouldWaitBehindIt() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        ch.buffered = SwarmUploads.UPLINK_BUSY_BYTES + 1; // our upload of 10 to it is still queued in the channel
        ch.peerSays(new SegmentRequest(10, 1, null));
        assertThat(swarm.peerStates()).singleElement().satisfies(p -> {
            assertThat(p.busy()).isTrue();
            assertThat(p.downloading()).isFalse();
        });

        ch.buffered = SwarmUploads.UPLINK_BUSY_BYTES; // drained to where a request waits no longer than a piece
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
        ch.buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100)); // the upload is over and the channel empty
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
        assertThat(swarm.peerStatesById().get("-PM0203-abcdefghijkl").busy()).isFalse();
    }

    @Test
    void aPeerWeUploadToWithLittleInTheChannelCanBeAsked() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.buffered = SwarmUploads.UPLINK_BUSY_BYTES;
        ch.peerSays(new SegmentRequest(10, 1, null));
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
        ch.buffered = SwarmUploads.UPLINK_BUSY_BYTES * 4; // the upload fills the channel as it goes
        assertThat(swarm.peerStatesById().get("-PM0203-abcdefghijkl").busy()).isTrue();
    }

    @Test
    void anAbsentAnswerEndsTheDownloadAndTheHolderIsBusyForABackoffThatDoublesWhileItSaysAbsent() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        ch.peerSays(new SegmentAbsent(11, ask(swarm, ch, 11).requestId()));
        assertThat(events).singleElement().asString().startsWith("failed 11");
        assertThat(ch.closed).isFalse();
        // it still holds 11 (it announced it) but is uploading to another peer: not asked for 50 ms
        assertThat(swarm.holders(11)).containsExactly("-PM0203-abcdefghijkl");
        assertThat(swarm.peerStates()).singleElement().satisfies(p -> {
            assertThat(p.busy()).isTrue();
            assertThat(p.downloading()).isFalse();
        });
        scheduler.advance(PeerStates.BUSY_BACKOFF.minusMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isTrue();
        scheduler.advance(java.time.Duration.ofMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isFalse();

        ch.peerSays(new SegmentAbsent(12, ask(swarm, ch, 12).requestId())); // second in a row: 100 ms
        scheduler.advance(PeerStates.BUSY_BACKOFF);
        assertThat(swarm.peerStates().get(0).busy()).isTrue();
        scheduler.advance(PeerStates.BUSY_BACKOFF);
        assertThat(swarm.peerStates().get(0).busy()).isFalse();

        int r = ask(swarm, ch, 11).requestId(); // a transfer it starts ends the streak
        ch.peerSays(new SegmentData(11, r, 1000));
        ch.peerSendsBytes(1000);
        ch.peerSays(new SegmentDataSendingCompleted(11, r));
        ch.peerSays(new SegmentAbsent(12, ask(swarm, ch, 12).requestId()));
        scheduler.advance(PeerStates.BUSY_BACKOFF);
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
    }

    @Test
    void peerStatesFollowEachPeerInConnectionOrderAndByIdAlike() {
        Swarm swarm = swarm(true);
        String a = "-PM0203-abcdefghijkl";
        String b = "-PM0203-bbbbbbbbbbbb";
        String c = "-PM0203-cccccccccccc";
        ScriptedChannel chA = connect(swarm, a);
        ScriptedChannel chB = connect(swarm, b);
        connect(swarm, c);
        List<PeerState> states = swarm.peerStates();
        assertThat(states).extracting(PeerState::id).containsExactly(a, b, c);
        assertThat(states).noneMatch(p -> p.downloading() || p.busy());

        chA.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        int request = ask(swarm, chA, 11).requestId(); // a downloads
        assertThat(swarm.peerStates()).extracting(PeerState::downloading).containsExactly(true, false, false);
        assertThat(states).as("the view follows").extracting(PeerState::downloading)
                .containsExactly(true, false, false);
        assertThat(swarm.peerStatesById().get(a).downloading()).isTrue();

        chB.listener.onClose("gone");
        scheduler.runUntilIdle();
        assertThat(swarm.peerStates()).extracting(PeerState::id).containsExactly(a, c);
        assertThat(swarm.peerStatesById().keySet()).containsExactly(a, c);
        assertThat(swarm.peerStatesById().values()).containsExactlyElementsOf(swarm.peerStates());

        chA.peerSays(new SegmentAbsent(11, request)); // a: no longer downloading, busy for the backoff
        assertThat(swarm.peerStatesById().get(a)).satisfies(p -> {
            assertThat(p.downloading()).isFalse();
            assertThat(p.busy()).isTrue();
        });
        scheduler.advance(PeerStates.BUSY_BACKOFF);
        assertThat(swarm.peerStatesById().get(a).busy()).isFalse();
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
    }

    @Test
    void aPeerThatKeepsSayingAbsentIsAskedAtMostEveryMaxBackoff() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0])); // stale: it no longer has 11
        for (int i = 0; i < 12; i++) {
            ch.peerSays(new SegmentAbsent(11, ask(swarm, ch, 11).requestId()));
            while (swarm.peerStates().get(0).busy()) {
                scheduler.advance(java.time.Duration.ofMillis(10));
            }
        }
        ch.peerSays(new SegmentAbsent(11, ask(swarm, ch, 11).requestId()));
        scheduler.advance(PeerStates.MAX_BUSY_BACKOFF.minusMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isTrue();
        scheduler.advance(java.time.Duration.ofMillis(1));
        assertThat(swarm.peerStates().get(0).busy()).isFalse();
    }
}
