package io.p2pviewer.demo;

import io.p2pviewer.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs a real {@link DemoOrigin} on loopback and talks to it with the JDK's HTTP client. */
class DemoOriginIT {

    private static final Duration SLOT = Duration.ofSeconds(2);
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final String TOKEN = "valid-token";

    private final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DemoOrigin origin;

    @BeforeEach
    void startOrigin() throws IOException {
        origin = DemoOrigin.start(config().build());
    }

    @AfterEach
    void stop() {
        origin.close();
        http.close();
    }

    private DemoOriginConfig.Builder config() {
        return DemoOriginConfig.builder().clock(clock).validToken(TOKEN).key(KEY);
    }

    @Test
    void masterListsBothVariantsWithTheTokenPropagated() throws Exception {
        HttpResponse<String> response = getText(origin.masterUri());

        assertThat(origin.masterUri()).isEqualTo(origin.baseUri().resolve("live/master.m3u8?token=valid-token"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.body()).startsWith("#EXTM3U\n").contains(
                "RESOLUTION=640x360,FRAME-RATE=25.000,CODECS=\"avc1.64001e,mp4a.40.2\"\n"
                        + "360p/playlist.m3u8?token=valid-token\n",
                "RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS=\"avc1.64001f,mp4a.40.2\"\n"
                        + "720p/playlist.m3u8?token=valid-token\n");
        assertThat(response.body().lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:BANDWIDTH=")
                && l.contains(",AVERAGE-BANDWIDTH="))).hasSize(2);
        assertThat(origin.variantNames()).containsExactly("360p", "720p");
    }

