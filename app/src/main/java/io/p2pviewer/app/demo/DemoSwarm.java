package io.p2pviewer.app.demo;

import io.p2pviewer.app.playback.PacedPlayer;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
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
 * Viewers join a couple of seconds apart, as real audiences do.
 */
public final class DemoSwarm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoSwarm.class);
    private static final Duration STAGGER = Duration.ofSeconds(2);

    private final EmbeddedTracker tracker = new EmbeddedTracker();
    private final URI trackerUri;
    private final List<Thread> viewers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean closed;

    public DemoSwarm(URI stream, int peers) throws IOException {
        this.trackerUri = tracker.start(InetAddress.getLoopbackAddress(), 0);
        for (int i = 0; i < peers; i++) {
            int n = i;
            Thread t = new Thread(() -> runViewer(stream, n), "demo-peer-" + n);
            t.setDaemon(true);
            viewers.add(t);
            t.start();
        }
        log.info("demo swarm: tracker {} and {} headless peers", trackerUri, peers);
    }

    public URI trackerUri() {
        return trackerUri;
    }

    private void runViewer(URI stream, int n) {
        try {
            Thread.sleep(STAGGER.toMillis() * n);
            P2pStack stack = P2pStack.webRtc(List.of(trackerUri));
            Engine engine = Engine.start(EngineConfig.builder().p2p(stack.config(null, true, 0, false)).build());
            synchronized (closeables) {
                if (closed) {
                    engine.close();
                    stack.close();
                    return;
                }
                closeables.add(engine);
                closeables.add(stack);
            }
            StreamSession session = engine.open(stream).get(30, TimeUnit.SECONDS);
            new PacedPlayer(Clock.systemUTC(), PacedPlayer.BUFFER_TARGET, PacedPlayer.LIVE_DELAY_SEGMENTS, null)
                    .play(session.playerUri(), Instant.now().plus(Duration.ofDays(1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                log.warn("demo peer {} stopped: {}", n, e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        viewers.forEach(Thread::interrupt);
        synchronized (closeables) {
            // engines before their stacks: connections close before the WebRTC factory goes
            for (AutoCloseable c : closeables) {
                if (c instanceof Engine e) {
                    e.close();
                }
            }
            for (AutoCloseable c : closeables) {
                if (c instanceof P2pStack s) {
                    s.close();
                }
            }
        }
        tracker.close();
    }
}
