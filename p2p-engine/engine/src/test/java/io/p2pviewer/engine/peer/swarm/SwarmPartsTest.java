package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One segment from several engine peers at once (multi-source), with scripted peers in virtual time: each is asked
 * from its part's first byte, declares the whole segment and sends to its end; a part is stopped where the next
 * begins, and the segment is joined from the parts. A failed part is taken over by the part before it while that
 * one still receives; peers that send more than the segment from their offset, or another size, are dropped.
 */
class SwarmPartsTest extends SwarmSessionFixture {
    private static final String A = "-PV0100-partsender0a";
    private static final String B = "-PV0100-partsender0b";
    private static final int TOTAL = 1000;
    /** Where B's part begins. */
    private static final int SPLIT = 600;

    private Swarm swarm;
    private ScriptedChannel a;
    private ScriptedChannel b;
    private int ra;
    private int rb;

    /** Segment 11 (1,000 bytes) asked of A from byte 0 and of B from byte 600; both sent their data headers. */
    private void askedInTwoParts() {
        swarm = swarm(true);
        a = connect(swarm, A);
        b = connect(swarm, B);
        a.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        b.peerSays(new SegmentsAnnouncement(new long[] {11}, new long[0]));
        assertThat(swarm.requestParts(List.of(A, B), new long[] {0, SPLIT}, 11, 11)).isTrue();
        SegmentRequest toA = (SegmentRequest) last(a);
        SegmentRequest toB = (SegmentRequest) last(b);
        assertThat(toA.byteFrom()).isNull();
        assertThat(toB.byteFrom()).isEqualTo(SPLIT);
        ra = toA.requestId();
        rb = toB.requestId();
        assertThat(swarm.transfer(11).sources()).isEqualTo(2);
        a.peerSays(new SegmentData(11, ra, TOTAL));
        b.peerSays(new SegmentData(11, rb, TOTAL));
    }

    private static PeerCommand last(ScriptedChannel ch) {
        return ch.received.get(ch.received.size() - 1);
    }

