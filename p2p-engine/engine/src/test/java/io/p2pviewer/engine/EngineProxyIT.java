package io.p2pviewer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.demo.ServedRequest;
import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.stream.Hashes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine between a real local origin and an HTTP client standing in for the player. */
class EngineProxyIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DemoOrigin origin;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build());
        engine = Engine.start(EngineConfig.builder().build());
    }

    @AfterEach
    void stop() {
        engine.close();
        origin.close();
    }

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("User-Agent", "test-player").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private StreamSession open(URI uri) throws Exception {
        return engine.open(uri).get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoChannelsWithTheSameVariantNamesEachGetTheirOwnSegments() throws Exception {
        try (DemoOrigin other = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build())) {
            StreamSession first = open(origin.masterUri());
            MediaSegment segment = firstSegment(first);
            assertThat(get(segment.uri()).body()).isEqualTo(origin.segmentBytes("720p", segment.mediaSequence()));
            first.close(); // zapping: the first channel closes, the second opens

            StreamSession second = open(other.masterUri());
            MediaPlaylist media = PlaylistParser.parseMedia(second.playerUri().resolve("t/1/playlist.m3u8"),
                    new String(get(second.playerUri().resolve("t/1/playlist.m3u8")).body(), StandardCharsets.UTF_8));
            MediaSegment same = media.segments().stream().filter(s -> s.mediaSequence() == segment.mediaSequence())
                    .findFirst().orElse(media.segments().get(0));

            assertThat(get(same.uri()).body()).as("the second channel's own bytes, not the first's cached ones")
                    .isEqualTo(other.segmentBytes("720p", same.mediaSequence()));
        }
    }

    private MediaSegment firstSegment(StreamSession session) throws Exception {
        URI variant = session.playerUri().resolve("t/1/playlist.m3u8");
        return PlaylistParser.parseMedia(variant, new String(get(variant).body(), StandardCharsets.UTF_8))
                .segments().get(0);
    }

    @Test
    void servesTheOriginsBytesThroughTheProxyAndCountsThem() throws Exception {
        StreamSession session = open(origin.masterUri());
        assertThat(session.playerUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(session.tracks()).extracting(TrackInfo::name).containsExactly("360p", "720p");

        HttpResponse<byte[]> masterResponse = get(session.playerUri());
        assertThat(masterResponse.statusCode()).isEqualTo(200);
        MasterPlaylist master = PlaylistParser.parseMaster(session.playerUri(),
                new String(masterResponse.body(), StandardCharsets.UTF_8));
        URI variantUri = master.variants().get(1).uri();
        assertThat(variantUri.toString()).startsWith(session.playerUri().resolve("t/1/").toString());

        String mediaText = new String(get(variantUri).body(), StandardCharsets.UTF_8);
        MediaPlaylist media = PlaylistParser.parseMedia(variantUri, mediaText);
        assertThat(media.segments()).hasSizeGreaterThanOrEqualTo(4);
        // Keys stay with the origin: absolute, with the viewer's token, never through the proxy.
        MediaSegment first = media.segments().get(0);
        assertThat(first.key().uri().toString())
                .startsWith(origin.baseUri().resolve("/live/keys/demo.key").toString())
                .contains("token=" + origin.validToken());

        long served = 0;
        for (MediaSegment s : media.segments().subList(0, 4)) {
            assertThat(s.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(s.uri().getPort()).isEqualTo(session.playerUri().getPort());
            byte[] body = get(s.uri()).body();
            assertThat(body).isEqualTo(origin.segmentBytes("720p", s.mediaSequence()));
            served += body.length;
        }
        // The same segment again comes from the cache: the origin is not asked twice.
        get(media.segments().get(0).uri());

        EngineSnapshot snap = awaitServed(session, 5);
        assertThat(snap.source(DeliverySource.CDN).servedBytes())
                .isEqualTo(served + origin.segmentBytes("720p", first.mediaSequence()).length);
        // Read-ahead may have fetched the next segment too: the engine's count must match the origin's to the byte.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                session.snapshot().source(DeliverySource.CDN).downloadedBytes() == origin.segmentBytesServed());
        assertThat(session.snapshot().source(DeliverySource.CDN).downloadedBytes()).isGreaterThanOrEqualTo(served);
        assertThat(snap.currentVariant()).isEqualTo("720p");
        assertThat(session.servedSegments()).hasSize(5).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(DeliverySource.CDN);
            assertThat(e.sha256()).isEqualTo(Hashes.sha256Hex(origin.segmentBytes(e.variant(), e.mediaSequence())));
        });
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.KEY).isEmpty();
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.SEGMENT)
                .extracting(ServedRequest::userAgent).containsOnly("p2p-viewer-engine/0.1");
    }

    @Test
    void metricsCountWhatTheOriginServedAndNeedTheSecret() throws Exception {
        StreamSession session = open(origin.masterUri());
        URI track = session.playerUri().resolve("t/0/playlist.m3u8");
        MediaPlaylist media = PlaylistParser.parseMedia(track, new String(get(track).body(), StandardCharsets.UTF_8));
        for (MediaSegment s : media.segments().subList(0, 3)) {
            get(s.uri());
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                session.snapshot().source(DeliverySource.CDN).downloadedBytes() == origin.segmentBytesServed());
        String expected = "p2p_segment_bytes_total{kind=\"downloaded\",source=\"cdn\"} ";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String text = new String(get(engine.metricsUri()).body(), StandardCharsets.UTF_8);
            String line = text.lines().filter(l -> l.startsWith(expected)).findFirst().orElseThrow();
            assertThat(Double.parseDouble(line.substring(expected.length()))).isEqualTo(origin.segmentBytesServed());
            assertThat(text).contains("p2p_segment_bytes_total{kind=\"served\",source=\"peer\"} 0.0")
                    .contains("p2p_upload_bytes_total").contains("p2p_peers ").contains("p2p_buffer_seconds")
                    .contains("p2p_stalls_total").contains("p2p_missed_deadlines_total");
        });
        assertThat(engine.metricsUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(get(engine.metricsUri().resolve("/metrics")).statusCode()).isEqualTo(404);
    }

    @Test
    void livePlaylistMovesWithTheOrigin() throws Exception {
        StreamSession session = open(origin.masterUri());
        URI track = session.playerUri().resolve("t/0/playlist.m3u8");
        long firstSeq = mediaSequence(track);
        // Polled, not read once after a fixed sleep: the copy the player gets may be up to half a target old and
        // each reload is scheduled after the previous response, so on a loaded machine 4.5 s of wall time may show
        // one 2 s segment of progress only. The window must still move by two segments.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> mediaSequence(track) >= firstSeq + 2);
    }

    private long mediaSequence(URI track) throws Exception {
        return PlaylistParser.parseMedia(track, new String(get(track).body(), StandardCharsets.UTF_8)).mediaSequence();
    }

    @Test
    void proxyRefusesRequestsWithoutTheSecretAndListensOnLoopbackOnly() throws Exception {
        StreamSession session = open(origin.masterUri());
        URI noSecret = session.playerUri().resolve("/s/x/master.m3u8");
        assertThat(get(noSecret).statusCode()).isEqualTo(404);
        String path = session.playerUri().getPath();
        String wrongSecret = path.replaceFirst("^/[^/]+/", "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/");
        assertThat(get(session.playerUri().resolve(wrongSecret)).statusCode()).isEqualTo(404);
        assertThat(get(session.playerUri().resolve("t/0/seg/999999.ts")).statusCode()).isEqualTo(404);
        assertThat(session.errors()).hasAtLeastOneElementOfType(StreamError.UnknownSegment.class);
        InetAddress nonLoopback = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
        if (nonLoopback != null) {
            URI external = URI.create("http://" + nonLoopback.getHostAddress() + ":" + session.playerUri().getPort()
                    + session.playerUri().getPath());
            assertThatThrownBy(() -> get(external)).isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void openingBadUrlsFailsWithTypedErrors() throws Exception {
        assertOpenFails(URI.create("http://127.0.0.1:1/nothing.m3u8"), StreamException.Kind.UNREACHABLE);
        assertOpenFails(origin.baseUri().resolve("/live/nope.m3u8"), StreamException.Kind.HTTP_STATUS);
        assertOpenFails(URI.create("ftp://example.invalid/x.m3u8"), StreamException.Kind.BAD_URL);
        HttpServer garbage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        garbage.createContext("/", ex -> {
            byte[] b = "<html>not a playlist</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        garbage.start();
        try {
            assertOpenFails(URI.create("http://127.0.0.1:" + garbage.getAddress().getPort() + "/x.m3u8"),
                    StreamException.Kind.MALFORMED_PLAYLIST);
        } finally {
            garbage.stop(0);
        }
    }

    private void assertOpenFails(URI uri, StreamException.Kind kind) {
        assertThatThrownBy(() -> open(uri)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(StreamException.class)
                .satisfies(e -> assertThat(((StreamException) e).kind()).isEqualTo(kind))
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    /** The first snapshot with that many segments served: the engine counts on its own thread, after the reply. */
    private static EngineSnapshot awaitServed(StreamSession session, long segments) {
        EngineSnapshot[] snap = new EngineSnapshot[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> (snap[0] = session.snapshot()).segmentsServed() >= segments);
        return snap[0];
    }
}
