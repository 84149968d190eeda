package io.p2pviewer.engine.peer.swarm;

import java.time.Instant;
import java.util.Objects;

/**
 * A connected peer as the stats panel and reports show it.
 *
 * @param address masked remote address (full addresses are never shown unless the user asks)
 * @param bytesPerSecond measured download speed from it
 * @param connected false for a peer that left or was dropped (kept for the session's totals)
 * @param closeReason why it was dropped, null while connected
 * @param route the selected ICE candidate pair's types, "local/remote" (e.g. "relay/relay", "srflx/prflx"), ""
 *     while unknown or on a transport without ICE
 * @param relayedBytes of {@code bytesDown}, those received while the route went through a TURN relay
 */
public record PeerInfo(String peerId, String track, String address, Instant connectedAt, long bytesDown,
                       long bytesUp, double bytesPerSecond, boolean downloading, boolean uploading,
                       boolean connected, String closeReason, String route, long relayedBytes) {
    public PeerInfo {
        route = Objects.requireNonNullElse(route, "");
    }

    /** A peer whose route is unknown (no ICE: in-memory and simulated transports, tests). */
    public PeerInfo(String peerId, String track, String address, Instant connectedAt, long bytesDown, long bytesUp,
                    double bytesPerSecond, boolean downloading, boolean uploading, boolean connected,
                    String closeReason) {
        this(peerId, track, address, connectedAt, bytesDown, bytesUp, bytesPerSecond, downloading, uploading,
                connected, closeReason, "", 0);
    }
}
