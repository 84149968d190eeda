package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.Decoded;
import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.PeerMessageDecoder;
import io.p2pviewer.engine.peer.protocol.PeerMessages;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.scheduler.PeerState;
import io.p2pviewer.engine.time.FakeTaskScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session layer of the wire protocol with one scripted remote peer, in virtual time. */
class SwarmSessionTest {
    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final List<String> events = new ArrayList<>();
    private final Set<String> banned = new HashSet<>();
    private final byte[] segment10 = new byte[100_000];

    /** A channel whose far end is the test: it records what we send and lets the test speak for the peer. */
    private final class ScriptedChannel implements PeerChannel {
        final List<PeerCommand> received = new ArrayList<>();
        long payloadBytes;
        PeerChannelListener listener;
        boolean closed;
        private final PeerMessageDecoder decoder = new PeerMessageDecoder();

        @Override
        public void send(byte[] message) {
            try {
                switch (decoder.feed(message)) {
                    case Decoded.Command c -> received.add(c.command());
                    case Decoded.Payload p -> payloadBytes += p.bytes().length;
                    default -> { }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        long buffered; // what the test says is still queued in the channel

        @Override
        public long bufferedAmount() {
            return buffered;
        }

        @Override
        public void setListener(PeerChannelListener l) {
            listener = l;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String describe() {
            return "scripted";
        }

        void peerSays(PeerCommand c) {
            PeerMessages.encode(c).forEach(listener::onMessage);
            scheduler.runUntilIdle();
        }

        void peerSendsBytes(int n) {
            listener.onMessage(new byte[n]);
            scheduler.runUntilIdle();
        }
    }

    private final SwarmHost host = new SwarmHost() {
        @Override public Instant now() { return scheduler.now(); }
        @Override public byte[] cachedByWireId(long wireId) { return wireId == 10 ? segment10 : null; }
        @Override public long mediaSequenceOf(long wireId) { return wireId; }
        @Override public void peerBytes(String peer, int count) { }
        @Override public void peerDelivered(String peer, long seq, byte[] data, long declared, long fetchMillis) {
            events.add("delivered " + seq + " " + data.length);
        }
        @Override public void peerPartial(String peer, long seq, byte[] prefix, long total) {
            events.add("partial " + seq + ": " + prefix.length + " of " + total);
        }
        @Override public void peerFailed(String peer, long seq, String reason) { events.add("failed " + seq + ": " + reason); }
        @Override public void uploaded(String peer, int count) { }
        @Override public void swarmChanged() { swarmChanges++; }
    };
    private int swarmChanges;

    private Swarm swarm(boolean upload) {
        return new Swarm("720p", host, scheduler, banned, upload, 0, false);
    }

    private ScriptedChannel connect(Swarm swarm) {
        return connect(swarm, "-PM0203-abcdefghijkl");
    }

    private ScriptedChannel connect(Swarm swarm, String peerId) {
        ScriptedChannel ch = new ScriptedChannel();
        swarm.addPeer(peerId, ch);
        scheduler.runUntilIdle();
        return ch;
    }

    /** Asks the scripted peer for a segment (live: wire id = media sequence); returns the request it received. */
    private static SegmentRequest ask(Swarm swarm, ScriptedChannel ch, long seq) {
        assertThat(swarm.request("-PM0203-abcdefghijkl", seq, seq)).isTrue();
        return (SegmentRequest) ch.received.get(ch.received.size() - 1);
    }

    @Test
    void announcesOnConnectAndServesARequestedSegmentInChunks() {
        Swarm swarm = swarm(true);
        swarm.announce(Set.of(10L), Set.of());
        ScriptedChannel ch = connect(swarm);
        assertThat(ch.received.get(0)).isEqualTo(new SegmentsAnnouncement(new long[] {10}, new long[0]));
        ch.peerSays(new SegmentRequest(10, 7, null));
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(ch.received).contains(new SegmentData(10, 7, 100_000), new SegmentDataSendingCompleted(10, 7));
        assertThat(ch.payloadBytes).isEqualTo(100_000);
        assertThat(swarm.peerInfos().get(0).bytesUp()).isEqualTo(100_000);
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
    void unknownSegmentOrUploadOffIsAnsweredAbsent() {
        Swarm swarm = swarm(false);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentRequest(10, 1, null));
        assertThat(ch.received).contains(new SegmentAbsent(10, 1));
        assertThat(ch.payloadBytes).isZero();
    }

    @Test
    void uploadsGoOutOneAtATimeOthersAreAnsweredAbsentUntilTheChannelDrains() {
        Swarm swarm = swarm(true);
        ScriptedChannel first = connect(swarm, "-PM0203-aaaaaaaaaaaa");
        ScriptedChannel second = connect(swarm, "-PM0203-bbbbbbbbbbbb");
        first.buffered = 300_000; // most of the segment will still wait in the first peer's channel
        first.peerSays(new SegmentRequest(10, 1, null));
        // our uplink speed is not known yet, so the request is not held for it (see the hold tests below)
        second.peerSays(new SegmentRequest(10, 2, null));
        assertThat(second.received).contains(new SegmentAbsent(10, 2));
        assertThat(second.payloadBytes).isZero();

        first.buffered = 0; // sent
        scheduler.advance(java.time.Duration.ofMillis(100));
        second.peerSays(new SegmentRequest(10, 3, null));
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(second.received).contains(new SegmentData(10, 3, 100_000), new SegmentDataSendingCompleted(10, 3));
        assertThat(first.payloadBytes).isEqualTo(100_000);
    }

    /** Three peers connected; our uplink measured at about 200 kB/s by a first upload to {@code chs[0]}. */
    private ScriptedChannel[] threePeersAndAMeasuredUplink(Swarm swarm) {
        ScriptedChannel[] chs = {connect(swarm, "-PM0203-aaaaaaaaaaaa"), connect(swarm, "-PM0203-bbbbbbbbbbbb"),
                connect(swarm, "-PM0203-cccccccccccc")};
        chs[0].buffered = 100_000;
        chs[0].peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(400));
        chs[0].buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(swarm.uplinkBytesPerSecond()).isBetween(180_000.0, 260_000.0);
        return chs;
    }

    private static boolean answered(ScriptedChannel ch, long requestId) {
        return ch.received.stream().anyMatch(c -> c instanceof SegmentAbsent a && a.requestId() == requestId
                || c instanceof SegmentData d && d.requestId() == requestId);
    }

    @Test
    void aRequestWhileTheUplinkIsBusyIsHeldAndServedWhenItFreesIfThatIsSoonOneAtATime() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAMeasuredUplink(swarm);
        chs[0].buffered = 100_000; // free in about 0.17 s at the measured speed
        chs[0].peerSays(new SegmentRequest(10, 2, null));
        chs[1].peerSays(new SegmentRequest(10, 3, null));
        assertThat(answered(chs[1], 3)).as("held, not answered").isFalse();
        chs[2].peerSays(new SegmentRequest(10, 4, null));
        assertThat(chs[2].received).as("one held request at a time").contains(new SegmentAbsent(10, 4));

        chs[0].buffered = 0;
        scheduler.advance(SwarmUploads.HOLD_MAX);
        assertThat(chs[1].received).contains(new SegmentData(10, 3, 100_000),
                new SegmentDataSendingCompleted(10, 3));
        assertThat(chs[1].payloadBytes).isEqualTo(100_000);
    }

    @Test
    void aRequestIsAnsweredAbsentWhenTheUplinkWillNotBeFreeSoonOrStaysBusyAndAHeldOneCanBeCancelled() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAMeasuredUplink(swarm);
        chs[0].buffered = 300_000; // about 1.2 s to go
        chs[0].peerSays(new SegmentRequest(10, 2, null));
        chs[1].peerSays(new SegmentRequest(10, 3, null));
        assertThat(chs[1].received).as("not held: too long").contains(new SegmentAbsent(10, 3));

        chs[0].buffered = 100_000; // about 0.17 s to go, but the network then stalls
        chs[1].peerSays(new SegmentRequest(10, 4, null));
        assertThat(answered(chs[1], 4)).isFalse();
        scheduler.advance(SwarmUploads.HOLD_MAX.multipliedBy(2));
        assertThat(chs[1].received).as("still busy after twice the hold").contains(new SegmentAbsent(10, 4));

        chs[1].peerSays(new SegmentRequest(10, 5, null));
        assertThat(answered(chs[1], 5)).isFalse();
        chs[1].peerSays(new CancelSegmentRequest(10, 5));
        chs[0].buffered = 0;
        scheduler.advance(SwarmUploads.HOLD_MAX);
        assertThat(answered(chs[1], 5)).as("cancelled while held: nothing sent").isFalse();
        assertThat(chs[1].payloadBytes).isZero();
        chs[2].peerSays(new SegmentRequest(10, 6, null));
        assertThat(chs[2].received).as("the hold was released").contains(new SegmentData(10, 6, 100_000));
    }

