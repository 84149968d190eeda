package io.p2pviewer.engine;

import java.time.Instant;

/**
 * One segment handed to the player: what, from where, how many bytes and the SHA-256 (lowercase hex) of exactly
 * the bytes served.
 */
public record ServedSegment(Instant at, String variant, long mediaSequence, DeliverySource source, long bytes,
                            String sha256, double durationSeconds) {
}
