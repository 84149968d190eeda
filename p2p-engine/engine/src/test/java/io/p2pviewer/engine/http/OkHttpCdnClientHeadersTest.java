package io.p2pviewer.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.engine.source.SegmentListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stream's own headers (a channel's User-Agent and Referer) on its playlist and segment requests. */
class OkHttpCdnClientHeadersTest {
    private final MockWebServer server = new MockWebServer();
    private OkHttpCdnClient shared;

    @BeforeEach
    void start() throws IOException {
        server.start();
        shared = new OkHttpCdnClient(EngineConfig.builder().build());
    }

    @AfterEach
    void stop() throws IOException {
        shared.close();
        server.shutdown();
    }

    private static RequestHeaders channelHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "ChannelPlayer/1.0");
        h.put("Referer", "https://portal.example/watch?token=s3cret");
        return RequestHeaders.of(h);
    }

    @Test
    void playlistAndSegmentRequestsCarryTheStreamsHeaders() throws Exception {
        server.enqueue(new MockResponse().setBody("#EXTM3U\n"));
        server.enqueue(new MockResponse().setBody("segment"));
        CdnClient stream = shared.withHeaders(channelHeaders());

        stream.fetchText(server.url("/live/index.m3u8").uri()).get(5, TimeUnit.SECONDS);
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        stream.fetchBytes(server.url("/live/seg-1.ts").uri(), 0, -1, listener(body));
        body.get(5, TimeUnit.SECONDS);

        for (int i = 0; i < 2; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getHeader("User-Agent")).isEqualTo("ChannelPlayer/1.0");
            assertThat(r.getHeaders().values("User-Agent")).hasSize(1);
            assertThat(r.getHeader("Referer")).isEqualTo("https://portal.example/watch?token=s3cret");
        }
    }

    @Test
    void withoutHeadersTheEnginesUserAgentAndNoReferer() throws Exception {
        server.enqueue(new MockResponse().setBody("#EXTM3U\n"));
        assertThat(shared.withHeaders(RequestHeaders.NONE)).isSameAs(shared);

        shared.fetchText(server.url("/a.m3u8").uri()).get(5, TimeUnit.SECONDS);

        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getHeader("User-Agent")).isEqualTo(EngineConfig.builder().build().userAgent());
        assertThat(r.getHeader("Referer")).isNull();
    }

    @Test
    void closingAStreamsClientLeavesTheSharedOneWorking() throws Exception {
        server.enqueue(new MockResponse().setBody("#EXTM3U\n"));
        shared.withHeaders(channelHeaders()).close();

        assertThat(shared.fetchText(server.url("/a.m3u8").uri()).get(5, TimeUnit.SECONDS).body()).contains("EXTM3U");
    }

    @Test
    void headersNameTheirNamesOnlyAndRefuseRequestSplitting() {
        assertThat(channelHeaders().toString()).isEqualTo("RequestHeaders[User-Agent, Referer]")
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> RequestHeaders.of(Map.of("Referer", "a\r\nX-Evil: 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Referer")
                .hasMessageNotContaining("Evil");
        assertThatThrownBy(() -> RequestHeaders.of(Map.of("Bad Name", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Name");
        assertThat(channelHeaders().get("referer")).startsWith("https://portal");
    }

    private static SegmentListener listener(CompletableFuture<byte[]> body) {
        return new SegmentListener() {
            @Override
            public void onBytes(int count) {
            }

            @Override
            public void onComplete(byte[] bytes) {
                body.complete(bytes);
            }

            @Override
            public void onFailure(String reason, boolean retryable) {
                body.completeExceptionally(new IOException(reason));
            }
        };
    }
}
