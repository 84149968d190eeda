package io.p2pviewer.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the demo origin and records it in the {@link RequestLedger}.
 *
 * <p>Runs on the origin's server threads, several requests at a time; it holds no mutable state of its
 * own. Segment responses may block for the configured {@link SegmentPacing}; those waits end early when
 * the thread is interrupted (the origin closing).
 */
final class DemoRequestHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRequestHandler.class);

    private static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    private static final String SEGMENT_TYPE = "video/mp2t";
    private static final String KEY_TYPE = "application/octet-stream";
    private static final String JSON_TYPE = "application/json";
    /** Body bytes per write; each write is flushed so the byte count tracks what left the server. */
    private static final int CHUNK = 16 * 1024;

    private final DemoClip clip;
    private final Set<String> variantNames;
    private final EncryptedSegments segments;
    private final LiveTimeline timeline;
    private final Clock clock;
    private final byte[] validToken;
    private final ContentKeys keys;
    private final RequestLedger ledger;
    private final Supplier<SegmentPacing> pacing;
    private final Supplier<OriginFaults> faults;
    private final ObjectMapper json = new ObjectMapper();

    DemoRequestHandler(DemoClip clip, EncryptedSegments segments, LiveTimeline timeline, Clock clock,
            String validToken, ContentKeys keys, RequestLedger ledger, Supplier<SegmentPacing> pacing,
            Supplier<OriginFaults> faults) {
        this.clip = Objects.requireNonNull(clip, "clip");
        this.variantNames = Set.copyOf(clip.variants().stream().map(ClipVariant::name).toList());
        this.segments = Objects.requireNonNull(segments, "segments");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validToken = validToken.getBytes(StandardCharsets.UTF_8);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** The progress of one response; confined to the thread handling the exchange. */
    private static final class Response {
        int status;
        long bodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant at = clock.instant();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        DemoRoute route = DemoRoute.parse(path, variantNames);
        Response response = new Response();
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendEmpty(exchange, response, 405);
            } else {
                serve(exchange, route, token(rawQuery), response);
            }
        } catch (IOException e) {
            LOG.debug("{} {} ended early after {} body bytes: {}", method, path, response.bodyBytes, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("{} {} interrupted (origin closing)", method, path);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            if (response.status == 0) {
                trySendEmpty(exchange, response, 500);
            }
        } finally {
            ledger.record(new ServedRequest(at, method, path == null ? "" : path, rawQuery == null ? "" : rawQuery,
                    userAgent(exchange), route.kind(), route.variant(), route.mediaSequence(),
                    response.status, response.bodyBytes, remoteAddress(exchange)));
            exchange.close();
            LOG.debug("{} {} -> {} ({} body bytes)", method, path, response.status, response.bodyBytes);
        }
    }

    private void serve(HttpExchange exchange, DemoRoute route, String token, Response response)
            throws IOException, InterruptedException {
        Instant now = clock.instant();
        switch (route) {
            case DemoRoute.Master master -> {
                noCacheIfLive(exchange, master.mode());
                sendText(exchange, response, PLAYLIST_TYPE, DemoPlaylists.master(clip.variants(), token));
            }
            case DemoRoute.MediaPlaylist playlist -> {
                ClipVariant variant = clip.variant(playlist.variant()).orElseThrow();
                noCacheIfLive(exchange, playlist.mode());
                String text = playlist.mode() == DemoMode.LIVE
                        ? DemoPlaylists.live(variant, timeline.window(now), token, keys.rotationSegments())
                        : DemoPlaylists.vod(variant, token, keys.rotationSegments());
                sendText(exchange, response, PLAYLIST_TYPE, text);
            }
            case DemoRoute.Segment segment -> {
                int staged = faults.get().segmentStatus(segment.mediaSequence());
                if (staged != 0) {
                    sendEmpty(exchange, response, staged);
                } else if (!servable(segment.mode(), now).contains(segment.mediaSequence())) {
                    sendEmpty(exchange, response, 404);
                } else {
                    sendSegment(exchange, response, segments.bytes(segment.variant(), segment.mediaSequence()));
                }
            }
            case DemoRoute.SegmentHashes hashes -> {
                noCacheIfLive(exchange, hashes.mode());
                sendText(exchange, response, JSON_TYPE, hashesJson(hashes.variant(), servable(hashes.mode(), now)));
            }
            case DemoRoute.Key k -> {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                if (!keys.valid(k.period())) {
                    sendEmpty(exchange, response, 404);
                } else if (!faults.get().keysRefused() && token != null
                        && MessageDigest.isEqual(validToken, token.getBytes(StandardCharsets.UTF_8))) {
                    byte[] key = keys.key(k.period());
                    send(exchange, response, 200, KEY_TYPE, key, 0, key.length, SegmentPacing.NONE);
                } else {
                    sendEmpty(exchange, response, 403);
                }
            }
            case DemoRoute.NotFound ignored -> sendEmpty(exchange, response, 404);
        }
    }

    /** The segments served by the given stream at {@code now}. */
    SequenceRange servable(DemoMode mode, Instant now) {
        return mode == DemoMode.LIVE ? timeline.servable(now) : DemoPlaylists.vodRange(clip.segmentCount());
    }

    /** The SHA-256 list of the given segments, keyed by segment file name, in sequence order. */
    Map<String, String> hashes(String variant, SequenceRange range) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (long m = range.first(); m <= range.last(); m++) {
            hashes.put(DemoPlaylists.segmentFileName(m), segments.sha256(variant, m));
        }
        return hashes;
    }

    private String hashesJson(String variant, SequenceRange range) {
        try {
            return json.writeValueAsString(hashes(variant, range));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a SHA-256 list", e);
        }
    }

    private void sendSegment(HttpExchange exchange, Response response, byte[] body)
            throws IOException, InterruptedException {
        SegmentPacing currentPacing = pacing.get();
        if (!currentPacing.delay().isZero()) {
            Thread.sleep(currentPacing.delay());
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Accept-Ranges", "bytes");
        switch (RangeSelection.of(exchange.getRequestHeaders().getFirst("Range"), body.length)) {
            case RangeSelection.WholeBody whole ->
                    send(exchange, response, 200, SEGMENT_TYPE, body, 0, body.length, currentPacing);
            case RangeSelection.Slice slice -> {
                headers.set("Content-Range", "bytes " + slice.first() + "-" + slice.last() + "/" + body.length);
                send(exchange, response, 206, SEGMENT_TYPE, body, (int) slice.first(), (int) slice.length(),
                        currentPacing);
            }
            case RangeSelection.NotSatisfiable unsatisfiable -> {
                headers.set("Content-Range", "bytes */" + body.length);
                sendEmpty(exchange, response, 416);
            }
        }
    }

    private void sendText(HttpExchange exchange, Response response, String contentType, String text)
            throws IOException, InterruptedException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        send(exchange, response, 200, contentType, body, 0, body.length, SegmentPacing.NONE);
    }

    private void send(HttpExchange exchange, Response response, int status, String contentType,
            byte[] body, int offset, int length, SegmentPacing bodyPacing) throws IOException, InterruptedException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Access-Control-Allow-Origin", "*");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // The JDK server sends no Content-Length for HEAD unless the handler sets it itself.
            headers.set("Content-Length", Integer.toString(length));
            exchange.sendResponseHeaders(status, -1);
            response.status = status;
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        response.status = status;
        if (length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        long rate = bodyPacing.bytesPerSecond();
        int chunk = rate > 0 ? (int) Math.max(1, Math.min(CHUNK, rate / 20)) : CHUNK;
        for (int written = 0; written < length; ) {
            int n = Math.min(chunk, length - written);
            out.write(body, offset + written, n);
            out.flush();
            written += n;
            response.bodyBytes = written;
            if (rate > 0 && written < length) {
                Thread.sleep(Duration.ofNanos(n * 1_000_000_000L / rate));
            }
        }
    }

    private static void sendEmpty(HttpExchange exchange, Response response, int status) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, -1);
        response.status = status;
    }

    private static void trySendEmpty(HttpExchange exchange, Response response, int status) {
        try {
            sendEmpty(exchange, response, status);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send {}: {}", status, e.toString());
        }
    }

    private static void noCacheIfLive(HttpExchange exchange, DemoMode mode) {
        if (mode == DemoMode.LIVE) {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        }
    }

    /** The decoded {@code token} query parameter, or null when absent or badly encoded. */
    static String token(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("token=")) {
                try {
                    return URLDecoder.decode(parameter.substring("token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String userAgent(HttpExchange exchange) {
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        return agent == null ? "" : agent;
    }

    private static String remoteAddress(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
