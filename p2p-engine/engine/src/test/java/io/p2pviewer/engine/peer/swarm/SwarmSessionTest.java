package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The session layer of the wire protocol with one scripted remote peer, in virtual time: membership, announcements
 * and downloads.
 */
class SwarmSessionTest extends SwarmSessionFixture {
    @Test
    void aTransferStartsForThePlannerWhenThePeerBeganSendingNotWhenWeAsked() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        java.time.Instant asked = scheduler.now();
        SegmentRequest req = ask(swarm, ch, 11);
        scheduler.advance(java.time.Duration.ofMillis(400)); // a round trip and the peer's hold
        assertThat(swarm.transfer(11).startedAt()).as("no answer yet: from the request").isEqualTo(asked);

        java.time.Instant answered = scheduler.now();
        ch.peerSays(new SegmentData(11, req.requestId(), 70_000));
        scheduler.advance(java.time.Duration.ofMillis(100));
        ch.peerSendsBytes(7_000);
        assertThat(swarm.transfer(11).startedAt()).as("the rate counts from the data header").isEqualTo(answered);
        assertThat(swarm.transfer(11).received()).isEqualTo(7_000);
    }

    @Test
    void aPeerFreesTheAddressSlotItTookEvenWhenItsChannelLearnsABetterAddressLater() {
        Swarm swarm = swarm(true);
        List<ScriptedChannel> fromOne = new ArrayList<>();
        for (int k = 0; k < AddressSlots.MAX_PER_ADDRESS + 1; k++) {
            ScriptedChannel ch = new ScriptedChannel();
            ch.remoteHost = "203.0.113.5";
            swarm.addPeer(String.format("-PV0100-address%05d", k), ch);
            scheduler.runUntilIdle();
            fromOne.add(ch);
        }
        assertThat(fromOne.get(AddressSlots.MAX_PER_ADDRESS).closed).as("one more from the address").isTrue();
        fromOne.get(0).remoteHost = "198.51.100.7"; // its selected candidate pair, known after it joined
        fromOne.get(0).listener.onClose("gone");
        scheduler.runUntilIdle();
        ScriptedChannel again = new ScriptedChannel();
        again.remoteHost = "203.0.113.5";
        swarm.addPeer("-PV0100-address99999", again);
        scheduler.runUntilIdle();
        assertThat(again.closed).as("the slot of 203.0.113.5 was freed, not one of 198.51.100.7").isFalse();
    }

    @Test
    void aPeerIsToldOnlyWhatItLacks() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {10, 11}, new long[0]));
        ch.received.clear();
        swarm.announce(Set.of(10L, 11L), Set.of()); // it holds both: no news to it
        assertThat(ch.received).isEmpty();
        swarm.announce(Set.of(10L, 11L), Set.of(12L)); // we load 12 over HTTP: it may wait for us
        assertThat(ch.received).containsExactly(new SegmentsAnnouncement(new long[] {10, 11}, new long[] {12}));
        swarm.announce(Set.of(10L, 11L), Set.of()); // we gave 12 up without it: it must not wait any longer
        swarm.announce(Set.of(11L, 12L), Set.of()); // we hold 12 now
        assertThat(ch.received).containsExactly(new SegmentsAnnouncement(new long[] {10, 11}, new long[] {12}),
                new SegmentsAnnouncement(new long[] {10, 11}, new long[0]),
                new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
    }

    @Test
    void aRequestedSegmentArrivesWhole() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        assertThat(swarm.holders(11)).containsExactly("-PM0203-abcdefghijkl");
        SegmentRequest req = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, req.requestId(), 70_000));
        ch.peerSendsBytes(65_535);
        ch.peerSendsBytes(4_465);
        ch.peerSays(new SegmentDataSendingCompleted(11, req.requestId()));
        assertThat(events).containsExactly("delivered 11 70000");
        assertThat(ch.closed).isFalse();
    }

    /** Segment 11 (70,000 bytes) asked of the scripted peer, 30,000 of it received, then given up as too slow. */
    private SegmentRequest elevenGivenUpAfter30000(Swarm swarm, ScriptedChannel ch) {
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        SegmentRequest first = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, first.requestId(), 70_000));
        ch.peerSendsBytes(30_000);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        return first;
    }

    @Test
    void aCancelledTransfersCompletionEndsItsTailSoThePeerIsAskedAgainAtOnce() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        SegmentRequest first = elevenGivenUpAfter30000(swarm, ch);
        ch.peerSendsBytes(10_000); // what its channel still held when our cancel came (a paced sender)
        assertThat(swarm.cancelledTailBytes()).isEqualTo(30_000);
        ch.peerSays(new SegmentDataSendingCompleted(11, first.requestId())); // it stopped there
        assertThat(swarm.cancelledTailBytes()).as("nothing more on its way").isZero();
        assertThat(ch.closed).isFalse();
        SegmentRequest second = ask(swarm, ch, 12);
        ch.peerSays(new SegmentData(12, second.requestId(), 5_000));
        ch.peerSendsBytes(5_000);
        ch.peerSays(new SegmentDataSendingCompleted(12, second.requestId()));
        assertThat(events).containsExactly("partial 11: 30000 of 70000", "failed 11: too slow", "delivered 12 5000");
    }

    @Test
    void bytesInFlightWhenWeCancelAreIgnoredButNoMoreThanTheSegmentHadLeft() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        elevenGivenUpAfter30000(swarm, ch);
        assertThat(swarm.cancelledTailBytes()).as("what the peer may still send of it").isEqualTo(40_000);
        ch.peerSendsBytes(20_000); // sent before our cancel reached the peer
        assertThat(ch.closed).isFalse();
        assertThat(swarm.cancelledTailBytes()).isEqualTo(20_000);

        SegmentRequest second = ask(swarm, ch, 12);
        ch.peerSendsBytes(10_000); // still the old segment (20 000 bytes of it were left; the rest never comes)
        ch.peerSays(new SegmentData(12, second.requestId(), 5_000));
        ch.peerSendsBytes(5_000);
        ch.peerSays(new SegmentDataSendingCompleted(12, second.requestId()));
        assertThat(events).containsExactly("partial 11: 30000 of 70000", "failed 11: too slow", "delivered 12 5000");
        assertThat(ch.closed).isFalse();
        assertThat(swarm.cancelledTailBytes()).as("a newer header: the old tail is over").isZero();

        SegmentRequest third = ask(swarm, ch, 11);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        ch.peerSays(new SegmentData(11, third.requestId(), 70_000)); // its header crossed our cancel
        ch.peerSendsBytes(65_535);
        ch.peerSendsBytes(4_465);
        assertThat(ch.closed).isFalse();
        ch.peerSendsBytes(1); // more than the cancelled segment had
        assertThat(ch.closed).isTrue();
        assertThat(swarm.peerInfos().get(0).closeReason()).contains("without a segment being sent");
    }

    @Test
    void aTailStillArrivingFromAThinUplinkCountsPastFourSecondsButATrickleDoesNot() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        SegmentRequest first = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, first.requestId(), 600_000));
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        for (int s = 0; s < 6; s++) { // 16 kB/s, twice the floor: a 1 Mbit/s uplink shared by several uploads
            scheduler.advance(java.time.Duration.ofSeconds(1));
            ch.peerSendsBytes(16_000);
        }
        assertThat(swarm.cancelledTailBytes()).as("6 s after the cancel, still arriving").isEqualTo(504_000);

        SegmentRequest second = ask(swarm, ch, 12);
        ch.peerSays(new SegmentData(12, second.requestId(), 64L << 20)); // declares the largest size
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        for (int s = 0; s < 5; s++) { // a byte a second
            scheduler.advance(java.time.Duration.ofSeconds(1));
            ch.peerSendsBytes(1);
        }
        assertThat(swarm.cancelledTailBytes()).as("a trickle counts for 4 s only").isZero();
    }

    @Test
    void dataNobodyAskedForClosesTheConnection() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentData(11, 3, 1000));
        assertThat(ch.closed).isTrue();
        assertThat(swarm.size()).isZero();
        assertThat(swarm.peerInfos().get(0).closeReason()).contains("did not request");
    }

    @Test
    void payloadWithoutADataHeaderClosesTheConnection() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSendsBytes(500);
        assertThat(ch.closed).isTrue();
    }

    @Test
    void zeroLengthDataClosesTheConnectionAndFailsTheDownload() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        SegmentRequest req = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, req.requestId(), 0));
        assertThat(ch.closed).isTrue();
        assertThat(events).singleElement().asString().startsWith("failed 11").contains("declared segment size 0");
    }

    @Test
    void moreOrFewerBytesThanDeclaredCloseTheConnection() {
        Swarm swarm = swarm(true);
        ScriptedChannel more = connect(swarm);
        more.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        swarm.request("-PM0203-abcdefghijkl", 11, 11);
        int r = ((SegmentRequest) more.received.get(more.received.size() - 1)).requestId();
        more.peerSays(new SegmentData(11, r, 1000));
        more.peerSendsBytes(1001);
        assertThat(more.closed).isTrue();
        assertThat(events).singleElement().asString().contains("size mismatch");

        events.clear();
        Swarm other = swarm(true);
        ScriptedChannel fewer = connect(other);
        fewer.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        other.request("-PM0203-abcdefghijkl", 11, 11);
        int r2 = ((SegmentRequest) fewer.received.get(fewer.received.size() - 1)).requestId();
        fewer.peerSays(new SegmentData(11, r2, 1000));
        fewer.peerSendsBytes(999);
        fewer.peerSays(new SegmentDataSendingCompleted(11, r2));
        assertThat(fewer.closed).isTrue();
        assertThat(events).singleElement().asString().contains("size mismatch");
    }

    @Test
    void whatAPeerSentBeforeWeGaveUpOrItsConnectionClosedGoesToTheHostFirst() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        SegmentRequest first = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, first.requestId(), 1000));
        ch.peerSendsBytes(400);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        assertThat(events).containsExactly("partial 11: 400 of 1000", "failed 11: too slow");

        events.clear();
        SegmentRequest second = ask(swarm, ch, 12);
        ch.peerSays(new SegmentData(12, second.requestId(), 1000));
        ch.peerSendsBytes(700);
        ch.listener.onClose("gone");
        scheduler.runUntilIdle();
        assertThat(events).containsExactly("partial 12: 700 of 1000", "failed 12: connection closed: gone");
    }

    @Test
    void undecodableBytesCloseTheConnection() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.listener.onMessage("cstr\u0009garbagecend".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        scheduler.runUntilIdle();
        assertThat(ch.closed).isTrue();
        assertThat(swarm.peerInfos().get(0).closeReason()).contains("protocol violation");
    }

    @Test
    void onlyAnAnnouncementOfSomethingWeLackMakesThePlannerLookAgain() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        int before = swarmChanges;
        ch.peerSays(new SegmentsAnnouncement(new long[] {10}, new long[0])); // we hold 10
        assertThat(swarmChanges).isEqualTo(before);
        ch.peerSays(new SegmentsAnnouncement(new long[] {10, 11}, new long[0])); // 11 is new and we lack it
        assertThat(swarmChanges).isEqualTo(before + 1);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0])); // nothing new
        assertThat(swarmChanges).isEqualTo(before + 1);
        assertThat(swarm.holders(11)).containsExactly("-PM0203-abcdefghijkl");
        assertThat(swarm.holders(10)).isEmpty();
    }

    @Test
    void aNewcomerBeyondThePeerBoundReplacesTheLeastUsefulSettledPeer() {
        Swarm swarm = swarm(true);
        swarm.announce(Set.of(10L), Set.of());
        List<ScriptedChannel> channels = new ArrayList<>();
        for (int i = 0; i < Swarm.MAX_PEERS; i++) {
            channels.add(connect(swarm, String.format("-PM0203-peer%08d", i)));
        }
        ScriptedChannel first = channels.get(0);
        first.peerSays(new SegmentRequest(10, 1, null)); // the first peer is useful: it took a segment
        scheduler.advance(java.time.Duration.ofSeconds(1));
        ScriptedChannel tooEarly = connect(swarm, "-PM0203-newcomer0000");
        assertThat(tooEarly.closed).as("nobody settled yet: refused").isTrue();
        assertThat(swarm.size()).isEqualTo(Swarm.MAX_PEERS);

        scheduler.advance(Swarm.SETTLING);
        ScriptedChannel newcomer = connect(swarm, "-PM0203-newcomer0001");
        assertThat(newcomer.closed).isFalse();
        assertThat(swarm.size()).isEqualTo(Swarm.MAX_PEERS);
        assertThat(first.closed).isFalse();
        assertThat(channels.get(1).closed).as("the earliest of the peers that exchanged nothing").isTrue();
    }

    @Test
    void aPeerThatLeftHoldsNothingAndLoadsNothing() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[] {12}));
        assertThat(swarm.httpLoaders(12)).containsExactly("-PM0203-abcdefghijkl");
        ch.listener.onClose("gone");
        scheduler.runUntilIdle();
        assertThat(swarm.holders(11)).isEmpty();
        assertThat(swarm.httpLoaders(12)).isEmpty();
    }

    @Test
    void theTailOfACancelledTransferIsDiscardedWithoutDroppingThePeer() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        int r = ask(swarm, ch, 11).requestId();
        ch.peerSays(new SegmentData(11, r, 1000));
        ch.peerSendsBytes(400);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
        ch.peerSendsBytes(600); // already on the wire when our cancel left
        ch.peerSays(new SegmentDataSendingCompleted(11, r));
        assertThat(ch.closed).isFalse();

        int r2 = ask(swarm, ch, 12).requestId();
        ch.peerSays(new SegmentData(12, r2, 10));
        ch.peerSendsBytes(10);
        ch.peerSays(new SegmentDataSendingCompleted(12, r2));
        assertThat(events).containsExactly("partial 11: 400 of 1000", "failed 11: too slow", "delivered 12 10");
        assertThat(ch.closed).isFalse();

        ch.peerSendsBytes(5); // nothing cancelled is pending any more: a violation again
        assertThat(ch.closed).isTrue();
    }

    @Test
    void aBannedPeerCannotComeBack() {
        Swarm swarm = swarm(true);
        connect(swarm);
        swarm.ban("-PM0203-abcdefghijkl", "corrupt segment");
        ScriptedChannel again = connect(swarm);
        assertThat(again.closed).isTrue();
        assertThat(swarm.size()).isZero();
        assertThat(banned).containsExactly("-PM0203-abcdefghijkl");
    }
}
