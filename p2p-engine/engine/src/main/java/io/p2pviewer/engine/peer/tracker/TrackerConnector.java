package io.p2pviewer.engine.peer.tracker;

import java.net.URI;

/**
 * Opens WebSocket connections to trackers. Production uses {@link OkHttpTrackerConnector}; unit tests drive a
 * fake one in virtual time.
 */
public interface TrackerConnector {
    /**
     * Starts opening a connection; returns at once. The listener gets {@code onOpen} then messages, or
     * {@code onClosed} if the connection fails.
     */
    TrackerSocket open(URI tracker, TrackerSocketListener listener);
}
