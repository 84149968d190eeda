package io.p2pviewer.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.source.SegmentListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Byte ranges against a real local HTTP origin: one that answers a Range with 206 and one that ignores it and
 * sends the whole resource (200). The engine asks for the rest of a segment a peer began, or for a byte-range
 * segment; either way it must get exactly the bytes asked for, or a clear failure.
 */
class OkHttpCdnClientRangeTest {
    private static final byte[] RESOURCE = new byte[8000];

    static {
        for (int i = 0; i < RESOURCE.length; i++) {
            RESOURCE[i] = (byte) (i * 31 + 7);
        }
    }

    private HttpServer server;
    private OkHttpCdnClient client;
    private final List<String> rangeHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = JdkHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/honours/", this::honouringRanges);
        server.createContext("/ignores/", this::ignoringRanges);
        server.start();
        client = new OkHttpCdnClient(EngineConfig.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void honouringRanges(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(String.valueOf(range));
        if (range == null) {
            send(ex, 200, RESOURCE);
            return;
        }
        String[] ends = range.substring("bytes=".length()).split("-", -1);
        int from = Integer.parseInt(ends[0]);
        int to = ends[1].isEmpty() ? RESOURCE.length - 1 : Math.min(RESOURCE.length - 1, Integer.parseInt(ends[1]));
        if (from >= RESOURCE.length) {
            send(ex, 416, new byte[0]);
            return;
        }
        ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + RESOURCE.length);
        send(ex, 206, Arrays.copyOfRange(RESOURCE, from, to + 1));
    }

    private void ignoringRanges(HttpExchange ex) throws IOException {
        rangeHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
        send(ex, 200, RESOURCE);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** The bytes fetched, or the failure reason prefixed with "failed: ". */
    private Object fetch(String path, long offset, long length) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        CompletableFuture<Object> result = new CompletableFuture<>();
        client.fetchBytes(uri, offset, length, new SegmentListener() {
            @Override
            public void onBytes(int count) {
            }

            @Override
            public void onComplete(byte[] data) {
                result.complete(data);
            }

            @Override
            public void onFailure(String reason, boolean retryable) {
                result.complete("failed: " + reason);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWholeSegmentIsAskedForWithoutARange() throws Exception {
        assertThat(fetch("/honours/seg.ts", 0, -1)).isEqualTo(RESOURCE);
        assertThat(rangeHeaders).containsExactly("null");
    }

    @Test
    void theRestOfASegmentIsAnOpenRange() throws Exception {
        assertThat(fetch("/honours/seg.ts", 3000, -1)).isEqualTo(Arrays.copyOfRange(RESOURCE, 3000, 8000));
        assertThat(rangeHeaders).containsExactly("bytes=3000-");
    }

    @Test
    void aByteRangeSegmentIsAClosedRange() throws Exception {
        assertThat(fetch("/honours/seg.ts", 1000, 500)).isEqualTo(Arrays.copyOfRange(RESOURCE, 1000, 1500));
        assertThat(rangeHeaders).containsExactly("bytes=1000-1499");
    }

    @Test
    void anOriginThatIgnoresRangesIsCutToTheRangeAskedFor() throws Exception {
        assertThat(fetch("/ignores/seg.ts", 3000, -1)).isEqualTo(Arrays.copyOfRange(RESOURCE, 3000, 8000));
        assertThat(fetch("/ignores/seg.ts", 1000, 500)).isEqualTo(Arrays.copyOfRange(RESOURCE, 1000, 1500));
        assertThat(rangeHeaders).containsExactly("bytes=3000-", "bytes=1000-1499");
    }

    @Test
    void aRangeBeyondTheResourceFailsWithAClearReason() throws Exception {
        assertThat(fetch("/ignores/seg.ts", 5000, 10_000)).asString()
                .startsWith("failed: origin ignored the Range header").contains("shorter than the range");
        assertThat(fetch("/honours/seg.ts", 9000, -1)).asString().startsWith("failed: HTTP 416");
    }
}
