package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.CancelSegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our uploads to scripted remote peers, in virtual time: serving, holding, several at once, uplink measure, cap. */
class SwarmUploadsTest extends SwarmSessionFixture {
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

    @Test
    void ourMeasuredUplinkIsAnnouncedToEnginePeersNeverToBrowsers() {
        Swarm swarm = swarm(true);
        ScriptedChannel browser = connect(swarm, "-PM0203-browser00000");
        ScriptedChannel early = connect(swarm, "-PV0100-early0000000");
        assertThat(((SegmentsAnnouncement) early.received.get(0)).uplinkBytesPerSecond()).as("not yet measured")
                .isZero();
        threePeersAndAMeasuredUplink(swarm);
        ScriptedChannel engine = connect(swarm, "-PV0100-engine000000");
        ScriptedChannel lateBrowser = connect(swarm, "-PM0203-browser11111");
        assertThat(((SegmentsAnnouncement) engine.received.get(0)).uplinkBytesPerSecond())
                .isBetween(180_000L, 260_000L);
        assertThat(((SegmentsAnnouncement) lateBrowser.received.get(0)).uplinkBytesPerSecond()).isZero();
        swarm.announce(new long[] {10, 11}, new long[0]); // news to all: each is sent an announcement
        assertThat(early.received).last().isInstanceOfSatisfying(SegmentsAnnouncement.class,
                a -> assertThat(a.uplinkBytesPerSecond()).isBetween(180_000L, 260_000L));
        for (ScriptedChannel b : List.of(browser, lateBrowser)) {
            assertThat(b.received).last().isInstanceOfSatisfying(SegmentsAnnouncement.class,
                    a -> assertThat(a.uplinkBytesPerSecond()).isZero());
        }
    }

    /** Three peers connected; our uplink measured at about 200 kB/s by a first upload to {@code chs[0]}. */
    private ScriptedChannel[] threePeersAndAMeasuredUplink(Swarm swarm) {
        ScriptedChannel[] chs = threePeersAndAnUploadDrainedAfter(swarm, 850);
        assertThat(swarm.uplinkBytesPerSecond()).isBetween(180_000.0, 260_000.0);
        return chs;
    }

    /**
     * The second of three peers, after {@link #threePeersAndAMeasuredUplink}: what we send it stays queued in its
     * channel until the test drains it, as until the network takes it.
     */
    private ScriptedChannel aQueuingPeerOfAMeasuredUplink(Swarm swarm) {
        ScriptedChannel ch = threePeersAndAMeasuredUplink(swarm)[1];
        ch.queues = true;
        return ch;
    }

    /** Three peers connected; our uplink measured at about 2 MB/s by a first upload to {@code chs[0]}. */
    private ScriptedChannel[] threePeersAndAFastUplink(Swarm swarm) {
        ScriptedChannel[] chs = threePeersAndAnUploadDrainedAfter(swarm, 90);
        assertThat(swarm.uplinkBytesPerSecond()).isBetween(1_600_000.0, 2_600_000.0);
        return chs;
    }

