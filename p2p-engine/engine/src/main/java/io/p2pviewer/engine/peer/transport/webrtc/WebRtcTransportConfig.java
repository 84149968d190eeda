package io.p2pviewer.engine.peer.transport.webrtc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link WebRtcPeerTransport}; immutable, derive variants with the {@code with...} methods.
 *
 * @param iceServers            STUN/TURN servers; empty (the default) gathers host candidates only
 * @param relayOnly             gather relay candidates only (hides this machine's addresses from peers)
 * @param gatheringTimeout      longest wait for ICE gathering before an offer or answer fails
 * @param openTimeout           longest wait, after the answer is made or applied, for the data channel to open
 * @param disconnectedGrace     how long a connection may stay DISCONNECTED before its channel is closed
 * @param sendBufferThreshold   bytes the data channel may hold before queued messages wait (flow control)
 * @param sendPollInterval      how often a channel with queued or buffered data checks the buffered amount
 * @param revealRemoteAddresses show full remote addresses in {@code describe()} (default: masked)
 */
public record WebRtcTransportConfig(
        List<IceServer> iceServers,
        boolean relayOnly,
        Duration gatheringTimeout,
        Duration openTimeout,
        Duration disconnectedGrace,
        long sendBufferThreshold,
        Duration sendPollInterval,
        boolean revealRemoteAddresses) {

    public WebRtcTransportConfig {
        iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        requirePositive(gatheringTimeout, "gatheringTimeout");
        requirePositive(openTimeout, "openTimeout");
        requirePositive(disconnectedGrace, "disconnectedGrace");
        requirePositive(sendPollInterval, "sendPollInterval");
        if (sendBufferThreshold < 65536) {
            throw new IllegalArgumentException("sendBufferThreshold must be at least 65536 bytes, was "
                    + sendBufferThreshold);
        }
        if (relayOnly && iceServers.stream().noneMatch(IceServer::isTurn)) {
            throw new IllegalArgumentException("relayOnly needs at least one TURN server");
        }
    }

    /** No ICE servers, 10 s gathering, 20 s to open, 4 s of DISCONNECTED, 1 MiB send buffer polled every 5 ms. */
    public static WebRtcTransportConfig defaults() {
        return new WebRtcTransportConfig(List.of(), false, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(4), 1 << 20, Duration.ofMillis(5), false);
    }

    public WebRtcTransportConfig withIceServers(List<IceServer> servers, boolean relayOnly) {
        return new WebRtcTransportConfig(servers, relayOnly, gatheringTimeout, openTimeout, disconnectedGrace,
                sendBufferThreshold, sendPollInterval, revealRemoteAddresses);
    }

    public WebRtcTransportConfig withGatheringTimeout(Duration timeout) {
        return new WebRtcTransportConfig(iceServers, relayOnly, timeout, openTimeout, disconnectedGrace,
                sendBufferThreshold, sendPollInterval, revealRemoteAddresses);
    }

    public WebRtcTransportConfig withOpenTimeout(Duration timeout) {
        return new WebRtcTransportConfig(iceServers, relayOnly, gatheringTimeout, timeout, disconnectedGrace,
                sendBufferThreshold, sendPollInterval, revealRemoteAddresses);
    }

    public WebRtcTransportConfig withDisconnectedGrace(Duration grace) {
        return new WebRtcTransportConfig(iceServers, relayOnly, gatheringTimeout, openTimeout, grace,
                sendBufferThreshold, sendPollInterval, revealRemoteAddresses);
    }

    public WebRtcTransportConfig withSendFlowControl(long bufferThreshold, Duration pollInterval) {
        return new WebRtcTransportConfig(iceServers, relayOnly, gatheringTimeout, openTimeout, disconnectedGrace,
                bufferThreshold, pollInterval, revealRemoteAddresses);
    }

    public WebRtcTransportConfig withRevealRemoteAddresses(boolean reveal) {
        return new WebRtcTransportConfig(iceServers, relayOnly, gatheringTimeout, openTimeout, disconnectedGrace,
                sendBufferThreshold, sendPollInterval, reveal);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
