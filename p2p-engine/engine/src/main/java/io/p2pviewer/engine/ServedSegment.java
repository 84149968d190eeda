package io.p2pviewer.engine;

import java.time.Instant;

/**
 * One segment handed to the player: what, from where, how many bytes and the SHA-256 (lowercase hex) of exactly
 * the bytes served.
 *
 * @param peer the peer that delivered it (PEER) or its first {@code peerBytes} (FALLBACK), else null
 * @param fetchMillis how long its transfer took
 * @param verifiedBy "sha256" or "structure" when bytes came from peers, "origin" for CDN bytes only
 * @param peerBytes of {@code bytes}, how many came from a peer: all for PEER, the part a peer sent before its
 *                  transfer was given up for a FALLBACK that fetched only the rest, else 0
 */
public record ServedSegment(Instant at, String variant, long mediaSequence, DeliverySource source, long bytes,
                            String sha256, double durationSeconds, String peer, long fetchMillis,
                            String verifiedBy, long peerBytes) {
}