    private static byte[] filled(int n, int value) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) value);
        return out;
    }

    @Test
    void eachPeerSendsItsPartAndTheSegmentIsJoinedFromThem() {
        askedInTwoParts();
        b.peerSends(filled(TOTAL - SPLIT, 2));
        b.peerSays(new SegmentDataSendingCompleted(11, rb));
        assertThat(events).isEmpty();
        a.peerSends(filled(500, 1));
        assertThat(a.received).as("not stopped before its part's end")
                .doesNotHaveAnyElementsOfTypes(CancelSegmentRequest.class);
        a.peerSends(filled(150, 1)); // crosses B's first byte: A is stopped there
        assertThat(last(a)).isEqualTo(new CancelSegmentRequest(11, ra));
        assertThat(events).containsExactly("delivered 11 1000 from [" + A + ", " + B + "]");
        byte[] expected = new byte[TOTAL];
        Arrays.fill(expected, 0, SPLIT, (byte) 1);
        Arrays.fill(expected, SPLIT, TOTAL, (byte) 2);
        assertThat(delivered).isEqualTo(expected);
        a.peerSends(filled(100, 1)); // what its channel still held when the cancel came
        a.peerSays(new SegmentDataSendingCompleted(11, ra)); // a paced sender ends the tail so
        assertThat(a.closed).isFalse();
        assertThat(b.closed).isFalse();
        assertThat(swarm.transfer(11)).isNull();
        assertThat(swarm.cancelledTailBytes()).isZero();
    }

    @Test
    void aPartThatFailsIsTakenOverByThePartBeforeIt() {
        askedInTwoParts();
        a.peerSends(filled(300, 1));
        b.peerSays(new SegmentAbsent(11, rb));
        a.peerSends(filled(700, 1)); // A sends to the segment's end anyway: nothing is cancelled
        assertThat(a.received).doesNotHaveAnyElementsOfTypes(CancelSegmentRequest.class);
        a.peerSays(new SegmentDataSendingCompleted(11, ra));
        assertThat(events).containsExactly("delivered 11 1000 from [" + A + "]");
        assertThat(delivered).isEqualTo(filled(TOTAL, 1));
    }

    @Test
    void whenThePartBeforeHasStoppedAFailedPartFailsTheSegmentAndTheFirstPartGoesToTheCdnAsAPrefix() {
        askedInTwoParts();
        a.peerSends(filled(SPLIT, 1)); // A's part is whole: A is stopped
        b.peerSends(filled(100, 2));
        b.listener.onClose("gone");
        scheduler.runUntilIdle();
        assertThat(events).containsExactly("partial 11: 600 of 1000", "failed 11: connection closed: gone");
    }

    @Test
    void givingUpThePartsCancelsEveryPeerAndKeepsTheFirstPartsBytes() {
        askedInTwoParts();
        a.peerSends(filled(200, 1));
        b.peerSends(filled(100, 2));
        swarm.abandon(swarm.transfer(11).peer(), "too slow", false);
        assertThat(last(a)).isEqualTo(new CancelSegmentRequest(11, ra));
        assertThat(last(b)).isEqualTo(new CancelSegmentRequest(11, rb));
        assertThat(events).containsExactly("partial 11: 200 of 1000", "failed 11: too slow");
        assertThat(swarm.transfer(11)).isNull();
        assertThat(swarm.peerStatesById().get(A).downloading()).isFalse();
        assertThat(swarm.peerStatesById().get(B).downloading()).isFalse();
    }

    @Test
    void aPeerThatDeclaresAnotherSizeThanTheOtherPartIsDropped() {
        swarm = swarm(true);
        a = connect(swarm, A);
        b = connect(swarm, B);
        swarm.requestParts(List.of(A, B), new long[] {0, SPLIT}, 11, 11);
        ra = ((SegmentRequest) last(a)).requestId();
        rb = ((SegmentRequest) last(b)).requestId();
        a.peerSays(new SegmentData(11, ra, TOTAL));
        b.peerSays(new SegmentData(11, rb, TOTAL + 16));
        assertThat(b.closed).isTrue();
        assertThat(swarm.peerInfos().stream().filter(p -> p.peerId().equals(B)).findFirst().orElseThrow()
                .closeReason()).contains("another part's 1000");
        a.peerSends(filled(TOTAL, 1)); // A takes B's part over
        a.peerSays(new SegmentDataSendingCompleted(11, ra));
        assertThat(events).containsExactly("delivered 11 1000 from [" + A + "]");
    }

    @Test
    void aPeerThatSendsMoreThanTheSegmentHasFromItsOffsetIsDropped() {
        askedInTwoParts();
        b.peerSends(filled(TOTAL - SPLIT + 1, 2));
        assertThat(b.closed).isTrue();
        assertThat(swarm.peerInfos().stream().filter(p -> p.peerId().equals(B)).findFirst().orElseThrow()
                .closeReason()).contains("size mismatch").contains("from byte 600");
        assertThat(a.closed).isFalse();
        assertThat(swarm.transfer(11).sources()).as("A goes on alone").isEqualTo(1);
    }

    @Test
    void browsersAreNotAskedForParts() {
        swarm = swarm(true);
        ScriptedChannel browser = connect(swarm, "-PM0203-abcdefghijkl");
        a = connect(swarm, A);
        assertThat(swarm.requestParts(List.of(A, "-PM0203-abcdefghijkl"), new long[] {0, SPLIT}, 11, 11)).isTrue();
        assertThat(browser.received).doesNotHaveAnyElementsOfTypes(SegmentRequest.class);
        assertThat(((SegmentRequest) last(a)).byteFrom()).as("A alone: the whole segment").isNull();
        assertThat(swarm.peerStatesById().get(A).sendsParts()).isTrue();
        assertThat(swarm.peerStatesById().get("-PM0203-abcdefghijkl").sendsParts()).isFalse();
    }

    @Test
    void peersOfASegmentJoinedFromPartsThatFailedVerificationAreAskedForWholeSegmentsOnly() {
        swarm = swarm(true);
        a = connect(swarm, A);
        b = connect(swarm, B);
        swarm.partsRejected(List.of(A));
        assertThat(swarm.peerStatesById().get(A).sendsParts()).isFalse();
        assertThat(swarm.peerStatesById().get(B).sendsParts()).isTrue();
        assertThat(a.closed).as("not banned: it may be innocent").isFalse();
    }
}
