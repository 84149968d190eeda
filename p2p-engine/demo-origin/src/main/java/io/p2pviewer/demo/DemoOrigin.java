package io.p2pviewer.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-contained HLS origin for demos, tests and benchmarks: it serves the bundled demo clip as a
 * live stream and as a VOD stream, AES-128 encrypted, with an entitlement-checking key server and
 * PeerTube-style SHA-256 lists, and records every request it answers.
 *
 * <p>URL layout, relative to {@link #baseUri()} ({@code {s}} is {@code live} or {@code vod}, both always
 * served; the token travels as {@code ?token=T}):
 * <ul>
 *   <li>{@code /{s}/master.m3u8}: master playlist of all variants;</li>
 *   <li>{@code /{s}/{variant}/playlist.m3u8}: media playlist (live: a window of
 *       {@code liveWindowSegments} that advances every 2 s of the configured clock, looping the clip
 *       with discontinuities; VOD: the clip three times, 30 segments);</li>
 *   <li>{@code /{s}/{variant}/seg-{m}.ts}: segment {@code m}, AES-128-CBC with the HLS default IV;
 *       served while in the live window or at most 30 segments older (VOD: 0..29), else 404;
 *       single {@code bytes} ranges are honoured (206);</li>
 *   <li>{@code /{s}/keys/demo.key}: the 16-byte key for the valid token, 403 otherwise; with key rotation
 *       ({@link DemoOriginConfig#keyRotationSegments()}) {@code /{s}/keys/demo-{p}.key}, the key of segments
 *       {@code p*N .. p*N+N-1}, and the playlists carry a new {@code EXT-X-KEY} at each change;</li>
 *   <li>{@code /{s}/{variant}/segments-sha256.json}: SHA-256 of every servable segment.</li>
 * </ul>
 * Playlists and segments are served whatever the token, so a viewer without entitlement gets
 * ciphertext it cannot decrypt.
 *
 * <p>Threads: requests run on a fixed pool of {@value #SERVER_THREADS} daemon threads named
 * {@code demo-origin-N} (plus the JDK server's own dispatcher thread). All public methods are
 * thread-safe and do not block, except {@link #start} (binds the socket) and {@link #close} (waits up to
 * about 2 s for in-flight requests to stop).
 */
public final class DemoOrigin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrigin.class);

    /** How many threads answer requests. */
    public static final int SERVER_THREADS = 8;
    /** How often the live edge advances: the clip's nominal segment duration. */
    public static final Duration SEGMENT_SLOT = Duration.ofSeconds(2);

    private final DemoOriginConfig config;
    private final DemoClip clip;
    private final LiveTimeline timeline;
    private final EncryptedSegments segments;
    private final RequestLedger ledger = new RequestLedger();
    private final AtomicReference<SegmentPacing> pacing = new AtomicReference<>(SegmentPacing.NONE);
    private final AtomicReference<OriginFaults> faults = new AtomicReference<>(OriginFaults.NONE);
    private final DemoRequestHandler handler;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoOrigin(DemoOriginConfig config) throws IOException {
        this.config = config;
        this.clip = DemoClip.bundled();
        this.timeline = LiveTimeline.startingAt(config.clock().instant(), config.liveWindowSegments(), SEGMENT_SLOT);
        ContentKeys keys = new ContentKeys(config.key(), config.keyRotationSegments());
        this.segments = new EncryptedSegments(clip, keys);
        this.handler = new DemoRequestHandler(clip, segments, timeline, config.clock(), config.validToken(),
                keys, ledger, pacing::get, faults::get);
        InetAddress address = InetAddress.getByName(config.bindAddress());
        this.server = OriginHttpServer.create(new InetSocketAddress(address, config.port()));
        this.executor = Executors.newFixedThreadPool(SERVER_THREADS, threadFactory());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        this.baseUri = baseUri(address, server.getAddress().getPort());
        LOG.info("Demo origin listening on {} ({} mode)", baseUri, config.mode());
    }

    /**
     * Starts an origin: loads the bundled clip (once per JVM), binds the socket and starts serving.
     *
     * @throws IOException when the address cannot be bound (e.g. {@link java.net.BindException})
     */
    public static DemoOrigin start(DemoOriginConfig config) throws IOException {
        return new DemoOrigin(Objects.requireNonNull(config, "config"));
    }

    /** Starts an origin with {@link DemoOriginConfig#defaults()}. */
    public static DemoOrigin start() throws IOException {
        return start(DemoOriginConfig.defaults());
    }

    /** The configuration this origin runs with. */
    public DemoOriginConfig config() {
        return config;
    }

    /** The origin's root, e.g. {@code http://127.0.0.1:41234/} (loopback when bound to a wildcard address). */
    public URI baseUri() {
        return baseUri;
    }

    /** The master playlist of the configured mode with the valid token. */
    public URI masterUri() {
        return masterUri(config.validToken());
    }

    /** The master playlist of the configured mode with the given token (null for none). */
    public URI masterUri(String token) {
        return baseUri.resolve(config.mode().pathSegment() + "/master.m3u8" + DemoPlaylists.tokenQuery(token));
    }

    /** The token the key server accepts. */
    public String validToken() {
        return config.validToken();
    }

    /** The variant names, lowest bandwidth first, e.g. {@code [360p, 720p]}. */
    public List<String> variantNames() {
        return clip.variants().stream().map(ClipVariant::name).toList();
    }

    /** The live edge now: the media sequence number of the newest segment in the live playlists. */
    public long liveEdgeSequence() {
        return timeline.edge(config.clock().instant());
    }

    /**
     * The exact bytes this origin serves (or would serve) for a segment, live or VOD; a fresh copy.
     *
     * @throws IllegalArgumentException for an unknown variant or a negative sequence number
     */
    public byte[] segmentBytes(String variant, long mediaSequence) {
        return segments.bytes(variant, mediaSequence).clone();
    }

    /**
     * The SHA-256 list the configured mode's {@code segments-sha256.json} holds now for a variant:
     * segment file name ({@code seg-42.ts}) to lowercase hex digest, in sequence order.
     *
     * @throws IllegalArgumentException for an unknown variant
     */
    public Map<String, String> sha256List(String variant) {
        if (clip.variant(variant).isEmpty()) {
            throw new IllegalArgumentException("unknown variant '" + variant + "'");
        }
        return Collections.unmodifiableMap(handler.hashes(variant, handler.servable(config.mode(), config.clock().instant())));
    }

    /** Every answered request so far (the newest 100,000), oldest first; a snapshot. */
    public List<ServedRequest> requests() {
        return ledger.requests();
    }

    /** The sum of {@link ServedRequest#bodyBytes()} over all segment requests answered so far. */
    public long segmentBytesServed() {
        return ledger.segmentBytesServed();
    }

    /** Delays the start of every segment response from now on; {@link Duration#ZERO} for none. */
    public void setSegmentDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        pacing.updateAndGet(p -> p.withDelay(delay));
    }

    /** The current segment response delay. */
    public Duration segmentDelay() {
        return pacing.get().delay();
    }

    /** Limits each segment response body to {@code bytesPerSecond} from now on; 0 for unlimited. */
    public void setSegmentRateLimit(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
        pacing.updateAndGet(p -> p.withBytesPerSecond(bytesPerSecond));
    }

    /** The current per-response segment rate limit in bytes per second, 0 for unlimited. */
    public long segmentRateLimit() {
        return pacing.get().bytesPerSecond();
    }

    /**
     * From now on answers {@code status} (an HTTP error, 400..599) for segments {@code first..last} of every
     * variant, as a CDN that lost them or refuses them would; {@code last < first} serves every segment again.
     */
    public void failSegments(long first, long last, int status) {
        faults.updateAndGet(f -> f.withSegmentFailures(first, last, status));
    }

    /**
     * From now on the key server refuses every key with 403 whatever the token (a viewer's entitlement revoked
     * mid-stream), or serves them again to the valid token; playlists and segments are still served.
     */
    public void refuseKeys(boolean refused) {
        faults.updateAndGet(f -> f.withKeysRefused(refused));
    }

    /**
     * Stops serving: closes the socket and every connection, interrupts requests in flight (including
     * delayed or throttled ones) and waits up to about 2 s for the threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Demo origin threads still running after close");
            }
            joinThreads(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Demo origin on {} closed", baseUri);
    }

    /**
     * Runs an origin until the process is stopped: {@code DemoOrigin [port [bindAddress [live|vod]]]}.
     * Prints the master playlist URL (with the valid token) on standard output.
     */
    public static void main(String[] args) throws Exception {
        DemoOriginConfig config;
        try {
            config = parseArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: DemoOrigin [port [bindAddress [live|vod]]]");
            System.exit(2);
            return;
        }
        DemoOrigin origin = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            origin.close();
            stopped.countDown();
        }, "demo-origin-shutdown"));
        System.out.println(origin.masterUri());
        stopped.await();
    }

    static DemoOriginConfig parseArguments(String[] args) {
        DemoOriginConfig.Builder builder = DemoOriginConfig.builder();
        if (args.length > 3) {
            throw new IllegalArgumentException("too many arguments");
        }
        if (args.length >= 1) {
            try {
                builder.port(Integer.parseInt(args[0]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number: " + args[0]);
            }
        }
        if (args.length >= 2) {
            builder.bindAddress(args[1]);
        }
        if (args.length >= 3) {
            builder.mode(switch (args[2]) {
                case "live" -> DemoMode.LIVE;
                case "vod" -> DemoMode.VOD;
                default -> throw new IllegalArgumentException("mode must be live or vod: " + args[2]);
            });
        }
        return builder.build();
    }

    /** Names the pool's threads and keeps them, so that {@link #close} can wait until they are gone. */
    private ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "demo-origin-" + count.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    /**
     * Waits until the pool's threads have ended: the pool counts itself terminated a moment before its last
     * threads exit, and a caller that closed the origin expects its threads gone.
     */
    private void joinThreads(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
    }

    private static URI baseUri(InetAddress address, int port) {
        InetAddress reachable = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        try {
            return new URI("http", null, reachable.getHostAddress(), port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot form the origin's URI for " + reachable, e);
        }
    }
}
