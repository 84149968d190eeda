package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentDataSendingCompleted;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Relay while receiving, with scripted peers in virtual time: a segment we receive from one peer is announced to
 * engine peers (not to browsers) and passed on as its bytes arrive; its completion waits for our verdict; a failed
 * transfer or a bad verdict fails the uploads from it at once.
 */
class SwarmRelayTest extends SwarmSessionFixture {
    private static final String UPSTREAM = "-PV0100-upstream0000";
    private static final String ENGINE = "-PV0100-downstream00";
    private static final String BROWSER = "-PM0203-browser00000";

    private Swarm swarm;
    private ScriptedChannel upstream;
    private ScriptedChannel engine;
    private ScriptedChannel browser;

    /**
     * Connects the three peers and starts receiving segment 20 (40,000 bytes) from the upstream one: its first
     * 10,000 bytes arrive at once, so the transfer promises to end well within {@link RelayConfig#DEFAULTS}' 1 s.
     */
    private SegmentRequest receiving() {
        return receiving(RelayConfig.DEFAULTS);
    }

    private SegmentRequest receiving(RelayConfig relay) {
        swarm = swarm(true, relay);
        upstream = connect(swarm, UPSTREAM);
        engine = connect(swarm, ENGINE);
        browser = connect(swarm, BROWSER);
        assertThat(swarm.request(UPSTREAM, 20, 20)).isTrue();
        SegmentRequest asked = (SegmentRequest) last(upstream);
        upstream.peerSays(new SegmentData(20, asked.requestId(), 40_000));
        assertThat(announces(engine, 20)).as("offered before any byte came").isFalse();
        upstream.peerSendsBytes(10_000);
        return asked;
    }

    private static PeerCommand last(ScriptedChannel ch) {
        return ch.received.get(ch.received.size() - 1);
    }

    private static boolean announces(ScriptedChannel ch, long id) {
        PeerCommand c = last(ch);
        return c instanceof SegmentsAnnouncement a && PeerLink.contains(a.loadedIds(), id);
    }

    @Test
    void aSegmentBeingReceivedIsAnnouncedToEnginesButNotToBrowsers() {
        receiving();
        assertThat(announces(engine, 20)).isTrue();
        assertThat(browser.received).noneMatch(c -> c instanceof SegmentsAnnouncement a
                && PeerLink.contains(a.loadedIds(), 20));
    }

    @Test
    void anEngineGetsTheBytesAsTheyArriveAndTheCompletionOnlyOnceWeVerifiedThem() {
        SegmentRequest asked = receiving();
        engine.peerSays(new SegmentRequest(20, 5, null));
        assertThat(engine.received).contains(new SegmentData(20, 5, 40_000));
        assertThat(engine.payloadBytes).isEqualTo(10_000);

        upstream.peerSendsBytes(15_000);
        assertThat(engine.payloadBytes).isEqualTo(25_000);
        upstream.peerSendsBytes(15_000);
        upstream.peerSays(new SegmentDataSendingCompleted(20, asked.requestId()));
        assertThat(events).contains("delivered 20 40000");
        assertThat(engine.payloadBytes).isEqualTo(40_000);
        assertThat(engine.received).doesNotContain(new SegmentDataSendingCompleted(20, 5));

        swarm.verified(20, true);
        scheduler.runUntilIdle();
        assertThat(last(engine)).isEqualTo(new SegmentDataSendingCompleted(20, 5));
    }

    @Test
    void whenOurSenderFailsTheEngineWeRelayToIsAnsweredAbsentAtOnceAndToldWeLackIt() {
        SegmentRequest asked = receiving();
        engine.peerSays(new SegmentRequest(20, 5, null));
        upstream.peerSays(new SegmentAbsent(20, asked.requestId())); // its own sender failed it
        assertThat(engine.payloadBytes).isEqualTo(10_000);
        assertThat(engine.received).contains(new SegmentAbsent(20, 5));
        assertThat(announces(engine, 20)).isFalse();
        assertThat(events).contains("partial 20: 10000 of 40000"); // the CDN fetches only the rest
    }

