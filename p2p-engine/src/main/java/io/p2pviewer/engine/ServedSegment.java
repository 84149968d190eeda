package io.p2pviewer.engine;

import java.time.Instant;

/**
 * One segment handed to the player: what, from where, how many bytes and the SHA-256 (lowercase hex) of exactly
 * the bytes served.
 *
 * @param peer the peer that delivered it (PEER), else null
 * @param fetchMillis how long its transfer took
 * @param verifiedBy "sha256" or "structure" for peer deliveries, "origin" for CDN bytes
 */
public record ServedSegment(Instant at, String variant, long mediaSequence, DeliverySource source, long bytes,
                            String sha256, double durationSeconds, String peer, long fetchMillis,
                            String verifiedBy) {
}
