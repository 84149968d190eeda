package io.p2pviewer.engine.cache;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;

/**
 * A segment's bytes as the origin published them (still encrypted), with where they came from and their SHA-256.
 * The array is never modified after construction; holders must not modify it either.
 *
 * @param peer the peer id that delivered it (PEER), else null
 * @param fetchMillis how long its transfer took
 * @param verifiedBy "sha256" or "structure" for peer deliveries, "origin" for bytes from the CDN
 */
public record CachedSegment(SegmentId id, byte[] data, DeliverySource source, String sha256,
                            double durationSeconds, String peer, long fetchMillis, String verifiedBy) {
    /** A segment from the CDN (CDN or FALLBACK). */
    public CachedSegment(SegmentId id, byte[] data, DeliverySource source, String sha256, double durationSeconds) {
        this(id, data, source, sha256, durationSeconds, null, 0, "origin");
    }

    public int size() {
        return data.length;
    }
}
