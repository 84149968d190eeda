package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerTransport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PeerTransport} over WebRTC (webrtc-java): complete (non-trickle) SDP, one reliable ordered binary data
 * channel per connection, created by the offerer.
 *
 * <p>All transports of the process share one native {@code PeerConnectionFactory}, created by the first and
 * disposed by {@link #close()} of the last, after its connections. Always close a transport: once a connection
 * has been made, webrtc-java has attached its signalling thread to the JVM as a non-daemon thread, so a JVM whose
 * transport is left open does not end when {@code main} returns (measured). A shutdown hook closes transports
 * left open when the JVM is ended by {@code System.exit} or SIGTERM, so peers see the connections close.
 *
 * <p>Threading: thread-safe; nothing blocks except {@link #close()}, which waits (a few milliseconds per
 * connection, at most about 10 s) for the native teardown. Futures complete and listeners are called on this
 * transport's delivery threads, never on WebRTC's threads. See {@link WebRtcPeerChannel} for flow control.
 */
public final class WebRtcPeerTransport implements PeerTransport {
    private static final Logger log = LoggerFactory.getLogger(WebRtcPeerTransport.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration TEARDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final WebRtcTransportConfig config;
    private final String name;
    private final SharedPeerConnectionFactory.Lease lease;
    private final TransportThreads threads;
    private final Set<WebRtcConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final IceServerProblems iceProblems = new IceServerProblems();
    private boolean closed; // guarded by this

    /** A transport with {@link WebRtcTransportConfig#defaults()} (no ICE servers: host candidates only). */
    public WebRtcPeerTransport() {
        this(WebRtcTransportConfig.defaults());
    }

    /**
     * Creates a transport, and the process-wide factory if this is the first.
     *
     * @throws WebRtcTransportException if webrtc-java's native library cannot be loaded
     */
    public WebRtcPeerTransport(WebRtcTransportConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = "webrtc-" + INSTANCES.incrementAndGet();
        this.threads = new TransportThreads(name); // starts no thread until used
        this.lease = SharedPeerConnectionFactory.acquire(this::close);
    }

    @Override
    public CompletableFuture<PendingOffer> createOffer() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
            }
            return newConnection().startOffer();
        }
    }

    @Override
    public CompletableFuture<Answered> answer(String offerSdp) {
        if (offerSdp == null || !offerSdp.startsWith("v=")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an SDP offer"));
        }
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
            }
            return newConnection().startAnswer(offerSdp);
        }
    }

    /**
     * What STUN/TURN servers answered wrong while gathering candidates (e.g. "ICE server turn:host:3478: 401
     * Unauthorized (check the TURN username and credential)"), each distinct problem once, oldest first.
     */
    @Override
    public List<String> problems() {
        return iceProblems.list();
    }

    /** The settings this transport was made with. */
    public WebRtcTransportConfig config() {
        return config;
    }

    /** Connections made and not yet closed (pending offers included); for diagnostics and tests. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes every connection (their listeners get {@code onClose("transport closed")}), stops this transport's
     * threads, then releases the shared factory. Blocks until the native teardown is done; idempotent.
     */
    @Override
    public void close() {
        List<WebRtcConnection> open;
        synchronized (this) {
            if (closed || lease == null) { // lease is null only if the shutdown hook runs during construction
                return;
            }
            closed = true;
            open = List.copyOf(connections);
        }
        boolean tornDown = threads.runOnControlAndWait(
                () -> open.forEach(c -> c.teardown("transport closed", null)), TEARDOWN_TIMEOUT);
        threads.shutdown();
        if (tornDown) {
            lease.close();
            log.debug("{} closed ({} connection(s))", name, open.size());
        } else {
            // Disposing the factory under a connection that may still be closing would crash the JVM.
            log.error("{}: connections did not close within {}; the WebRTC factory is left alive", name,
                    TEARDOWN_TIMEOUT);
        }
    }

    private WebRtcConnection newConnection() {
        WebRtcConnection c = new WebRtcConnection(connectionIds.incrementAndGet(), threads, config,
                lease.startConnection(), connections::remove, iceProblems);
        connections.add(c);
        return c;
    }

    @Override
    public String toString() {
        return name;
    }
}
