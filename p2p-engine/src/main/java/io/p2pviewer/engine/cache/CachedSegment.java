package io.p2pviewer.engine.cache;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;

/**
 * A segment's bytes as the origin published them (still encrypted), with where they came from and their SHA-256.
 * The array is never modified after construction; holders must not modify it either.
 */
public record CachedSegment(SegmentId id, byte[] data, DeliverySource source, String sha256,
                            double durationSeconds) {
    public int size() {
        return data.length;
    }
}
