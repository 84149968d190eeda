package io.p2pviewer.engine.peer.swarm;

import java.time.Instant;
import java.util.List;

/** What a {@link Swarm} needs from the track it serves. Called on the engine thread; must not block. */
public interface SwarmHost {
    Instant now();

    /** The bytes of a segment we hold (verified), by wire id, or null. */
    byte[] cachedByWireId(long wireId);

    /** True when we neither hold nor load the segment: a peer offering it is worth planning for at once. */
    default boolean lacks(long wireId) {
        return cachedByWireId(wireId) == null;
    }

    /** Media sequence number of a wire segment id, or -1 when unknown. */
    long mediaSequenceOf(long wireId);

    /** {@code count} payload bytes arrived from a peer (counted as PEER downloaded). */
    void peerBytes(String peer, int count);

    /** A peer delivered a whole segment of the declared size in {@code fetchMillis}; the host verifies it. */
    void peerDelivered(String peer, long mediaSequence, byte[] data, long declaredSize, long fetchMillis);

    /**
     * Several peers delivered the parts of a segment ({@link Swarm#requestParts}), joined to the declared size in
     * {@code fetchMillis}; the host verifies it. A bad one cannot be blamed on one of them: see
     * {@link Swarm#partsRejected}. By default, as a delivery by the first.
     */
    default void partsDelivered(List<String> peers, long mediaSequence, byte[] data, long declaredSize,
                                long fetchMillis) {
        peerDelivered(peers.get(0), mediaSequence, data, declaredSize, fetchMillis);
    }

    /**
     * A download from a peer that we gave up, or whose connection closed, had delivered the first
     * {@code prefix.length} of its declared {@code totalBytes}; {@link #peerFailed} follows. The bytes are as
     * the peer sent them, not verified: the host may fetch the rest from the CDN and verify the whole.
     */
    default void peerPartial(String peer, long mediaSequence, byte[] prefix, long totalBytes) {
    }

    /** A download from a peer ended without a segment (absent, cancelled, connection lost, protocol error). */
    void peerFailed(String peer, long mediaSequence, String reason);

    /** We sent {@code count} bytes of segment payload to a peer. */
    void uploaded(String peer, int count);

    /** Peers joined or left, a transfer ended, or a peer offered a segment we lack: plans may change. */
    void swarmChanged();
}