    @Test
    void playlistsAreServedWhateverTheToken() throws Exception {
        HttpResponse<String> master = getText(origin.masterUri("wrong"));
        HttpResponse<String> media = getText(origin.masterUri("wrong").resolve("720p/playlist.m3u8?token=wrong"));

        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.body()).contains("720p/playlist.m3u8?token=wrong\n");
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.body()).contains("URI=\"../keys/demo.key?token=wrong\"", "seg-7.ts?token=wrong\n");
    }

    @Test
    void liveWindowAdvancesWithTheClockAcrossALoop() throws Exception {
        URI playlistUri = origin.masterUri().resolve("360p/playlist.m3u8?token=valid-token");

        ParsedMediaPlaylist atStart = playlist(playlistUri);
        assertThat(atStart.mediaSequence()).isZero();
        assertThat(atStart.discontinuitySequence()).isZero();
        assertThat(atStart.tags()).containsEntry("EXT-X-TARGETDURATION", "2");
        assertThat(atStart.uris()).hasSize(8).first().isEqualTo("seg-0.ts?token=valid-token");
        assertThat(atStart.discontinuityUris()).isEmpty();
        assertThat(atStart.segments()).extracting(ParsedMediaPlaylist.Entry::duration).containsOnly("2.000");
        assertThat(origin.liveEdgeSequence()).isEqualTo(7);

        clock.elapse(SLOT.multipliedBy(5));
        ParsedMediaPlaylist crossingLoop = playlist(playlistUri);
        assertThat(crossingLoop.mediaSequence()).isEqualTo(5);
        assertThat(crossingLoop.discontinuitySequence()).isZero();
        assertThat(crossingLoop.uris()).first().isEqualTo("seg-5.ts?token=valid-token");
        assertThat(crossingLoop.uris()).last().isEqualTo("seg-12.ts?token=valid-token");
        assertThat(crossingLoop.discontinuityUris()).containsExactly("seg-10.ts?token=valid-token");
        assertThat(origin.liveEdgeSequence()).isEqualTo(12);

        clock.elapse(SLOT.multipliedBy(5));
        ParsedMediaPlaylist loopFirst = playlist(playlistUri);
        assertThat(loopFirst.mediaSequence()).isEqualTo(10);
        assertThat(loopFirst.discontinuitySequence()).isZero();
        assertThat(loopFirst.segments().get(0).discontinuityBefore()).isTrue();

        clock.elapse(SLOT);
        ParsedMediaPlaylist afterLoop = playlist(playlistUri);
        assertThat(afterLoop.mediaSequence()).isEqualTo(11);
        assertThat(afterLoop.discontinuitySequence()).isEqualTo(1);
        assertThat(afterLoop.discontinuityUris()).isEmpty();

        clock.elapse(SLOT.multipliedBy(28).plusMillis(1999));
        ParsedMediaPlaylist later = playlist(playlistUri);
        assertThat(later.mediaSequence()).isEqualTo(39);
        assertThat(later.discontinuitySequence()).isEqualTo(3);
        assertThat(later.discontinuityUris()).containsExactly("seg-40.ts?token=valid-token");
        assertThat(origin.liveEdgeSequence()).isEqualTo(46);
    }

    @Test
    void segmentDecryptsToExactlyTheClipFile() throws Exception {
        clock.elapse(SLOT.multipliedBy(6));
        byte[] key = getBytes(origin.baseUri().resolve("live/keys/demo.key?token=valid-token")).body();
        HttpResponse<byte[]> segment = getBytes(origin.baseUri().resolve("live/720p/seg-12.ts?token=valid-token"));

        assertThat(key).isEqualTo(KEY);
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(segment.headers().firstValueAsLong("Content-Length")).hasValue(segment.body().length);
        byte[] clipFile = resource("media/720p/seg-002.ts");
        assertThat(segment.body()).isNotEqualTo(clipFile);
        assertThat(decrypt(key, 12, segment.body())).isEqualTo(clipFile);
        assertThat(origin.segmentBytes("720p", 12)).isEqualTo(segment.body());
    }

    @Test
    void keyIsForbiddenWithAWrongOrMissingToken() throws Exception {
        for (String mode : List.of("live", "vod")) {
            URI keys = origin.baseUri().resolve(mode + "/keys/");
            assertThat(getBytes(keys.resolve("demo.key?token=wrong")).statusCode()).isEqualTo(403);
            assertThat(getBytes(keys.resolve("demo.key")).statusCode()).isEqualTo(403);
            assertThat(getBytes(keys.resolve("demo.key?token=")).statusCode()).isEqualTo(403);
            assertThat(getBytes(keys.resolve("demo.key?other=valid-token")).statusCode()).isEqualTo(403);
            HttpResponse<byte[]> valid = getBytes(keys.resolve("demo.key?x=1&token=valid-token"));
            assertThat(valid.statusCode()).isEqualTo(200);
            assertThat(valid.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(valid.body()).isEqualTo(KEY);
        }
        // A request is recorded just after its last byte went out: wait for the last one. The client may already
        // have sent (and the origin recorded) its next request by then, so the ledger's order is not the requests'.
        await().atMost(Duration.ofSeconds(5)).until(() ->
                origin.requests().stream().filter(r -> r.kind() == RequestKind.KEY).count() == 10);
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.KEY)
                .extracting(ServedRequest::status)
                .containsExactlyInAnyOrder(403, 403, 403, 403, 200, 403, 403, 403, 403, 200);
    }

    @Test
    void wrongTokenViewerGetsTheSameCiphertext() throws Exception {
        HttpResponse<byte[]> segment = getBytes(origin.baseUri().resolve("live/360p/seg-3.ts?token=wrong"));

        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(origin.segmentBytes("360p", 3));
    }

    @Test
    void sha256ListMatchesTheServedBytes() throws Exception {
        clock.elapse(SLOT.multipliedBy(40));
        HttpResponse<String> response = getText(origin.baseUri().resolve("live/720p/segments-sha256.json"));
        Map<String, String> listed = new ObjectMapper().readValue(response.body(), new TypeReference<>() { });

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        // Window 40..47 plus 30 older segments.
        assertThat(listed.keySet()).containsExactlyElementsOf(
                LongStream.rangeClosed(10, 47).mapToObj(m -> "seg-" + m + ".ts").toList());
        assertThat(origin.sha256List("720p")).containsExactlyEntriesOf(listed);
        for (long m : new long[] {10, 29, 40, 47}) {
            byte[] served = getBytes(origin.baseUri().resolve("live/720p/seg-" + m + ".ts?token=t")).body();
            assertThat(EncryptedSegments.sha256Hex(served)).isEqualTo(listed.get("seg-" + m + ".ts"));
        }
    }

    @Test
    void segmentByteCounterEqualsTheBytesReceived() throws Exception {
        long received = 0;
        for (String variant : origin.variantNames()) {
            for (long m = 0; m <= 7; m += 3) {
                received += getBytes(origin.baseUri().resolve("live/" + variant + "/seg-" + m + ".ts")).body().length;
            }
        }
        getText(origin.masterUri());

        long expected = received;
        await().atMost(Duration.ofSeconds(5)).until(() -> origin.segmentBytesServed() == expected);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                origin.requests().stream().anyMatch(r -> r.kind() == RequestKind.MASTER));
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.SEGMENT)
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200))
                .extracting(ServedRequest::variant, ServedRequest::mediaSequence)
                .contains(org.assertj.core.groups.Tuple.tuple("720p", 6L));
        assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.MASTER).singleElement()
                .satisfies(r -> {
                    assertThat(r.query()).isEqualTo("token=valid-token");
                    assertThat(r.remoteAddress()).isEqualTo("127.0.0.1");
                    assertThat(r.userAgent()).startsWith("Java-http-client");
                    assertThat(r.bodyBytes()).isPositive();
                    assertThat(r.at()).isEqualTo(clock.instant());
                });
    }

    @Test
    void concurrentDownloadsAreAllCounted() throws Exception {
        clock.elapse(SLOT.multipliedBy(20));
        List<CompletableFuture<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (long m = 0; m <= 27; m++) {
            for (String variant : origin.variantNames()) {
                downloads.add(http.sendAsync(
                        HttpRequest.newBuilder(origin.baseUri().resolve("live/" + variant + "/seg-" + m + ".ts")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
        }
        long received = 0;
        for (CompletableFuture<HttpResponse<byte[]>> download : downloads) {
            HttpResponse<byte[]> response = download.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            received += response.body().length;
        }

        long expected = received;
        await().atMost(Duration.ofSeconds(5)).until(() -> origin.segmentBytesServed() == expected);
        assertThat(origin.requests()).hasSize(56);
    }

    @Test
    void rangeRequestIsCountedAsTheBytesSent() throws Exception {
        URI segment = origin.baseUri().resolve("live/360p/seg-4.ts");
        byte[] whole = origin.segmentBytes("360p", 4);

        HttpResponse<byte[]> slice = getBytes(segment, "bytes=100-1099");
        HttpResponse<byte[]> suffix = getBytes(segment, "bytes=-16");
        HttpResponse<byte[]> beyond = getBytes(segment, "bytes=" + whole.length + "-");

        assertThat(slice.statusCode()).isEqualTo(206);
        assertThat(slice.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + whole.length);
        assertThat(slice.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 1100));
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 16, whole.length));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
        await().atMost(Duration.ofSeconds(5)).until(() -> origin.requests().size() == 3);
        assertThat(origin.segmentBytesServed()).isEqualTo(1000 + 16);
        // Recorded after their last byte went out: in any order (the next request may be recorded first).
        assertThat(origin.requests()).extracting(ServedRequest::status, ServedRequest::bodyBytes)
                .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(206, 1000L),
                org.assertj.core.groups.Tuple.tuple(206, 16L),
                org.assertj.core.groups.Tuple.tuple(416, 0L));
    }

    @Test
    void headAnswersTheLengthWithoutABody() throws Exception {
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(origin.baseUri().resolve("live/360p/seg-1.ts"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(origin.segmentBytes("360p", 1).length);
        assertThat(head.body()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> origin.requests().size() == 1);
        assertThat(origin.requests().get(0).method()).isEqualTo("HEAD");
        assertThat(origin.segmentBytesServed()).isZero();
    }

    @Test
    void vodPlaylistHasThirtySegmentsAndEnds() throws Exception {
        clock.elapse(SLOT.multipliedBy(1000));
        try (DemoOrigin vod = DemoOrigin.start(config().mode(DemoMode.VOD).build())) {
            assertThat(vod.masterUri().getPath()).isEqualTo("/vod/master.m3u8");
            assertThat(getText(vod.masterUri()).body()).contains("720p/playlist.m3u8?token=valid-token");
            HttpResponse<String> response = getText(vod.masterUri().resolve("720p/playlist.m3u8?token=valid-token"));
            ParsedMediaPlaylist playlist = ParsedMediaPlaylist.parse(response.body());

            assertThat(response.headers().firstValue("Cache-Control")).isEmpty();
            assertThat(playlist.tags()).containsEntry("EXT-X-PLAYLIST-TYPE", "VOD");
            assertThat(playlist.mediaSequence()).isZero();
            assertThat(playlist.discontinuitySequence()).isZero();
            assertThat(playlist.endList()).isTrue();
            assertThat(playlist.uris()).hasSize(30).last().isEqualTo("seg-29.ts?token=valid-token");
            assertThat(playlist.discontinuityUris())
                    .containsExactly("seg-10.ts?token=valid-token", "seg-20.ts?token=valid-token");
            assertThat(getBytes(vod.baseUri().resolve("vod/720p/seg-0.ts")).statusCode()).isEqualTo(200);
            assertThat(getBytes(vod.baseUri().resolve("vod/720p/seg-29.ts")).statusCode()).isEqualTo(200);
            assertThat(getBytes(vod.baseUri().resolve("vod/720p/seg-30.ts")).statusCode()).isEqualTo(404);
            assertThat(vod.sha256List("360p")).hasSize(30).containsKeys("seg-0.ts", "seg-29.ts");
        }
    }

    @Test
    void notFoundAndMethodNotAllowed() throws Exception {
        URI base = origin.baseUri();
        assertThat(getBytes(base.resolve("nothing-here")).statusCode()).isEqualTo(404);
        assertThat(getBytes(base.resolve("live/1080p/playlist.m3u8")).statusCode()).isEqualTo(404);
        assertThat(getBytes(base.resolve("live/360p/seg-8.ts")).statusCode()).isEqualTo(404);
        assertThat(getBytes(base.resolve("live/360p/seg-007.ts")).statusCode()).isEqualTo(404);
        clock.elapse(SLOT.multipliedBy(100));
        // Edge 107, window 100..107, history back to 70.
        assertThat(getBytes(base.resolve("live/360p/seg-69.ts")).statusCode()).isEqualTo(404);
        assertThat(getBytes(base.resolve("live/360p/seg-70.ts")).statusCode()).isEqualTo(200);
        assertThat(getBytes(base.resolve("live/360p/seg-108.ts")).statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(origin.masterUri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        await().atMost(Duration.ofSeconds(5)).until(() -> origin.requests().size() == 8);
        // The ledger records a request just after its last byte, so the next request can overtake its record.
        assertThat(origin.requests()).extracting(ServedRequest::kind, ServedRequest::status)
                .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(RequestKind.OTHER, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.OTHER, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.SEGMENT, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.OTHER, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.SEGMENT, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.SEGMENT, 200),
                org.assertj.core.groups.Tuple.tuple(RequestKind.SEGMENT, 404),
                org.assertj.core.groups.Tuple.tuple(RequestKind.MASTER, 405));
        assertThat(origin.segmentBytesServed()).isEqualTo(origin.segmentBytes("360p", 70).length);
    }

    @Test
    void clientDisconnectCountsOnlyWhatWasWritten() throws Exception {
        origin.setSegmentRateLimit(64 * 1024);
        int length = origin.segmentBytes("720p", 0).length;
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8 * 1024);
            socket.connect(new InetSocketAddress(origin.baseUri().getHost(), origin.baseUri().getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /live/720p/seg-0.ts HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readNBytes(10_000);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !origin.requests().isEmpty());
        ServedRequest cut = origin.requests().get(0);
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.bodyBytes()).isPositive().isLessThan(length);
        assertThat(origin.segmentBytesServed()).isEqualTo(cut.bodyBytes());
    }

    @Test
    void segmentDelayHoldsSegmentsBackButNotPlaylists() throws Exception {
        origin.setSegmentDelay(Duration.ofMillis(400));
        long start = System.nanoTime();
        HttpResponse<byte[]> segment = getBytes(origin.baseUri().resolve("live/360p/seg-0.ts"));
        long segmentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segmentMillis).isGreaterThanOrEqualTo(400);
        assertThat(origin.segmentDelay()).isEqualTo(Duration.ofMillis(400));
        origin.setSegmentDelay(Duration.ZERO);
        assertThat(getBytes(origin.baseUri().resolve("live/360p/seg-1.ts")).body())
                .isEqualTo(origin.segmentBytes("360p", 1));
    }

    @Test
    void closeInterruptsDelayedRequestsAndFreesThePort() throws Exception {
        // Pool threads start with the first request; threads already running belong to someone else.
        List<Thread> foreign = serverThreads();
        int port = origin.baseUri().getPort();
        getText(origin.masterUri());
        origin.setSegmentDelay(Duration.ofMinutes(5));
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(
                HttpRequest.newBuilder(origin.baseUri().resolve("live/360p/seg-0.ts")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        await().atMost(Duration.ofSeconds(5)).until(() -> serverThreads().size() >= foreign.size() + 2);

        long start = System.nanoTime();
        origin.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(closeMillis).isLessThan(5_000);
        assertThat(serverThreads()).isSubsetOf(foreign);
        assertThat(pending).failsWithin(Duration.ofSeconds(5));
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
        try (DemoOrigin again = DemoOrigin.start(config().port(port).build())) {
            assertThat(again.baseUri().getPort()).isEqualTo(port);
            assertThat(getText(again.masterUri()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void serverThreadsAreNamedDaemons() throws Exception {
        getText(origin.masterUri());

        assertThat(serverThreads()).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }

    private static List<Thread> serverThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().matches("demo-origin-\\d+") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    private ParsedMediaPlaylist playlist(URI uri) throws Exception {
        HttpResponse<String> response = getText(uri);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        return ParsedMediaPlaylist.parse(response.body());
    }

    @Test
    void rotatingKeysChangeEveryNSegmentsAndEachDecryptsItsOwnSegments() throws Exception {
        origin.close();
        origin = DemoOrigin.start(config().mode(DemoMode.VOD).keyRotationSegments(3).build());
        String playlist = getText(origin.baseUri().resolve("vod/360p/playlist.m3u8?token=" + TOKEN)).body();

        List<String> keyLines = playlist.lines().filter(l -> l.startsWith("#EXT-X-KEY:")).toList();
        assertThat(keyLines).hasSize(10).first().asString()
                .isEqualTo("#EXT-X-KEY:METHOD=AES-128,URI=\"../keys/demo-0.key?token=valid-token\"");
        assertThat(keyLines.get(9)).contains("demo-9.key");
        byte[] key1 = getBytes(origin.baseUri().resolve("vod/keys/demo-1.key?token=" + TOKEN)).body();
        byte[] key2 = getBytes(origin.baseUri().resolve("vod/keys/demo-2.key?token=" + TOKEN)).body();
        assertThat(key1).hasSize(16).isNotEqualTo(key2).isNotEqualTo(KEY);
        byte[] clear = decrypt(key1, 4, origin.segmentBytes("360p", 4));
        assertThat(clear[0]).isEqualTo((byte) 0x47); // a TS sync byte: segment 4 is in key period 1
        assertThat(getBytes(origin.baseUri().resolve("vod/keys/demo.key?token=" + TOKEN)).statusCode()).isEqualTo(404);
    }

    @Test
    void stagedSegmentFailuresAndARevokedKeyAreAnsweredUntilLifted() throws Exception {
        origin.failSegments(2, 3, 403);
        URI segment3 = origin.baseUri().resolve("live/360p/seg-" + origin.liveEdgeSequence() + ".ts");
        origin.failSegments(origin.liveEdgeSequence(), origin.liveEdgeSequence(), 404);
        assertThat(getBytes(segment3).statusCode()).isEqualTo(404);
        origin.refuseKeys(true);
        assertThat(getBytes(origin.baseUri().resolve("live/keys/demo.key?token=" + TOKEN)).statusCode()).isEqualTo(403);

        origin.failSegments(0, -1, 0);
        origin.refuseKeys(false);
        assertThat(getBytes(segment3).statusCode()).isEqualTo(200);
        assertThat(getBytes(origin.baseUri().resolve("live/keys/demo.key?token=" + TOKEN)).body()).isEqualTo(KEY);
    }

    private HttpResponse<String> getText(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> getBytes(URI uri, String range) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Range", range).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] decrypt(byte[] key, long mediaSequence, byte[] encrypted) throws Exception {
        byte[] iv = new byte[16];
        for (int i = 0; i < 8; i++) {
            iv[15 - i] = (byte) (mediaSequence >>> (8 * i));
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoOriginIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
