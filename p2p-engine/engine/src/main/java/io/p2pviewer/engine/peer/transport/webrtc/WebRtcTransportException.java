package io.p2pviewer.engine.peer.transport.webrtc;

/**
 * A WebRTC connection could not be made or was lost: native failure, timeout, rejected SDP, closed transport.
 * Futures of {@link WebRtcPeerTransport} fail with it; the message says what happened.
 */
public final class WebRtcTransportException extends RuntimeException {
    public WebRtcTransportException(String message) {
        super(message);
    }

    public WebRtcTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
