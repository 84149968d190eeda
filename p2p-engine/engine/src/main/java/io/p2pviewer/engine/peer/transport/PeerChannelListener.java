package io.p2pviewer.engine.peer.transport;

/** Receives a {@link PeerChannel}'s messages and its end. Must be fast and never throw. */
public interface PeerChannelListener {
    /** One whole message; the array is the listener's. */
    void onMessage(byte[] message);

    /** The channel closed (remote close, connection failed, or local close); called once. */
    void onClose(String reason);
}
