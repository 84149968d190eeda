package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether peers the trackers announce can be reached: when offers or answers from other peers arrive
 * but no connection opens within {@link #DEFAULT_WINDOW} of the first, it says so once, as a WARN line and as a
 * notice for the app and the report ({@link #UNREACHABLE}). The engine meanwhile plays from the CDN as usual.
 *
 * <p>Threading: {@link #signalSeen()} and {@link #peerConnected()} are called on the signalling scheduler, whose
 * thread also runs the check; {@link #notices()} from any thread.
 */
public final class PeerReachability {
    private static final Logger log = LoggerFactory.getLogger(PeerReachability.class);
    /** How long after the first offer or answer from a peer at least one connection must have opened. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(20);
    /** The notice when no announced peer could be connected. */
    public static final String UNREACHABLE = "peers found but unreachable: configure a TURN server";

    private final TaskScheduler scheduler;
    private final Duration window;
    private boolean watching; // scheduler thread
    private int connected; // scheduler thread
    private volatile List<String> notices = List.of();

    public PeerReachability(TaskScheduler scheduler, Duration window) {
        this.scheduler = scheduler;
        this.window = window;
    }

    /** An offer or answer from another peer arrived through a tracker. */
    public void signalSeen() {
        if (watching) {
            return;
        }
        watching = true;
        scheduler.schedule(window, this::check);
    }

    /** A channel to a peer opened. */
    public void peerConnected() {
        connected++;
    }

    /** What this watch found, at most one line ({@link #UNREACHABLE}); empty while peers connect or none showed. */
    public List<String> notices() {
        return notices;
    }

    private void check() {
        if (connected == 0) {
            log.warn("{} (peers answered through the tracker, none connected within {} s; playing from the CDN)",
                    UNREACHABLE, window.toSeconds());
            notices = List.of(UNREACHABLE);
        }
    }
}
