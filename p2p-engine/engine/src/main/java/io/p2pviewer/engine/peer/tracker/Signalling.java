package io.p2pviewer.engine.peer.tracker;

import java.util.Set;

/**
 * Finds peers of one swarm and connects to them; the engine's signalling seam. The real implementation is
 * {@link TrackerSignalling}; new channels and status changes go to the {@link TrackerListener} given at
 * construction. Methods may be called from any thread and return at once.
 */
public interface Signalling extends AutoCloseable {
    /** Starts finding peers. */
    void start();

    /** Stops finding peers and leaves the swarm; channels already handed out stay open. */
    void stop();

    /** Asks for more peers now instead of at the next interval. */
    void announceNow();

    /** Sets the byte totals reported to trackers. */
    void reportTransferred(long uploadedBytes, long downloadedBytes);

    /** Remote peer ids we currently hold a channel to (a snapshot; any thread). */
    Set<String> connectedPeers();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
