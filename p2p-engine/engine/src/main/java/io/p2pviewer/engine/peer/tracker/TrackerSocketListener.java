package io.p2pviewer.engine.peer.tracker;

/**
 * Receives one {@link TrackerSocket}'s events. Called on the connector's threads, never concurrently for one
 * socket; {@link #onClosed} comes at most once and nothing comes after it.
 */
public interface TrackerSocketListener {
    /** The WebSocket handshake completed. */
    void onOpen();

    /** One whole text message from the tracker. */
    void onMessage(String text);

    /** The socket closed (by either side) or failed to open or broke. */
    void onClosed(String reason);
}
