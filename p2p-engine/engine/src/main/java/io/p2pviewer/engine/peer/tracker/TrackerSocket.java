package io.p2pviewer.engine.peer.tracker;

/** One WebSocket connection to a tracker, made by a {@link TrackerConnector}. Thread-safe, never blocks. */
public interface TrackerSocket {
    /**
     * Queues a text message.
     *
     * @return false if the socket is closing or closed (the message is dropped)
     */
    boolean send(String text);

    /** Closes gracefully after the queued messages; the listener gets {@code onClosed}. Idempotent. */
    void close();
}