    @Test
    void aConnectionLostOrATransferGivenUpFailsTheRelayToo() {
        receiving();
        engine.peerSays(new SegmentRequest(20, 5, null));
        swarm.abandon(UPSTREAM, "too slow", false);
        assertThat(engine.received).contains(new SegmentAbsent(20, 5));

        receiving();
        engine.peerSays(new SegmentRequest(20, 6, null));
        upstream.listener.onClose("gone");
        scheduler.runUntilIdle();
        assertThat(engine.received).contains(new SegmentAbsent(20, 6));
    }

    @Test
    void aSegmentThatFailsOurVerificationIsAnsweredAbsentNotCompleted() {
        SegmentRequest asked = receiving();
        engine.peerSays(new SegmentRequest(20, 5, null));
        upstream.peerSendsBytes(30_000);
        upstream.peerSays(new SegmentDataSendingCompleted(20, asked.requestId()));
        swarm.verified(20, false);
        scheduler.advance(Duration.ofMillis(50));
        assertThat(engine.received).contains(new SegmentAbsent(20, 5))
                .doesNotContain(new SegmentDataSendingCompleted(20, 5));
    }

    @Test
    void aSlowTransferIsNotOfferedItsReceiversWouldWaitOnItsSender() {
        swarm = swarm(true);
        upstream = connect(swarm, UPSTREAM);
        engine = connect(swarm, ENGINE);
        assertThat(swarm.request(UPSTREAM, 20, 20)).isTrue();
        SegmentRequest asked = (SegmentRequest) last(upstream);
        upstream.peerSays(new SegmentData(20, asked.requestId(), 40_000));
        scheduler.advance(Duration.ofSeconds(4));
        upstream.peerSendsBytes(10_000); // 30,000 more at this rate: 12 s
        assertThat(announces(engine, 20)).isFalse();
        engine.peerSays(new SegmentRequest(20, 5, null));
        assertThat(engine.received).contains(new SegmentAbsent(20, 5));
    }

    @Test
    void aBrowserAskingForASegmentWeAreStillReceivingIsAnsweredAbsent() {
        receiving();
        browser.peerSays(new SegmentRequest(20, 9, null));
        assertThat(browser.received).contains(new SegmentAbsent(20, 9));
        assertThat(browser.payloadBytes).isZero();
    }

    @Test
    void withRelayingOffASegmentBeingReceivedIsNeitherOfferedNorServed() {
        receiving(RelayConfig.OFF);
        assertThat(engine.received).noneMatch(c -> c instanceof SegmentsAnnouncement a
                && PeerLink.contains(a.loadedIds(), 20));
        engine.peerSays(new SegmentRequest(20, 5, null));
        assertThat(last(engine)).isEqualTo(new SegmentAbsent(20, 5));
    }

    @Test
    void aRelayedSegmentLargerThanTheFirstBufferArrivesWholeAndReservesOnlyWhatCame() {
        swarm = swarm(true);
        upstream = connect(swarm, UPSTREAM);
        engine = connect(swarm, ENGINE);
        assertThat(swarm.request(UPSTREAM, 20, 20)).isTrue();
        SegmentRequest asked = (SegmentRequest) last(upstream);
        byte[] segment = new byte[3 * Swarm.INITIAL_DOWNLOAD_BUFFER + 12_345];
        new java.util.Random(7).nextBytes(segment);
        upstream.peerSays(new SegmentData(20, asked.requestId(), segment.length));
        int chunk = 16_000;
        upstream.peerSends(java.util.Arrays.copyOfRange(segment, 0, chunk));
        assertThat(swarm.footprint().downloadCapacity()).isLessThanOrEqualTo(Swarm.INITIAL_DOWNLOAD_BUFFER);
        engine.peerSays(new SegmentRequest(20, 5, null));
        assertThat(engine.received).contains(new SegmentData(20, 5, segment.length));
        for (int at = chunk; at < segment.length; at += chunk) {
            upstream.peerSends(java.util.Arrays.copyOfRange(segment, at, Math.min(segment.length, at + chunk)));
        }
        upstream.peerSays(new SegmentDataSendingCompleted(20, asked.requestId()));
        swarm.verified(20, true);
        scheduler.runUntilIdle();
        assertThat(events).contains("delivered 20 " + segment.length);
        assertThat(engine.payload.toByteArray()).isEqualTo(segment);
        assertThat(last(engine)).isEqualTo(new SegmentDataSendingCompleted(20, 5));
    }
}
