package io.p2pviewer.app.playback;

import io.p2pviewer.app.demo.DemoStream;
import io.p2pviewer.app.demo.DemoSwarm;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.peer.P2pStack;
import io.p2pviewer.engine.peer.tracker.TrackerStatus;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One viewer's engine and what it runs on: the demo origin and demo swarm when the URL named the demo, the P2P
 * stack when there are trackers, the engine. Made by {@link SessionFactory#start(String)}, which starts the demo;
 * {@link #startEngine()} starts the stack and the engine. {@link #close()} closes what was started in the safe
 * order (engine, stack, swarm, origin). Start and close on one thread; the getters from any.
 */
public final class ViewerSession implements AutoCloseable {
    private final DemoStream demo;
    private final DemoSwarm demoSwarm;
    private volatile P2pSetup p2p;
    private final Optional<URI> source;
    private volatile P2pStack stack;
    private volatile Engine engine;

    ViewerSession(DemoStream demo, DemoSwarm demoSwarm, P2pSetup p2p, Optional<URI> source) {
        this.demo = demo;
        this.demoSwarm = demoSwarm;
        this.p2p = p2p;
        this.source = source;
    }

    /** What to open: the demo's master playlist, else the URL argument when it is a URL. */
    public Optional<URI> source() {
        return source;
    }

    public Optional<DemoStream> demo() {
        return Optional.ofNullable(demo);
    }

    public Optional<DemoSwarm> demoSwarm() {
        return Optional.ofNullable(demoSwarm);
    }

    /** Starts the P2P stack (when there are trackers) and the engine over it; once. */
    public synchronized Engine startEngine() throws IOException {
        if (engine != null || stack != null) {
            throw new IllegalStateException("the engine was started already");
        }
        stack = p2p.stack();
        engine = Engine.start(p2p.engineConfig(stack));
        return engine;
    }

    /**
     * Closes the engine and P2P stack and starts new ones from {@code setup} (the window's P2P settings changed:
     * they apply to the next stream). The caller stops what plays on the old engine first.
     */
    public synchronized Engine restartEngine(P2pSetup setup) throws IOException {
        if (engine == null) {
            throw new IllegalStateException("the engine was not started");
        }
        engine.close();
        engine = null;
        if (stack != null) {
            stack.close();
            stack = null;
        }
        p2p = setup;
        return startEngine();
    }

    /** The engine running, if any. */
    public Optional<Engine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The trackers' connection states (empty without P2P). */
    public Map<URI, TrackerStatus> trackerStatuses() {
        P2pStack s = stack;
        return s == null ? Map.of() : s.trackerStatuses();
    }

    /**
     * What the user should know about reaching peers ({@link P2pStack#notices()}, the cause named on a machine with
     * only loopback: {@link LocalNetworks#explained}); empty without P2P.
     */
    public java.util.List<String> notices() {
        P2pStack s = stack;
        return s == null ? java.util.List.of() : LocalNetworks.explained(s.notices(), LocalNetworks::onlyLoopback);
    }

    /** Closes what was started, engine before stack; it forgets what it closed, so no second call closes it twice. */
    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (demoSwarm != null) {
            demoSwarm.close();
        }
        if (demo != null) {
            demo.close();
        }
    }
}
