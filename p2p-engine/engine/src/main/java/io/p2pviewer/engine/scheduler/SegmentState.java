package io.p2pviewer.engine.scheduler;

import java.time.Instant;
import java.util.Collection;

/**
 * What the scheduler knows of one segment of the track, at one instant.
 *
 * @param mediaSequence the segment
 * @param deadline when the player is predicted to ask for it (null before the player has asked for anything)
 * @param status where its bytes are ({@code VERIFYING}: delivered by a peer, being checked against the hash list)
 * @param peerTransfer the peer transfer in flight (status {@link Status#PEER_LOADING}), else null
 * @param holders connected peers that announced having it, busy ones included (see {@link PeerState#busy}; the
 *                engine fills this and {@code httpLoaders} for MISSING segments only: the planner needs no more)
 * @param httpLoaders peers that announced loading it from the CDN
 * @param peerFailed a peer fetch of it already failed (a CDN fetch is then counted as FALLBACK)
 * @param listedAt when the engine first planned for it (a seed may wait a moment from then, see
 *                 {@link DeliveryPlanner#seedDelay}); null when unknown (then nothing waits)
 */
public record SegmentState(long mediaSequence, long sizeHint, Instant deadline, Status status,
                           PeerTransfer peerTransfer, Collection<String> holders, Collection<String> httpLoaders,
                           boolean peerFailed, Instant listedAt) {

    /** A segment whose first planning time is not known. */
    public SegmentState(long mediaSequence, long sizeHint, Instant deadline, Status status, PeerTransfer peerTransfer,
                        Collection<String> holders, Collection<String> httpLoaders, boolean peerFailed) {
        this(mediaSequence, sizeHint, deadline, status, peerTransfer, holders, httpLoaders, peerFailed, null);
    }

    /** Where a segment's bytes are. */
    public enum Status { MISSING, CACHED, CDN_LOADING, PEER_LOADING, VERIFYING }

    /**
     * A transfer from a peer in flight, or from several peers at once each sending a part ({@code sources} above 1):
     * then {@code peer} is one of them (giving it up gives up every part), {@code sources} the parts still receiving,
     * {@code lastBytesAt} the latest bytes of any part and {@code received} the bytes of all parts that belong to the
     * segment. {@code startedAt}: when the peer began sending (its data header came), the request time until then;
     * for parts, when they were asked.
     */
    public record PeerTransfer(String peer, Instant startedAt, Instant lastBytesAt, long received, long total,
                               int sources) {
        /** A transfer from one peer. */
        public PeerTransfer(String peer, Instant startedAt, Instant lastBytesAt, long received, long total) {
            this(peer, startedAt, lastBytesAt, received, total, 1);
        }
    }
}
