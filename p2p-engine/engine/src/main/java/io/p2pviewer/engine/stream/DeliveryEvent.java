package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;

/**
 * One delivery decision or outcome of a stream, about one segment: what the player asked, where the engine fetched
 * it from and why, what arrived. Delivered to a {@link DeliveryEventListener} on the engine thread, in the order
 * the engine decided; {@link LoggingDeliveryEventListener} writes each as one debug line.
 */
public sealed interface DeliveryEvent {
    /** The segment the event is about. */
    SegmentId segment();

    /** The player asked for a segment the cache holds: it is answered at once. */
    record PlayerAskedCached(SegmentId segment, DeliverySource source) implements DeliveryEvent {
    }

    /** The player asked for a segment the cache does not hold: it waits for it. */
    record PlayerWaits(SegmentId segment) implements DeliveryEvent {
    }

    /** The player waits for a segment a peer delivered whose verification is pending. */
    record PlayerWaitsForVerdict(SegmentId segment) implements DeliveryEvent {
    }

    /**
     * The player asked ahead of its need: peers may deliver the segment within the patience before the CDN does.
     *
     * @param aheadMillis how long before its deadline the player asked
     * @param patienceMillis how long peers may take
     */
    record PlayerWaitsForPeers(SegmentId segment, long aheadMillis, long patienceMillis) implements DeliveryEvent {
    }

    /** A patient request's wait for peers ended without the segment: it is fetched now. */
    record PeersTooLate(SegmentId segment) implements DeliveryEvent {
    }

    /**
     * A peer fetch failed while the player waits, with enough of the request's patience left for another peer.
     *
     * @param patienceLeftMillis what is left of the patience
     */
    record PeersRetried(SegmentId segment, long patienceLeftMillis) implements DeliveryEvent {
    }

    /**
     * A CDN fetch of the whole segment started.
     *
     * @param source CDN, or FALLBACK after a peer fetch of it failed
     * @param reason why it is fetched from the CDN
     */
    record CdnFetchStarted(SegmentId segment, DeliverySource source, String reason) implements DeliveryEvent {
    }

    /**
     * A CDN fetch started for the rest of a segment whose first bytes a peer sent before its transfer was given up.
     *
     * @param reason why it is fetched from the CDN
     * @param peer the peer that sent the first bytes
     * @param peerBytes how many it sent
     */
    record CdnRestFetchStarted(SegmentId segment, DeliverySource source, String reason, String peer, int peerBytes)
            implements DeliveryEvent {
    }

    /**
     * A CDN fetch of the whole segment replaced the fetch of its rest: the peer's first bytes and the rest failed.
     *
     * @param reason how they failed
     */
    record CdnWholeRefetchStarted(SegmentId segment, DeliverySource source, String reason) implements DeliveryEvent {
    }

    /** The segment entered the cache; {@code source} says where it came from. */
    record Cached(SegmentId segment, DeliverySource source) implements DeliveryEvent {
    }

    /** The player's waiting request for the segment was answered after {@code waitedMillis}. */
    record PlayerServed(SegmentId segment, long waitedMillis) implements DeliveryEvent {
    }

    /** The planner asked a peer for the segment. */
    record PeerRequested(SegmentId segment, String peer) implements DeliveryEvent {
    }

    /** The planner gave up a peer's transfer of the segment, for {@code reason}. */
    record PeerAbandoned(SegmentId segment, String peer, String reason) implements DeliveryEvent {
    }

    /** A peer fetch of the segment failed (given up, refused, closed or rejected): a later CDN fetch is FALLBACK. */
    record PeerFetchFailed(SegmentId segment) implements DeliveryEvent {
    }
}