    /**
     * Three peers connected and a first upload (100 kB) to {@code chs[0]}, whose channel still holds 100 kB of an
     * earlier one: all of it left after {@code ms} (and a pump interval).
     */
    private ScriptedChannel[] threePeersAndAnUploadDrainedAfter(Swarm swarm, long ms) {
        ScriptedChannel[] chs = {connect(swarm, "-PM0203-aaaaaaaaaaaa"), connect(swarm, "-PM0203-bbbbbbbbbbbb"),
                connect(swarm, "-PM0203-cccccccccccc")};
        chs[0].buffered = 100_000;
        chs[0].peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(ms));
        chs[0].buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100));
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
        chs[0].buffered = 30_000; // under the paced queue: the upload is handed to the channel at once
        chs[0].peerSays(new SegmentRequest(9, 2, null));
        chs[0].buffered = 100_000; // free in about 0.17 s at the measured speed
        chs[1].peerSays(new SegmentRequest(9, 3, null));
        assertThat(answered(chs[1], 3)).as("held, not answered").isFalse();
        chs[2].peerSays(new SegmentRequest(9, 4, null));
        assertThat(chs[2].received).as("one held request at a time").contains(new SegmentAbsent(9, 4));

        chs[0].buffered = 0;
        scheduler.advance(SwarmUploads.HOLD_MAX);
        assertThat(chs[1].received).contains(new SegmentData(9, 3, 100_000),
                new SegmentDataSendingCompleted(9, 3));
        assertThat(chs[1].payloadBytes).isEqualTo(100_000);
    }

    @Test
    void aRequestIsAnsweredAbsentWhenTheUplinkWillNotBeFreeSoonOrStaysBusyAndAHeldOneCanBeCancelled() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAMeasuredUplink(swarm);
        chs[0].buffered = 30_000;
        chs[0].peerSays(new SegmentRequest(9, 2, null));
        chs[0].buffered = 300_000; // about 1.2 s to go
        chs[1].peerSays(new SegmentRequest(9, 3, null));
        assertThat(chs[1].received).as("not held: too long").contains(new SegmentAbsent(9, 3));

        chs[0].buffered = 100_000; // about 0.17 s to go, but the network then stalls
        chs[1].peerSays(new SegmentRequest(9, 4, null));
        assertThat(answered(chs[1], 4)).isFalse();
        scheduler.advance(SwarmUploads.HOLD_MAX.multipliedBy(2));
        assertThat(chs[1].received).as("still busy after twice the hold").contains(new SegmentAbsent(9, 4));

        chs[1].peerSays(new SegmentRequest(9, 5, null));
        assertThat(answered(chs[1], 5)).isFalse();
        chs[1].peerSays(new CancelSegmentRequest(9, 5));
        chs[0].buffered = 0;
        scheduler.advance(SwarmUploads.HOLD_MAX);
        assertThat(answered(chs[1], 5)).as("cancelled while held: nothing sent").isFalse();
        assertThat(chs[1].payloadBytes).isZero();
        chs[2].peerSays(new SegmentRequest(9, 6, null));
        assertThat(chs[2].received).as("the hold was released").contains(new SegmentData(9, 6, 100_000));
    }

    @Test
    void aFastUplinkServesARequestAtOnceBesideARunningUploadWhenBothLeaveWithinTheConcurrentDrain() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAFastUplink(swarm);
        chs[0].buffered = 30_000;
        chs[0].peerSays(new SegmentRequest(9, 2, null));
        chs[0].buffered = 100_000; // busy: this and the next upload leave in about 70 ms at 2 MB/s
        chs[1].queues = true;
        chs[1].peerSays(new SegmentRequest(9, 3, null));
        assertThat(chs[1].received).as("served beside, not held").contains(new SegmentData(9, 3, 100_000));
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(chs[1].received).contains(new SegmentDataSendingCompleted(9, 3));
        assertThat(chs[1].payloadBytes).isEqualTo(100_000);

        chs[0].buffered = 1_100_000; // about half a second to go: a third upload would make it too long
        chs[1].buffered = 0;
        chs[2].peerSays(new SegmentRequest(9, 4, null));
        assertThat(answered(chs[2], 4)).as("too much already queued: held or absent, as before").isTrue()
                .isEqualTo(chs[2].received.contains(new SegmentAbsent(9, 4)));
        assertThat(chs[2].payloadBytes).isZero();
    }

    @Test
    void aRequestForTheNewestSegmentAskedIsServedBesideUploadsThatLeaveWithinTheLongerNewestDrain() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAMeasuredUplink(swarm); // segment 10 asked; about 200-260 kB/s
        chs[0].buffered = 30_000;
        chs[0].peerSays(new SegmentRequest(9, 2, null));
        chs[0].buffered = 200_000; // with one more upload about 1 s to go: over CONCURRENT_DRAIN, under NEWEST_DRAIN
        chs[1].peerSays(new SegmentRequest(9, 3, null));
        assertThat(chs[1].received).as("an older segment: absent, as before").contains(new SegmentAbsent(9, 3));
        chs[2].queues = true;
        chs[2].peerSays(new SegmentRequest(10, 4, null));
        assertThat(chs[2].received).as("the newest asked: served beside").contains(new SegmentData(10, 4, 100_000));
        assertThat(chs[2].payloadBytes).isPositive();
    }

    @Test
    void ourUplinkSpeedCountsWhatConcurrentUploadsSentTogether() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAFastUplink(swarm);
        double alone = swarm.uplinkBytesPerSecond();
        for (int round = 0; round < 3; round++) {
            for (ScriptedChannel ch : new ScriptedChannel[] {chs[1], chs[2]}) {
                ch.queues = true; // each channel holds what it was handed until the network takes it
                ch.peerSays(new SegmentRequest(10, 10 + round, null));
            }
            assertThat(chs[2].received).as("served beside the first").contains(new SegmentData(10, 10 + round,
                    100_000));
            scheduler.advance(java.time.Duration.ofMillis(40)); // both left within 50 ms, as one did alone
            chs[1].buffered = 0;
            chs[2].buffered = 0;
            scheduler.advance(java.time.Duration.ofMillis(100));
        }
        assertThat(swarm.uplinkBytesPerSecond()).as("two uploads of 2 MB/s at once: our uplink sends more")
                .isGreaterThan(1.5 * alone);
    }

    @Test
    void ourUplinkSpeedIsMeasuredFromWhenAnUploadHasLeftTheChannel() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = connect(swarm);
        assertThat(swarm.uplinkBytesPerSecond()).isZero();
        ch.buffered = 100_000; // the network takes an earlier upload's tail, then the segment, slowly
        ch.peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(850));
        assertThat(swarm.uplinkBytesPerSecond()).as("still in the channel").isZero();
        ch.buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100));
        assertThat(swarm.uplinkBytesPerSecond()).as("the tail and the segment, 200 kB, in about 0.86 s")
                .isBetween(180_000.0, 260_000.0);
    }

    @Test
    void aSlowerUploadLowersOurUplinkMeasureOnlyATenthOfTheWay() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAFastUplink(swarm); // about 2 MB/s
        double fast = swarm.uplinkBytesPerSecond();
        chs[1].buffered = 100_000; // a receiver whose downlink takes 200 kB in 0.86 s
        chs[1].peerSays(new SegmentRequest(10, 2, null));
        scheduler.advance(java.time.Duration.ofMillis(850));
        chs[1].buffered = 0;
        scheduler.advance(java.time.Duration.ofMillis(100));
        double afterSlow = swarm.uplinkBytesPerSecond();
        assertThat(afterSlow).as("a tenth of the way down (a faster one: three tenths up)").isBetween(0.85 * fast, 0.95 * fast);
    }

    @Test
    void uploadCapPacesTheUpload() {
        Swarm swarm = new Swarm("720p", host, scheduler, banned, true, 50_000);
        ScriptedChannel ch = connect(swarm);
        ch.peerSays(new SegmentRequest(10, 1, null));
        scheduler.advance(java.time.Duration.ofMillis(500));
        assertThat(ch.payloadBytes).isLessThanOrEqualTo(75_000);
        scheduler.advance(java.time.Duration.ofSeconds(2));
        assertThat(ch.payloadBytes).isEqualTo(100_000);
        assertThat(ch.received).contains(new SegmentDataSendingCompleted(10, 1));
    }

    @Test
    void anUploadKeepsOnlyAboutPacedQueueOfTheMeasuredUplinkInItsChannelSoACancelStopsTheRest() {
        ScriptedChannel ch = aQueuingPeerOfAMeasuredUplink(swarm(true)); // about 200-260 kB/s
        ch.peerSays(new SegmentRequest(10, 2, null));
        scheduler.advance(java.time.Duration.ofMillis(100));
        long queued = ch.payloadBytes;
        assertThat(queued).as("150 ms of the uplink, not the whole segment").isBetween(20_000L, 45_000L);

        ch.buffered = 0; // the network took what was queued: we top it up, no more
        scheduler.advance(SwarmUploads.PACED_REFILL);
        long beforeCancel = ch.payloadBytes;
        assertThat(beforeCancel).isEqualTo(2 * queued);
        ch.peerSays(new CancelSegmentRequest(10, 2));
        ch.buffered = 0;
        scheduler.advance(java.time.Duration.ofSeconds(2));
        assertThat(ch.payloadBytes).as("nothing after the cancel").isEqualTo(beforeCancel).isLessThan(100_000);
        assertThat(ch.received).doesNotContain(new SegmentDataSendingCompleted(10, 2));
    }

    @Test
    void aTopUpOverAScaledChannelIsOneMessageAsOverARealOne() {
        Swarm swarm = swarm(true);
        ScriptedChannel ch = aQueuingPeerOfAMeasuredUplink(swarm);
        ch.scale = 1024; // the simulator's: each payload byte stands for 1 KiB of wire
        ch.peerSays(new SegmentRequest(10, 2, null));
        long queue = Math.max(SwarmUploads.PACED_MIN_QUEUE,
                (long) (swarm.uplinkBytesPerSecond() * SwarmUploads.PACED_QUEUE.toMillis() / 1000.0));
        assertThat(queue % ch.scale).as("a queue that is not a whole number of scaled bytes").isNotZero();
        assertThat(ch.payloadMessages).as("one message fills the room, as with real bytes").isEqualTo(1);
        assertThat(ch.buffered).isBetween(queue, queue + ch.scale);
    }

    @Test
    void aPacedUploadStillSendsTheWholeSegmentAndCompletes() {
        ScriptedChannel ch = aQueuingPeerOfAMeasuredUplink(swarm(true));
        ch.peerSays(new SegmentRequest(10, 2, null));
        for (int i = 0; i < 40 && !ch.received.contains(new SegmentDataSendingCompleted(10, 2)); i++) {
            ch.buffered = 0;
            scheduler.advance(SwarmUploads.PACED_REFILL);
        }
        assertThat(ch.received).contains(new SegmentData(10, 2, 100_000), new SegmentDataSendingCompleted(10, 2));
        assertThat(ch.payload.toByteArray()).isEqualTo(segment10);
    }

    @Test
    void anEnginePeerThatCancelsIsToldTheTransferEndedABrowserIsNot() {
        Swarm swarm = swarm(true);
        ScriptedChannel[] chs = threePeersAndAMeasuredUplink(swarm);
        ScriptedChannel browser = chs[1];
        ScriptedChannel engine = connect(swarm, "engine-peer-000000001");
        for (ScriptedChannel ch : new ScriptedChannel[] {browser, engine}) {
            ch.queues = true;
            ch.peerSays(new SegmentRequest(10, 2, null));
            ch.peerSays(new CancelSegmentRequest(10, 2));
            ch.buffered = 0;
            scheduler.advance(java.time.Duration.ofSeconds(1));
        }
        assertThat(engine.received).as("its tail ends here: it need not count the rest as on its way")
                .endsWith(new SegmentDataSendingCompleted(10, 2));
        assertThat(engine.payloadBytes).isLessThan(100_000);
        assertThat(browser.received).as("an ordinary stream for a browser: nothing after its cancel")
                .doesNotContain(new SegmentDataSendingCompleted(10, 2));
    }

    @Test
    void aBrowserResumingFromAnOffsetIsToldTheSizeOfTheRestAnEngineTheWholeSegments() {
        ScriptedChannel browser = askedForSegment10From("-PM0203-abcdefghijkl", 40_000);
        assertThat(browser.received).as("p2p-media-loader closes the connection on any other size")
                .contains(new SegmentData(10, 1, 60_000), new SegmentDataSendingCompleted(10, 1));
        assertThat(browser.payloadBytes).isEqualTo(60_000);

        ScriptedChannel engine = askedForSegment10From("engine-peer-000000001", 40_000);
        assertThat(engine.received).as("a part of a multi-source download is cut against the whole size")
                .contains(new SegmentData(10, 1, 100_000), new SegmentDataSendingCompleted(10, 1));
        assertThat(engine.payloadBytes).isEqualTo(60_000);
    }

    @Test
    void aBrowserAskingFromTheEndIsAnsweredAbsent() {
        ScriptedChannel browser = askedForSegment10From("-PM0203-abcdefghijkl", 100_000);
        assertThat(browser.received).contains(new SegmentAbsent(10, 1));
        assertThat(browser.payloadBytes).isZero();
    }

    /** A swarm of its own holding segment 10 (100,000 bytes), asked for it from byte {@code from} by a peer. */
    private ScriptedChannel askedForSegment10From(String peerId, long from) {
        Swarm swarm = swarm(true);
        swarm.announce(Set.of(10L), Set.of());
        ScriptedChannel ch = connect(swarm, peerId);
        ch.peerSays(new SegmentRequest(10, 1, from));
        scheduler.advance(java.time.Duration.ofMillis(100));
        return ch;
    }
}
