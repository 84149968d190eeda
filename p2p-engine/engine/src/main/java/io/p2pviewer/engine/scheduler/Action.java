package io.p2pviewer.engine.scheduler;

/** A decision of the scheduler, carried out by the engine thread. */
public sealed interface Action {
    long mediaSequence();

    /**
     * Fetch from the CDN; {@code fallback} when it redoes a failed or late peer fetch; {@code seed} when it is an
     * early fetch of a live-edge segment nobody has (peers are told we load it, so that they wait for us).
     */
    record FetchCdn(long mediaSequence, boolean fallback, String reason, boolean seed) implements Action {
        /** A fetch of a segment that is due. */
        public FetchCdn(long mediaSequence, boolean fallback, String reason) {
            this(mediaSequence, fallback, reason, false);
        }
    }

    /** Ask this peer for the segment. */
    record RequestPeer(long mediaSequence, String peer) implements Action { }

    /**
     * Ask several peers for the segment at once, each from its part's first byte ({@link DeliveryPlanner}'s
     * multi-source rule): the first part starts at byte 0, each part ends where the next begins.
     */
    record RequestParts(long mediaSequence, java.util.List<Part> parts) implements Action {
        public RequestParts {
            parts = java.util.List.copyOf(parts);
        }
    }

    /** One part of {@link RequestParts}: the peer, and the byte of the segment its part starts at. */
    record Part(String peer, long from) { }

    /**
     * Give up the peer transfer (send a cancel), then fetch from the CDN as FALLBACK.
     *
     * @param silent the peer sent nothing for the stall timeout (a strike against it), rather than being too slow
     */
    record AbandonPeer(long mediaSequence, String peer, String reason, boolean silent) implements Action { }
}
