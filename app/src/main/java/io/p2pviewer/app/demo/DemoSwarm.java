package io.p2pviewer.app.demo;

import io.p2pviewer.app.playback.P2pSetup;
import io.p2pviewer.app.playback.PacedPlayer;
import io.p2pviewer.app.playback.SessionFactory;
import io.p2pviewer.app.playback.ViewerSession;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.peer.transport.CorruptingPeerTransport;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's swarm: the embedded tracker and a few headless viewers in this process, each with its own engine
 * and peer id, watching the demo stream at playback pace so the window's engine has peers to fetch from.
 * Viewers join a couple of seconds apart, as real audiences do. The demo can make them all leave, bring them
 * back, or turn one malicious. Thread-safe.
 */
public final class DemoSwarm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoSwarm.class);
    private static final Duration STAGGER = Duration.ofSeconds(2);

    /** One headless viewer of the demo; its transport can turn it malicious. */
    private final class DemoPeer {
        final Thread thread;
        volatile ViewerSession session;
        volatile Engine engine;
        volatile CorruptingPeerTransport transport;

        DemoPeer(int n, Duration delay) {
            thread = new Thread(() -> run(n, delay), "demo-peer-" + n);
            thread.setDaemon(true);
            thread.start();
        }

        private void run(int n, Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
                transport = new CorruptingPeerTransport(new WebRtcPeerTransport(), false);
                session = new SessionFactory(P2pSetup.over(List.of(trackerUri), transport), 0)
                        .start(stream.toString());
                engine = session.startEngine();
                StreamSession opened = engine.open(stream).get(30, TimeUnit.SECONDS);
                Clock clock = Clock.systemUTC();
                new PacedPlayer(clock, PacedPlayer.BUFFER_TARGET, PacedPlayer.LIVE_DELAY_SEGMENTS, null)
                        .play(opened.playerUri(), clock.instant().plus(Duration.ofDays(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("demo peer {} stopped: {}", n, e.toString());
            } finally {
                stop();
            }
        }

        /** The session closes its engine before its stack: connections close before the WebRTC factory goes. */
        synchronized void stop() {
            engine = null;
            ViewerSession s = session;
            if (s != null) {
                s.close();
            }
        }
    }

    private final EmbeddedTracker tracker = new EmbeddedTracker();
    private final URI trackerUri;
    private final URI stream;
    private final int size;
    private final List<DemoPeer> peers = new ArrayList<>();
    private int started;
    private boolean closed;

    public DemoSwarm(URI stream, int peers) throws IOException {
        this.stream = stream;
        this.size = peers;
        this.trackerUri = tracker.start(InetAddress.getLoopbackAddress(), 0);
        comeBack();
        log.info("demo swarm: tracker {} and {} headless peers", trackerUri, peers);
    }

    public URI trackerUri() {
        return trackerUri;
    }

    /** Starts the demo's viewers (again), a couple of seconds apart. */
    public synchronized void comeBack() {
        if (closed || !peers.isEmpty()) {
            return;
        }
        for (int i = 0; i < size; i++) {
            peers.add(new DemoPeer(started++, STAGGER.multipliedBy(i)));
        }
    }

    /** Every demo viewer leaves at once (their engines close; connections drop). */
    public synchronized void leaveAll() {
        for (DemoPeer p : peers) {
            p.thread.interrupt();
            p.stop();
        }
        peers.clear();
    }

    /** One demo viewer starts serving corrupted bytes; returns false when no viewer is running. */
    public synchronized boolean turnOneMalicious() {
        for (DemoPeer p : peers) {
            CorruptingPeerTransport t = p.transport;
            if (p.engine != null && t != null) {
                t.corrupt(true);
                return true;
            }
        }
        return false;
    }

    public synchronized int running() {
        return (int) peers.stream().filter(p -> p.engine != null).count();
    }

    @Override
    public synchronized void close() {
        closed = true;
        leaveAll();
        tracker.close();
    }
}