    @Test
    void ourUplinkSpeedIsMeasuredFromWhenAnUploadHasLeftTheChannel() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        assertThat(swarm.uplinkBytesPerSecond()).isZero();
        ch.buffered = 100_000; // the network takes the segment slowly
        ch.peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(400));
        assertThat(swarm.uplinkBytesPerSecond()).as("still in the channel").isZero();
        ch.buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(swarm.uplinkBytesPerSecond()).as("100 kB in about 0.45 s").isBetween(180_000.0, 260_000.0);
    }

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

    @Test
    void bytesInFlightWhenWeCancelAreIgnoredButNoMoreThanTheSegmentHadLeft() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentsAnnouncement(new long[] {11, 12}, new long[0]));
        SegmentRequest first = ask(swarm, ch, 11);
        ch.peerSays(new SegmentData(11, first.requestId(), 70_000));
        ch.peerSendsBytes(30_000);
        swarm.abandon("-PM0203-abcdefghijkl", "too slow", false);
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

    @Test
    void uploadCapPacesTheUpload() {
        Swarm swarm = new Swarm("720p", host, scheduler, banned, true, 50_000, false);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(500));
        assertThat(ch.payloadBytes).isLessThanOrEqualTo(75_000);
        scheduler.advance(java.time.Duration.ofSeconds(2));
        assertThat(ch.payloadBytes).isEqualTo(100_000);
        assertThat(ch.received).contains(new SegmentDataSendingCompleted(10, 1));
    }
}
