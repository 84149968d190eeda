package io.p2pviewer.engine.peer.tracker;

/**
 * A client connection as the {@link TrackerRelay} sees it: a WebSocket in production, a recorder in tests.
 * Implementations never throw and never block (sends are queued).
 */
interface RelayConnection {
    /** Queues a text message; dropped if the connection is closed. */
    void send(String text);

    /** Closes the connection with a WebSocket close code. */
    void close(int code, String reason);
}
