package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import java.util.Set;

/**
 * What a {@link TrackP2p} needs from the stream it serves (as a Swarm needs its {@link
 * io.p2pviewer.engine.peer.swarm.SwarmHost}): the state of a segment outside the swarm, the CDN fetches, and what
 * becomes of the segments peers deliver. Called on the engine thread; must not block.
 */
interface TrackP2pHost {
    /** True while the segment is being fetched from the CDN. */
    boolean cdnLoading(SegmentId segment);

    /** The track's segments being seeded: fetched early from the CDN because no peer had them. */
    Set<Long> seeding(Track track);

    /** True while the player waits for the segment. */
    boolean playerWaits(SegmentId segment);

    /** True once a peer fetch of the segment failed. */
    boolean peerFailed(SegmentId segment);

    /** A counter that moves whenever what we could announce to peers may have changed. */
    long changes();

    /**
     * Starts a CDN fetch of a known segment unless it is cached or already being fetched.
     *
     * @param seed an early fetch nobody else makes: peers are told we load it
     */
    void fetchFromCdn(Track track, long mediaSequence, DeliverySource kind, String reason, boolean seed);

    /** A peer delivered a segment and it was verified: it is cached and served. */
    void deliveredByPeer(Track track, long mediaSequence, byte[] data, String sha256, String peer, long fetchMillis,
                         String verifiedBy);

    /**
     * A peer transfer given up had sent the first bytes of the segment: kept, so that the CDN fetch that follows
     * ({@link #peerFetchFailed}, called next) asks only for the rest.
     */
    void peerPartial(Track track, long mediaSequence, String peer, byte[] prefix, long declaredTotal);

    /** A peer fetch of the segment failed: a later CDN fetch counts as FALLBACK; a waiting player may need it now. */
    void peerFetchFailed(Track track, long mediaSequence);

    /** A peer announced a segment the track's playlist does not list yet: reload it soon. */
    void reloadPlaylist(Track track);

    /** A peer was banned for bad bytes. */
    void peerBanned(StreamError.PeerBanned ban);
}
