package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.swarm.PeerIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one stream's delivery events to the log at debug level, one line each, as "[stream id] line". The lines
 * go to {@link StreamController}'s logger, so that enabling its debug level shows them (as the benchmarks' notes
 * do). Engine thread; formats nothing unless debug is enabled.
 */
final class LoggingDeliveryEventListener implements DeliveryEventListener {
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);

    private final String streamId;

    LoggingDeliveryEventListener(String streamId) {
        this.streamId = streamId;
    }

    @Override
    public void onEvent(DeliveryEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("[{}] {}", streamId, line(event));
        }
    }

    /** The event's log line. */
    static String line(DeliveryEvent event) {
        return switch (event) {
            case DeliveryEvent.PlayerAskedCached e -> "player asks " + e.segment() + ": cached (" + e.source() + ")";
            case DeliveryEvent.PlayerWaits e -> "player asks " + e.segment() + ": waits";
            case DeliveryEvent.PlayerWaitsForVerdict e -> "player waits for the verdict on " + e.segment();
            case DeliveryEvent.PlayerWaitsForPeers e -> "player asks " + e.segment() + " " + e.aheadMillis()
                    + " ms ahead of its deadline: peers may deliver it for " + e.patienceMillis() + " ms";
            case DeliveryEvent.PeersTooLate e -> "peers did not deliver " + e.segment() + " in time for the player";
            case DeliveryEvent.PeersRetried e -> "the player's patience for " + e.segment() + " has "
                    + e.patienceLeftMillis() + " ms left: other peers may deliver it";
            case DeliveryEvent.CdnFetchStarted e -> "cdn fetch " + e.segment() + " as " + e.source() + ": "
                    + e.reason();
            case DeliveryEvent.CdnRestFetchStarted e -> "cdn fetch " + e.segment() + " as " + e.source() + ": "
                    + e.reason() + "; the rest after " + e.peerBytes() + " bytes from peer " + e.peer();
            case DeliveryEvent.CdnWholeRefetchStarted e -> "cdn fetch " + e.segment() + " as " + e.source()
                    + ": all of it, the peer's first bytes and the rest failed (" + e.reason() + ")";
            case DeliveryEvent.Cached e -> "cached " + e.segment() + " from " + e.source();
            case DeliveryEvent.PlayerServed e -> "player served " + e.segment() + " after " + e.waitedMillis() + " ms";
            case DeliveryEvent.PeerRequested e -> "peer request " + e.segment() + " from " + PeerIds.shortId(e.peer());
            case DeliveryEvent.PeerAbandoned e -> "abandon " + e.segment() + ": " + e.reason();
            case DeliveryEvent.PeerFetchFailed e -> "peer fetch failed " + e.segment();
        };
    }
}
