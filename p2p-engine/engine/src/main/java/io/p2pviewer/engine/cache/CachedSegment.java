package io.p2pviewer.engine.cache;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;

/**
 * A segment's bytes as the origin published them (still encrypted), with where they came from and their SHA-256.
 * The array is never modified after construction; holders must not modify it either.
 *
 * @param peer the peer id that delivered it (PEER) or its first {@code peerBytes} (FALLBACK), else null
 * @param fetchMillis how long its transfer took
 * @param verifiedBy "sha256" or "structure" for bytes from peers, "origin" for bytes from the CDN only
 * @param peerBytes how many of its bytes came from a peer: all for PEER; for a FALLBACK the first bytes a peer sent
 *                  before its transfer was given up, the CDN sending the rest; 0 for CDN
 */
public record CachedSegment(SegmentId id, byte[] data, DeliverySource source, String sha256,
                            double durationSeconds, String peer, long fetchMillis, String verifiedBy,
                            int peerBytes) {
    public CachedSegment {
        if (peerBytes < 0 || peerBytes > data.length) {
            throw new IllegalArgumentException("peerBytes " + peerBytes + " of a " + data.length + "-byte segment");
        }
    }

    /** A segment from the CDN (CDN or FALLBACK). */
    public CachedSegment(SegmentId id, byte[] data, DeliverySource source, String sha256, double durationSeconds) {
        this(id, data, source, sha256, durationSeconds, null, 0, "origin", 0);
    }

    /**
     * How many of {@code bytes} served bytes of this segment count as from peers: its share of peer bytes (all
     * of them for PEER).
     */
    public long peerShareOf(long bytes) {
        if (peerBytes == 0 || data.length == 0) {
            return 0;
        }
        return peerBytes == data.length ? bytes : (long) ((double) bytes * peerBytes / data.length);
    }

    public int size() {
        return data.length;
    }
}
