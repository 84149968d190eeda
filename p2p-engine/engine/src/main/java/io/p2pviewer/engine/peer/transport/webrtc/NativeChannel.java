package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerRoute;

/**
 * The native side of a {@link WebRtcPeerChannel}: the data channel its queue feeds, and the connection its close
 * tears down. Implemented by {@link WebRtcConnection}; tests use a fake.
 */
interface NativeChannel {
    /** Bytes the data channel holds and has not sent yet; control thread only. */
    long bufferedAmount();

    /**
     * Hands one exact-size message to the data channel; control thread only.
     *
     * @return false if the channel is closed (the message is dropped; the connection closes itself)
     */
    boolean send(byte[] message);

    /** Closes the connection (asynchronously, on the control thread); any thread, idempotent. */
    void close(String reason);

    /** A label for logs; any thread. */
    String describe();

    /** The remote's unmasked address for per-address limits, "" when unknown. */
    default String remoteHost() {
        return "";
    }

    /** The selected candidate pair's types, as last read from the connection's stats; any thread. */
    default PeerRoute route() {
        return PeerRoute.UNKNOWN;
    }
}
