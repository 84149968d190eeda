package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.net.URI;

/**
 * Receives what a {@link TrackerClient} (or {@link TrackerSignalling}) finds: new peer connections and its
 * connection status.
 *
 * <p>Threading: methods are called one at a time on the client's {@link io.p2pviewer.engine.time.TaskScheduler}
 * thread; callers should treat that as "any thread" (the engine posts to its own thread if it uses another
 * scheduler for signalling). Implementations must be fast, must not block and should not throw (a throwing
 * listener is logged and ignored).
 */
public interface TrackerListener {
    /**
     * A new open channel to a remote peer not connected before. The channel is the listener's from now on: it
     * sets the channel's listener and closes it when done. The remote peer counts as connected (offers from it
     * are ignored, further channels to it are closed) until the channel's listener gets {@code onClose} or the
     * channel is closed.
     *
     * @param remotePeerId the remote's peer id (20-char binary string)
     * @param weOffered true if we made the offer (we are the initiator and created the data channel)
     */
    void onPeer(String remotePeerId, PeerChannel channel, boolean weOffered);

    /** The connection to a tracker changed state. */
    void onStatus(TrackerStatus status);

    /** The tracker replied to an announce with its swarm counts (seeders, leechers). */
    default void onSwarmCounts(URI tracker, int complete, int incomplete) {
    }

    /** An offer or answer from another peer of the swarm arrived (a peer exists, whether or not it connects). */
    default void onPeerSignal(URI tracker) {
    }

    /** The tracker sent a "failure reason" or a "warning message". */
    default void onTrackerMessage(URI tracker, String message, boolean failure) {
    }
}
