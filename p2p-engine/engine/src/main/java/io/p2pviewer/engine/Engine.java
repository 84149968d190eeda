package io.p2pviewer.engine;

import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.http.OkHttpCdnClient;
import io.p2pviewer.engine.http.RequestHeaders;
import io.p2pviewer.engine.metrics.EngineMetrics;
import io.p2pviewer.engine.metrics.EngineTotals;
import io.p2pviewer.engine.proxy.LoopbackProxy;
import io.p2pviewer.engine.proxy.ProxyBackend;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.engine.stream.P2pWarmUp;
import io.p2pviewer.engine.stream.StreamContext;
import io.p2pviewer.engine.stream.StreamController;
import io.p2pviewer.engine.stream.StreamOpener;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import io.p2pviewer.engine.time.TaskScheduler;
import io.p2pviewer.redaction.Redacted;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine: opens HLS streams, serves them to the player through a loopback proxy and fetches their
 * segments, counting every byte by source. All stream state lives on one engine thread; the public methods are
 * thread-safe and never block on the network.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineConfig config;
    private final ExecutorTaskScheduler ownScheduler;
    private final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final StreamContext context;
    private final LoopbackProxy proxy;
    private final Map<String, StreamController> streams = new HashMap<>();
    private final EngineMetrics metrics = new EngineMetrics();
    private final long cacheBytes;
    private volatile boolean closed;

    private Engine(EngineConfig config) throws IOException {
        this.config = config;
        this.cacheBytes = io.p2pviewer.engine.cache.CacheBudget.within(config.cacheMaxBytes(),
                Runtime.getRuntime().maxMemory());
        if (cacheBytes < config.cacheMaxBytes()) {
            log.info("segment cache limited to {} MiB (half the {} MiB heap), not the {} MiB configured",
                    cacheBytes >> 20, Runtime.getRuntime().maxMemory() >> 20, config.cacheMaxBytes() >> 20);
        }
        if (config.p2p() != null) {
            P2pWarmUp.start();
        }
        this.ownScheduler = new ExecutorTaskScheduler("p2p-engine", config.clock());
        this.scheduler = ownScheduler;
        this.cdn = new OkHttpCdnClient(config);
        this.context = new StreamContext(scheduler, cdn,
                new SegmentCache(cacheBytes), config.segmentAttempts(), config.deadlineGrace(),
                config.p2p(), new java.util.HashSet<>(), e -> { });
        this.proxy = new LoopbackProxy(config.proxyPort(), randomToken(24), new Backend());
        log.info("engine proxy listening on {}", proxy.baseUri());
        scheduleMetrics();
    }

    /** Starts an engine: its thread, its HTTP client and its loopback proxy. */
    public static Engine start(EngineConfig config) throws IOException {
        return new Engine(config);
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Opens a stream by its master or media playlist URL. The future completes once the playlist was fetched and
     * parsed, or fails with a {@link StreamException} saying why (unreachable, HTTP status, malformed).
     */
    public CompletableFuture<StreamSession> open(URI url) {
        return open(url, RequestHeaders.NONE);
    }

    /**
     * As {@link #open(URI)}, with headers that every CDN request of this stream carries (playlists, segments;
     * the player's own key requests carry them through its media options, not through the engine).
     */
    public CompletableFuture<StreamSession> open(URI url, RequestHeaders headers) {
        return open(url, headers, "");
    }

    /**
     * As {@link #open(URI, RequestHeaders)}, the stream's swarms named with {@code swarmQualifier} after their base
     * id: a catch-up archive whose URL differs from its live channel's only in the query ({@code ?utc=...}) must
     * not join the live swarm, whose segments of the same numbers hold other pictures.
     */
    public CompletableFuture<StreamSession> open(URI url, RequestHeaders headers, String swarmQualifier) {
        java.util.Objects.requireNonNull(headers, "headers");
        if (closed) {
            return CompletableFuture.failedFuture(new StreamException(StreamException.Kind.CLOSED, "engine closed"));
        }
        if (url == null || url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))
                || url.getHost() == null) {
            return CompletableFuture.failedFuture(new StreamException(StreamException.Kind.BAD_URL,
                    "Not an http(s) URL: " + Redacted.url(url)));
        }
        CompletableFuture<StreamSession> result = new CompletableFuture<>();
        // A cache per stream: segment ids ("720p", 42) are the same in every channel; closing the stream drops it.
        StreamContext streamContext = context.withCdn(cdn.withHeaders(headers))
                .withCache(new SegmentCache(cacheBytes)).withSwarmQualifier(swarmQualifier);
        streamContext.cdn().fetchText(url).whenComplete((response, failure) -> scheduler.execute(() -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            try {
                String id = randomToken(8).replaceAll("[^A-Za-z0-9]", "x");
                StreamController controller = StreamOpener.open(id, url, response, streamContext);
                streams.put(id, controller);
                controller.preload();
                URI playerUri = controller.hasMaster() ? proxy.masterUri(id) : proxy.playlistUri(id, 0);
                // The player URI holds the proxy secret, header values may be secrets: neither is logged.
                log.info("opened {}{}", controller, headers.isEmpty() ? "" : " with " + headers);
                result.complete(new StreamSession(this, controller, playerUri));
            } catch (StreamException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                // A bug in opening must not leave the caller waiting for ever ("Opening…" with nothing after).
                log.warn("opening {} failed", Redacted.url(url), e);
                result.completeExceptionally(new StreamException(StreamException.Kind.MALFORMED_PLAYLIST,
                        "The stream could not be opened (" + e.getClass().getSimpleName() + ": "
                                + Redacted.text(String.valueOf(e.getMessage())) + ")", e));
            }
        }));
        return result;
    }

    /** Refreshes the metrics' totals once a second on the engine thread. */
    private void scheduleMetrics() {
        scheduler.schedule(java.time.Duration.ofSeconds(1), () -> {
            if (!closed) {
                refreshMetrics();
                scheduleMetrics();
            }
        });
    }

    private void refreshMetrics() {
        int stalls = 0;
        double stallSeconds = 0;
        java.util.List<EngineSnapshot> snaps = new java.util.ArrayList<>();
        for (StreamController c : streams.values()) {
            snaps.add(c.snapshot());
            stalls += c.stalls();
            stallSeconds += c.stallSeconds();
        }
        metrics.update(EngineTotals.of(snaps, stalls, stallSeconds));
    }

    /** The Prometheus endpoint: http://127.0.0.1:port/secret/metrics. */
    public URI metricsUri() {
        return proxy.metricsUri();
    }

    /** Runs a function on the engine thread and returns its result. */
    <T> CompletableFuture<T> onEngine(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    void closeStream(StreamController controller) {
        scheduler.execute(() -> {
            controller.close();
            streams.remove(controller.id());
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        proxy.close();
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            streams.values().forEach(StreamController::close);
            streams.clear();
            done.complete(null);
        });
        try {
            done.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("engine thread did not confirm close: {}", e.toString());
        }
        cdn.close();
        ownScheduler.close();
    }

    /** Routes proxy requests to the stream controllers on the engine thread. */
    private final class Backend implements ProxyBackend {
        private <T> CompletableFuture<T> route(String session, Function<StreamController, CompletableFuture<T>> f) {
            CompletableFuture<T> result = new CompletableFuture<>();
            scheduler.execute(() -> {
                StreamController c = streams.get(session);
                if (c == null) {
                    result.completeExceptionally(new ProxyFailure(404, "no such stream session"));
                    return;
                }
                f.apply(c).whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(v);
                    }
                });
            });
            return result;
        }

        @Override
        public String metrics() {
            return metrics.scrape();
        }

        @Override
        public CompletableFuture<String> master(String session) {
            return route(session, StreamController::master);
        }

        @Override
        public CompletableFuture<String> playlist(String session, int track) {
            return route(session, c -> c.playlist(track));
        }

        @Override
        public CompletableFuture<CachedSegment> segment(String session, int track, long mediaSequence) {
            return route(session, c -> c.segment(track, mediaSequence));
        }

        @Override
        public void served(String session, CachedSegment segment, long bytesWritten, String sha256) {
            scheduler.execute(() -> {
                StreamController c = streams.get(session);
                if (c != null) {
                    c.served(segment, bytesWritten, sha256);
                }
            });
        }
    }
}
