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
 * <p>A shutdown hook (for {@code System.exit} and SIGTERM) runs the close actions of the transports still holding
 * a lease, so peers see the connections close and the factory is disposed in the safe order.
 *
 * <p>Thread-safe; acquire and release block while the factory is created or disposed.
 */
final class SharedPeerConnectionFactory {
    private static final Logger log = LoggerFactory.getLogger(SharedPeerConnectionFactory.class);
    private static final Object LOCK = new Object();

    private static final Set<Lease> leases = new LinkedHashSet<>();
    private static PeerConnectionFactory factory;
    private static HeadlessAudioDeviceModule audio;
    private static boolean hookInstalled;

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
            if (factory == null) {
                create();
            }
            Lease lease = new Lease(factory, closeAtShutdown);
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

    private static void create() {
        HeadlessAudioDeviceModule module = null;
        try {
            module = new HeadlessAudioDeviceModule();
            factory = new PeerConnectionFactory(module);
            audio = module;
        } catch (LinkageError | RuntimeException e) {
            if (module != null) {
                module.dispose();
            }
            throw new WebRtcTransportException("webrtc-java could not start (native library or its system "
                    + "libraries missing? it needs libpulse0 libx11-6 libxfixes3 libxrandr2 libxcomposite1 "
                    + "libudev1 libdbus-1-3): " + e, e);
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPeerConnectionFactory::closeAllAtExit,
                    "webrtc-factory-shutdown"));
            hookInstalled = true;
        }
        log.debug("PeerConnectionFactory created");
    }

    private static void release(Lease lease) {
        synchronized (LOCK) {
            if (!leases.remove(lease) || !leases.isEmpty()) {
                return;
            }
            try {
                factory.dispose();
            } catch (RuntimeException e) {
                log.warn("PeerConnectionFactory dispose failed", e);
            }
            try {
                audio.dispose();
            } catch (RuntimeException e) {
                log.warn("audio module dispose failed", e);
            }
            factory = null;
            audio = null;
            log.debug("PeerConnectionFactory disposed");
        }
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

    /** One reference to the factory; {@link #close()} releases it once. */
    static final class Lease implements AutoCloseable {
        private final PeerConnectionFactory factory;
        private final Runnable closeAtShutdown;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(PeerConnectionFactory factory, Runnable closeAtShutdown) {
            this.factory = factory;
            this.closeAtShutdown = closeAtShutdown;
        }

        PeerConnectionFactory factory() {
            if (released.get()) {
                throw new IllegalStateException("factory lease released");
            }
            return factory;
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
