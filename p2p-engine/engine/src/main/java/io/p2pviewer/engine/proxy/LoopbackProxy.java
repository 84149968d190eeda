package io.p2pviewer.engine.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.stream.Hashes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server libVLC reads playlists and segments from. Listens on 127.0.0.1 only and answers only paths under
 * the session secret, so other local processes and web pages cannot use it. Handler threads block on the engine's
 * futures (bounded by a timeout); the engine thread never blocks on them.
 */
public final class LoopbackProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoopbackProxy.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WRITE_CHUNK = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String secret;
    private final ProxyBackend backend;

    public LoopbackProxy(int port, String secret, ProxyBackend backend) throws IOException {
        this.secret = secret;
        this.backend = backend;
        this.server = io.p2pviewer.engine.http.JdkHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "loopback-proxy-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The proxy's root URL, e.g. http://127.0.0.1:41234 (no secret). */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI masterUri(String session) {
        return baseUri().resolve(ProxyRoute.masterPath(secret, session));
    }

    /** The Prometheus endpoint (127.0.0.1 only, behind the secret). */
    public URI metricsUri() {
        return baseUri().resolve(ProxyRoute.metricsPath(secret));
    }

    public URI playlistUri(String session, int track) {
        return baseUri().resolve(ProxyRoute.playlistPath(secret, session, track));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                sendText(exchange, 405, "text/plain", "method not allowed");
                return;
            }
            Optional<ProxyRoute> route = ProxyRoute.parse(secret, exchange.getRequestURI().getRawPath());
            if (route.isEmpty()) {
                sendText(exchange, 404, "text/plain", "not found");
                return;
            }
            try {
                switch (route.get()) {
                    case ProxyRoute.Master m -> sendText(exchange, 200, "application/vnd.apple.mpegurl",
                            await(backend.master(m.session())));
                    case ProxyRoute.Metrics m -> sendText(exchange, 200, "text/plain; version=0.0.4",
                            backend.metrics());
                    case ProxyRoute.Playlist p -> sendText(exchange, 200, "application/vnd.apple.mpegurl",
                            await(backend.playlist(p.session(), p.track())));
                    case ProxyRoute.Segment s -> sendSegment(exchange, s.session(),
                            await(backend.segment(s.session(), s.track(), s.mediaSequence())));
                }
            } catch (ProxyFailure f) {
                log.debug("proxy {} -> {}: {}", route.get(), f.status(), f.getMessage());
                sendText(exchange, f.status(), "text/plain", f.getMessage());
            }
        } catch (IOException e) {
            log.debug("player went away: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("proxy request failed", e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProxyFailure f) {
                throw f;
            }
            throw new ProxyFailure(502, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new ProxyFailure(504, "engine did not answer within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyFailure(503, "interrupted");
        }
    }

    private void sendSegment(HttpExchange exchange, String session, CachedSegment segment) throws IOException {
        byte[] data = segment.data();
        exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : (data.length == 0 ? -1 : data.length));
        if (head) {
            return;
        }
        MessageDigest sha = Hashes.sha256();
        long written = 0;
        try {
            OutputStream out = exchange.getResponseBody();
            while (written < data.length) {
                int n = (int) Math.min(WRITE_CHUNK, data.length - written);
                out.write(data, (int) written, n);
                sha.update(data, (int) written, n);
                written += n;
            }
            out.flush();
        } finally {
            String digest = written == data.length ? segment.sha256() : Hashes.hex(sha.digest());
            backend.served(session, segment, written, digest);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
