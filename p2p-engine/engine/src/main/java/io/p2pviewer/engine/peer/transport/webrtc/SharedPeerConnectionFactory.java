package io.p2pviewer.engine.peer.transport.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide {@link PeerConnectionFactory}: created (with a headless audio module, since a machine without
 * an audio device aborts the JVM otherwise) when the first transport acquires it, shared by all transports, and
 * disposed (factory, then audio module) when the last one releases it. Callers release only after closing all
 * their connections: disposing the factory under a live connection crashes the JVM, and a factory never disposed
 * keeps the JVM from exiting.
 *
 * <p><b>Renewal.</b> After {@link #CONNECTIONS_PER_FACTORY} connections a factory is retired: later connections get
 * a new one, and the retired one is disposed when the last connection made from it closes. webrtc-java 0.14.0
 * keeps a JNI local reference to every data channel message it delivers (on its own threads, which stay attached
 * to the JVM until they end), so those messages' Java buffers are never collected; disposing the factory ends its
 * threads and frees them. Measured by {@code bench/connection-churn.sh} (docs/BENCHMARKS.md, Connection churn).
 *
 * <p>A shutdown hook (for {@code System.exit} and SIGTERM) runs the close actions of the transports still holding
 * a lease, so peers see the connections close and the factory is disposed in the safe order.
 *
 * <p>Thread-safe; acquire, release and a connection's start and end block while a factory is created or disposed.
 * A factory is disposed on the thread that closes its last connection (a transport's control thread), never on one
 * of WebRTC's own threads.
 */
final class SharedPeerConnectionFactory {
    private static final Logger log = LoggerFactory.getLogger(SharedPeerConnectionFactory.class);
    private static final Object LOCK = new Object();
    /** Connections made from one factory before it is retired, unless a probe sets another number. */
    static final int CONNECTIONS_PER_FACTORY = 500;

    private static final Set<Lease> leases = new LinkedHashSet<>();
    private static Generation current;
    private static boolean hookInstalled;
    private static int created;
    private static int disposed;
    private static int connectionsPerFactory = CONNECTIONS_PER_FACTORY;

    private SharedPeerConnectionFactory() {
    }

    /**
     * Takes a reference to the factory, creating it if needed.
     *
     * @param closeAtShutdown what the shutdown hook runs if the lease is still held at JVM exit (closes the owner)
     * @throws WebRtcTransportException if the native library cannot be loaded or the factory not created
     */
    static Lease acquire(Runnable closeAtShutdown) {
        synchronized (LOCK) {
            if (current == null) {
                current = create();
            }
            Lease lease = new Lease(closeAtShutdown);
            leases.add(lease);
            return lease;
        }
    }

    /** Users of the factory now (for tests and diagnostics). */
    static int users() {
        synchronized (LOCK) {
            return leases.size();
        }
    }

    /** Factories created in this JVM so far (for probes and diagnostics). */
    static int created() {
        synchronized (LOCK) {
            return created;
        }
    }

    /** Factories disposed in this JVM so far (for probes and diagnostics). */
    static int disposed() {
        synchronized (LOCK) {
            return disposed;
        }
    }

    /** Sets how many connections one factory makes (probes and tests: a renewal without 500 connections). */
    static void connectionsPerFactory(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("connections per factory must be positive, got " + n);
        }
        synchronized (LOCK) {
            connectionsPerFactory = n;
        }
    }

    private static Generation create() {
        HeadlessAudioDeviceModule module = null;
        Generation g;
        try {
            module = new HeadlessAudioDeviceModule();
            g = new Generation(new PeerConnectionFactory(module), module);
        } catch (LinkageError | RuntimeException e) {
            if (module != null) {
                module.dispose();
            }
            throw new WebRtcTransportException("webrtc-java could not start (native library or its system "
                    + "libraries missing? it needs libpulse0 libx11-6 libxfixes3 libxrandr2 libxcomposite1 "
                    + "libudev1 libdbus-1-3): " + e, e);
        }
        created++;
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPeerConnectionFactory::closeAllAtExit,
                    "webrtc-factory-shutdown"));
            hookInstalled = true;
        }
        log.debug("PeerConnectionFactory {} created", created);
        return g;
    }

    private static Use startConnection(Lease lease) {
        synchronized (LOCK) {
            if (lease.released.get() || current == null) {
                throw new IllegalStateException("factory lease released");
            }
            if (current.made >= connectionsPerFactory) {
                Generation old = current;
                current = create();
                if (old.open == 0) {
                    dispose(old);
                }
            }
            current.made++;
            current.open++;
            return new Use(current);
        }
    }

    private static void endConnection(Generation g) {
        synchronized (LOCK) {
            g.open--;
            if (g != current && g.open == 0) { // retired, and its last connection closed
                dispose(g);
            }
        }
    }

    private static void release(Lease lease) {
        synchronized (LOCK) {
            if (!leases.remove(lease) || !leases.isEmpty()) {
                return;
            }
            Generation g = current;
            current = null;
            if (g.open == 0) {
                dispose(g);
            } else {
                log.warn("the last WebRTC transport closed with {} connection(s) still open; their factory is "
                        + "disposed when they close", g.open);
            }
        }
    }

    private static void dispose(Generation g) {
        try {
            g.factory.dispose();
        } catch (RuntimeException e) {
            log.warn("PeerConnectionFactory dispose failed", e);
        }
        try {
            g.audio.dispose();
        } catch (RuntimeException e) {
            log.warn("audio module dispose failed", e);
        }
        disposed++;
        log.debug("PeerConnectionFactory disposed after {} connection(s) ({} disposed so far)", g.made, disposed);
    }

    private static void closeAllAtExit() {
        List<Lease> open;
        synchronized (LOCK) {
            open = new ArrayList<>(leases);
        }
        if (!open.isEmpty()) {
            log.info("closing {} WebRTC transport(s) left open at exit", open.size());
        }
        for (Lease lease : open) {
            try {
                lease.closeAtShutdown.run();
            } catch (RuntimeException e) {
                log.warn("closing a transport at exit failed", e);
            }
        }
    }

    /**
     * One factory and its audio module, with what was made from it; guarded by {@link #LOCK}. Retired once it is
     * no longer {@link #current}.
     */
    private static final class Generation {
        final PeerConnectionFactory factory;
        final HeadlessAudioDeviceModule audio;
        int made;
        int open;

        Generation(PeerConnectionFactory factory, HeadlessAudioDeviceModule audio) {
            this.factory = factory;
            this.audio = audio;
        }
    }

    /** One connection's use of a factory: {@link #close()} after closing the peer connection made from it. */
    static final class Use implements AutoCloseable {
        private final Generation generation;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Use(Generation generation) {
            this.generation = generation;
        }

        PeerConnectionFactory factory() {
            return generation.factory;
        }

        /** Ends the use once; the last use of a retired factory disposes it. */
        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                endConnection(generation);
            }
        }
    }

    /** One reference to the factory; {@link #close()} releases it once. */
    static final class Lease implements AutoCloseable {
        private final Runnable closeAtShutdown;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Runnable closeAtShutdown) {
            this.closeAtShutdown = closeAtShutdown;
        }

        /**
         * The factory a new connection is made from, counted until the use is closed.
         *
         * @throws IllegalStateException if this lease was released
         */
        Use startConnection() {
            return SharedPeerConnectionFactory.startConnection(this);
        }

        /** Releases the reference; the last release disposes the factory. Call after closing every connection. */
        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(this);
            }
        }
    }
}
