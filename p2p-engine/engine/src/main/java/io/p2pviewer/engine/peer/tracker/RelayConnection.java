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

    /** The join token the client gave in its URL's query ({@code ?token=...}), or null if it gave none. */
    default String joinToken() {
        return null;
    }
}
