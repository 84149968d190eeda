package io.p2pviewer.engine.peer.tracker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small WebTorrent tracker (JSON over WebSocket) for demos, LAN use and tests: speaks the protocol of
 * bittorrent-tracker's WebSocket server, so browsers running p2p-media-loader and our {@link TrackerClient}
 * can both use it. The logic is {@link TrackerRelay}; this class puts it on Java-WebSocket.
 *
 * <p>Lifecycle: {@link #start} binds and returns the ws:// URI; {@link #close()} stops it. Threading:
 * Java-WebSocket's selector and worker threads plus one daemon thread for idle-peer expiry; all public methods
 * are thread-safe. Messages above {@code maxMessageChars} get a failure and the socket is closed (frames more
 * than twice that size are refused by the WebSocket layer itself with close code 1009).
 *
 * <p>Optionally it requires {@link JoinTokens join tokens} (read from each connection's URL query,
 * {@code ws://host:port/announce?token=...}) and serves {@code wss://} with a given {@link SSLContext}.
 */
public final class EmbeddedTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedTracker.class);

    private final EmbeddedTrackerConfig config;
    private final TrackerRelay relay;
    private final SSLContext tls;
    private Server server;
    private ScheduledExecutorService expiry;
    private URI uri;

    /** A tracker with the default settings and the system clock. */
    public EmbeddedTracker() {
        this(EmbeddedTrackerConfig.defaults(), Clock.systemUTC());
    }

    /** @param clock tells peer ages for idle expiry */
    public EmbeddedTracker(EmbeddedTrackerConfig config, Clock clock) {
        this(config, clock, new SecureRandom());
    }

    /**
     * A tracker that may require join tokens and may serve TLS.
     *
     * @param tokens checks each announce's join token; null admits everyone (the tokens' clock tells expiry)
     * @param tls serves {@code wss://} with this context (its key manager holds the certificate); null: {@code ws://}
     */
    public EmbeddedTracker(EmbeddedTrackerConfig config, Clock clock, JoinTokens tokens, SSLContext tls) {
        this(config, clock, new SecureRandom(), tokens, tls);
    }

    EmbeddedTracker(EmbeddedTrackerConfig config, Clock clock, RandomGenerator random) {
        this(config, clock, random, null, null);
    }

    private EmbeddedTracker(EmbeddedTrackerConfig config, Clock clock, RandomGenerator random, JoinTokens tokens,
                            SSLContext tls) {
        this.config = config;
        this.relay = new TrackerRelay(config, clock, random, tokens);
        this.tls = tls;
    }

    /**
     * Binds and starts serving; blocks until bound (at most 10 s).
     *
     * @param bindAddress the local address to listen on (a wildcard address listens on all)
     * @param port the port, 0 for an ephemeral one
     * @return the tracker's URI, e.g. ws://127.0.0.1:8000 (the loopback address when bound to a wildcard;
     *     wss:// with TLS)
     * @throws IOException if the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public synchronized URI start(InetAddress bindAddress, int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("tracker already started");
        }
        Server s = new Server(new InetSocketAddress(bindAddress, port));
        s.setReuseAddr(true);
        s.setDaemon(true);
        s.setConnectionLostTimeout(60);
        if (tls != null) {
            s.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
        s.start();
        try {
            s.started.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            stopQuietly(s);
            throw new IOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stopQuietly(s);
            throw new IOException("tracker did not start within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(s);
            throw new IOException("interrupted while starting", e);
        }
        server = s;
        InetAddress visible = bindAddress.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bindAddress;
        try {
            uri = new URI(tls == null ? "ws" : "wss", null, visible.getHostAddress(), s.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tracker-expiry");
            t.setDaemon(true);
            return t;
        });
        long period = config.expiryCheckPeriod().toMillis();
        expiry.scheduleAtFixedRate(this::expireIdle, period, period, TimeUnit.MILLISECONDS);
        log.info("tracker listening on {}", uri);
        return uri;
    }

    /** The bound port; valid after {@link #start}. */
    public synchronized int port() {
        requireStarted();
        return server.getPort();
    }

    /** The URI returned by {@link #start}. */
    public synchronized URI uri() {
        requireStarted();
        return uri;
    }

    /** Current swarms, peers and totals. */
    public TrackerCounters counters() {
        return relay.counters();
    }

    /** Stops listening and closes every connection; idempotent. */
    @Override
    public synchronized void close() {
        if (expiry != null) {
            expiry.shutdownNow();
            expiry = null;
        }
        if (server != null) {
            stopQuietly(server);
            server = null;
        }
    }

    private void expireIdle() {
        try {
            int n = relay.expireIdle();
            if (n > 0) {
                log.debug("expired {} idle peers", n);
            }
        } catch (RuntimeException e) {
            log.error("idle expiry failed", e);
        }
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("tracker not started");
        }
    }

    private static void stopQuietly(Server s) {
        try {
            s.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a tracker until the process is killed. Arguments: [port (default 8000)] [bind address (default
     * 0.0.0.0)] [interval seconds (default 120)]. Prints "listening &lt;uri&gt;" once ready.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        InetAddress bind = InetAddress.getByName(args.length > 1 ? args[1] : "0.0.0.0");
        EmbeddedTrackerConfig config = args.length > 2
                ? EmbeddedTrackerConfig.builder().interval(Duration.ofSeconds(Long.parseLong(args[2]))).build()
                : EmbeddedTrackerConfig.defaults();
        EmbeddedTracker tracker = new EmbeddedTracker(config, Clock.systemUTC());
        URI uri = tracker.start(bind, port);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tracker.close();
            done.countDown();
        }, "tracker-shutdown"));
        System.out.println("listening " + uri);
        System.out.flush();
        done.await();
    }

    /** Java-WebSocket glue: each socket gets a {@link RelayConnection} as its attachment. */
    private final class Server extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();

        Server(InetSocketAddress address) {
            super(address, List.of(new Draft_6455(List.of(), 2 * config.maxMessageChars())));
        }

        @Override
        public void onStart() {
            started.complete(null);
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            SocketConnection c = new SocketConnection(socket, queryToken(handshake.getResourceDescriptor()));
            socket.setAttachment(c);
            relay.opened(c);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            SocketConnection c = socket.getAttachment();
            if (c != null) {
                relay.received(c, message);
            }
        }

        @Override
        public void onMessage(WebSocket socket, ByteBuffer message) {
            SocketConnection c = socket.getAttachment();
            if (c != null) {
                relay.received(c, StandardCharsets.UTF_8.decode(message).toString());
            }
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            SocketConnection c = socket.getAttachment();
            if (c != null) {
                relay.closed(c);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                if (!started.completeExceptionally(e)) {
                    log.warn("tracker server error", e);
                }
            } else {
                log.debug("tracker socket error: {}", e.toString());
            }
        }
    }

    /** The value of the {@code token} query parameter of a request path such as "/announce?token=x", or null. */
    static String queryToken(String resource) {
        int q = resource == null ? -1 : resource.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : resource.substring(q + 1).split("&")) {
            if (pair.startsWith("token=")) {
                try {
                    return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return ""; // malformed escapes: refused as an invalid token
                }
            }
        }
        return null;
    }

    /** A Java-WebSocket socket as a {@link RelayConnection}. */
    private static final class SocketConnection implements RelayConnection {
        private final WebSocket socket;
        private final String token;

        SocketConnection(WebSocket socket, String token) {
            this.socket = socket;
            this.token = token;
        }

        @Override
        public String joinToken() {
            return token;
        }

        @Override
        public void send(String text) {
            try {
                if (socket.isOpen()) {
                    socket.send(text);
                }
            } catch (RuntimeException e) {
                log.debug("send to a closing socket dropped: {}", e.toString());
            }
        }

        @Override
        public void close(int code, String reason) {
            socket.close(code, reason);
        }
    }
}
