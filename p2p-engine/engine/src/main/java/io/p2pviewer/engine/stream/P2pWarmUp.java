package io.p2pviewer.engine.stream;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises, on a short-lived background thread, the classes a track's first swarm join needs, so that
 * the join does not load them on the engine thread while the player is starting.
 *
 * <p>A track joins its swarm once the player's first segment of it has been served ({@code StreamController}),
 * and everything the engine does next waits for the join. In a fresh JVM that join loaded about 150 classes first
 * (the swarm, the planner, the tracker client and its JSON codec, OkHttp's WebSocket): 0.2-0.35 s of the engine
 * thread on these 2 cores with other engines running, every P2P viewer's startup paying it and no CDN-only one
 * (docs/BENCHMARKS.md, startup against CDN-only). The engine starts this when P2P is configured; the stream's
 * opening and the player's first segment leave it time to finish first. A class still loading
 * here when the engine thread needs it makes that thread wait for the load, never load it twice.
 */
public final class P2pWarmUp {
    private static final Logger log = LoggerFactory.getLogger(P2pWarmUp.class);
    /**
     * Roots of what the first join loads (each pulls its static initialisers). Neither the tracker client's codec
     * nor the hash list needs jackson-databind: the embedded tracker's relay does, and loads it when it starts. A
     * renamed class fails {@code P2pWarmUpTest}; one missing here merely loads later.
     */
    static final List<String> CLASSES = List.of(
            "io.p2pviewer.engine.stream.TrackP2p",
            "io.p2pviewer.engine.stream.SegmentHashes",
            "io.p2pviewer.engine.scheduler.DeliveryPlanner",
            "io.p2pviewer.engine.peer.swarm.Swarm",
            "io.p2pviewer.engine.peer.swarm.SwarmUploads",
            "io.p2pviewer.engine.peer.swarm.AnnouncementIndex",
            "io.p2pviewer.engine.peer.swarm.PeerStates",
            "io.p2pviewer.engine.peer.swarm.CancelledTails",
            "io.p2pviewer.engine.peer.swarm.AddressSlots",
            "io.p2pviewer.engine.peer.swarm.Relay",
            "io.p2pviewer.engine.peer.swarm.UploadLimiter",
            "io.p2pviewer.engine.peer.swarm.PeerLink",
            "io.p2pviewer.engine.peer.protocol.PeerMessages",
            "io.p2pviewer.engine.peer.protocol.PeerMessageDecoder",
            "io.p2pviewer.engine.peer.tracker.TrackerSwarmSignalling",
            "io.p2pviewer.engine.peer.tracker.TrackerSignalling",
            "io.p2pviewer.engine.peer.tracker.TrackerClient",
            "io.p2pviewer.engine.peer.tracker.ClientCodec",
            "com.carrotsearch.hppc.LongObjectHashMap",
            "com.fasterxml.jackson.core.JsonFactory",
            "okhttp3.internal.ws.RealWebSocket");

    private P2pWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own; returns at once. */
    public static Thread start() {
        Thread t = new Thread(P2pWarmUp::runAndLog, "p2p-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static void runAndLog() {
        log.debug("warm-up starts");
        int failed = run();
        log.debug("warm-up loaded {} classes", CLASSES.size() - failed);
    }

    /** Loads and initialises {@link #CLASSES}; returns how many failed to load (logged at DEBUG). */
    static int run() {
        ClassLoader loader = P2pWarmUp.class.getClassLoader();
        int failed = 0;
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                failed++;
                log.debug("warm-up could not load {}: {}", name, e.toString());
            }
        }
        return failed;
    }
}
