package io.p2pviewer.engine.peer.swarm;

import java.time.Instant;

/**
 * A connected peer as the stats panel and reports show it.
 *
 * @param address masked remote address (full addresses are never shown unless the user asks)
 * @param bytesPerSecond measured download speed from it
 * @param connected false for a peer that left or was dropped (kept for the session's totals)
 * @param closeReason why it was dropped, null while connected
 */
public record PeerInfo(String peerId, String track, String address, Instant connectedAt, long bytesDown,
                       long bytesUp, double bytesPerSecond, boolean downloading, boolean uploading,
                       boolean connected, String closeReason) {
}
