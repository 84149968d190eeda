package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import org.junit.jupiter.api.Test;

/** The debug lines of the delivery events: the text the event log had when it was lines. */
class LoggingDeliveryEventListenerTest {
    private static final SegmentId SEG = new SegmentId("720p", 12);
    private static final String PEER = "-PV0100-abcdefgh1234";

    @Test
    void playerEvents() {
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PlayerAskedCached(SEG, DeliverySource.PEER)))
                .isEqualTo("player asks 720p#12: cached (PEER)");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PlayerWaits(SEG)))
                .isEqualTo("player asks 720p#12: waits");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PlayerWaitsForVerdict(SEG)))
                .isEqualTo("player waits for the verdict on 720p#12");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PlayerWaitsForPeers(SEG, 4000, 3500)))
                .isEqualTo("player asks 720p#12 4000 ms ahead of its deadline: peers may deliver it for 3500 ms");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PeersTooLate(SEG)))
                .isEqualTo("peers did not deliver 720p#12 in time for the player");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PeersRetried(SEG, 1500)))
                .isEqualTo("the player's patience for 720p#12 has 1500 ms left: other peers may deliver it");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PlayerServed(SEG, 80)))
                .isEqualTo("player served 720p#12 after 80 ms");
    }

    @Test
    void fetchEvents() {
        assertThat(LoggingDeliveryEventListener.line(
                new DeliveryEvent.CdnFetchStarted(SEG, DeliverySource.CDN, "read ahead")))
                .isEqualTo("cdn fetch 720p#12 as CDN: read ahead");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.CdnRestFetchStarted(SEG,
                DeliverySource.FALLBACK, "the player needs it now", PEER, 1000)))
                .isEqualTo("cdn fetch 720p#12 as FALLBACK: the player needs it now; the rest after 1000 bytes from "
                        + "peer " + PEER);
        assertThat(LoggingDeliveryEventListener.line(
                new DeliveryEvent.CdnWholeRefetchStarted(SEG, DeliverySource.FALLBACK, "sha256: mismatch")))
                .isEqualTo("cdn fetch 720p#12 as FALLBACK: all of it, the peer's first bytes and the rest failed "
                        + "(sha256: mismatch)");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.Cached(SEG, DeliverySource.CDN)))
                .isEqualTo("cached 720p#12 from CDN");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PeerRequested(SEG, PEER)))
                .isEqualTo("peer request 720p#12 from gh1234");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PeerAbandoned(SEG, PEER, "too slow")))
                .isEqualTo("abandon 720p#12: too slow");
        assertThat(LoggingDeliveryEventListener.line(new DeliveryEvent.PeerFetchFailed(SEG)))
                .isEqualTo("peer fetch failed 720p#12");
    }
}
