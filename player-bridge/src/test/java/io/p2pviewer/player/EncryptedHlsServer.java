package io.p2pviewer.player;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test origin serving the 12 s test clip as AES-128 encrypted HLS VOD from a JDK HTTP server on
 * 127.0.0.1, with a key endpoint that checks a token.
 *
 * <p>Playlists ({@code #EXT-X-KEY} without IV: the IV is the media sequence number, 16 bytes big-endian):
 * <ul>
 *   <li>{@link #goodPlaylist()}: key at {@code /key?token=good}, answered with the right key;</li>
 *   <li>{@link #deniedKeyPlaylist()}: key at {@code /key?token=wrong}, answered with HTTP 403;</li>
 *   <li>{@link #wrongKeyPlaylist()}: key at {@code /otherkey}, answered with 16 bytes that are not the key;</li>
 *   <li>{@link #stallingPlaylist()}: right key, but every segment response sends its headers and then
 *       nothing until {@link #releaseStalls()} or {@link #close()}.</li>
 * </ul>
 */
final class EncryptedHlsServer implements AutoCloseable {

    static final int SEGMENTS = 6;
    static final int VIDEO_WIDTH = 320;
    static final int VIDEO_HEIGHT = 180;
    private static final String GOOD_TOKEN = "good";

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] key = new byte[16];
    private final List<byte[]> encryptedSegments = new ArrayList<>();
    private final CountDownLatch stallsReleased = new CountDownLatch(1);
    private final AtomicInteger keyRequests = new AtomicInteger();
    private final AtomicInteger refusedKeyRequests = new AtomicInteger();
    private final AtomicInteger segmentRequests = new AtomicInteger();

    private EncryptedHlsServer() throws IOException {
        new SecureRandom().nextBytes(key);
        for (int i = 0; i < SEGMENTS; i++) {
            encryptedSegments.add(encrypt(clearSegment(i), i));
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-hls-origin");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1. */
    static EncryptedHlsServer start() {
        try {
            return new EncryptedHlsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI goodPlaylist() {
        return uri("/vod/good.m3u8");
    }

    URI deniedKeyPlaylist() {
        return uri("/vod/denied.m3u8");
    }

    URI wrongKeyPlaylist() {
        return uri("/vod/wrongkey.m3u8");
    }

    URI stallingPlaylist() {
        return uri("/vod/stall.m3u8");
    }

    int keyRequests() {
        return keyRequests.get();
    }

    int refusedKeyRequests() {
        return refusedKeyRequests.get();
    }

    int segmentRequests() {
        return segmentRequests.get();
    }

    /** Ends the stalled segment responses (they end without their body). */
    void releaseStalls() {
        stallsReleased.countDown();
    }

    @Override
    public void close() {
        stallsReleased.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            switch (path) {
                case "/vod/good.m3u8" -> send(exchange, 200, playlist("/key?token=" + GOOD_TOKEN, "/seg/"),
                        "application/vnd.apple.mpegurl");
                case "/vod/denied.m3u8" -> send(exchange, 200, playlist("/key?token=wrong", "/seg/"),
                        "application/vnd.apple.mpegurl");
                case "/vod/wrongkey.m3u8" -> send(exchange, 200, playlist("/otherkey", "/seg/"),
                        "application/vnd.apple.mpegurl");
                case "/vod/stall.m3u8" -> send(exchange, 200, playlist("/key?token=" + GOOD_TOKEN, "/stall/"),
                        "application/vnd.apple.mpegurl");
                case "/key" -> {
                    keyRequests.incrementAndGet();
                    if (("token=" + GOOD_TOKEN).equals(query)) {
                        send(exchange, 200, key, "application/octet-stream");
                    } else {
                        refusedKeyRequests.incrementAndGet();
                        send(exchange, 403, "forbidden".getBytes(StandardCharsets.US_ASCII), "text/plain");
                    }
                }
                case "/otherkey" -> {
                    keyRequests.incrementAndGet();
                    send(exchange, 200, new byte[16], "application/octet-stream");
                }
                default -> serveSegment(exchange, path);
            }
        }
    }

    private void serveSegment(HttpExchange exchange, String path) throws IOException {
        boolean stall = path.startsWith("/stall/");
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!(path.startsWith("/seg/") || stall) || !name.matches("\\d+\\.ts")) {
            send(exchange, 404, new byte[0], "text/plain");
            return;
        }
        int index = Integer.parseInt(name.substring(0, name.length() - 3));
        if (index >= SEGMENTS) {
            send(exchange, 404, new byte[0], "text/plain");
            return;
        }
        segmentRequests.incrementAndGet();
        byte[] body = encryptedSegments.get(index);
        if (!stall) {
            send(exchange, 200, body, "video/mp2t");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().flush();
        try {
            stallsReleased.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] playlist(String keyUri, String segmentPrefix) {
        StringBuilder m3u8 = new StringBuilder()
                .append("#EXTM3U\n")
                .append("#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:2\n")
                .append("#EXT-X-MEDIA-SEQUENCE:0\n")
                .append("#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-KEY:METHOD=AES-128,URI=\"").append(keyUri).append("\"\n");
        for (int i = 0; i < SEGMENTS; i++) {
            m3u8.append("#EXTINF:2.000,\n").append(segmentPrefix).append(i).append(".ts\n");
        }
        m3u8.append("#EXT-X-ENDLIST\n");
        return m3u8.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] encrypt(byte[] clear, long mediaSequence) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            byte[] iv = ByteBuffer.allocate(16).putLong(8, mediaSequence).array();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is not available", e);
        }
    }

    private static byte[] clearSegment(int index) throws IOException {
        String resource = "/io/p2pviewer/player/media/seg" + index + ".ts";
        try (InputStream in = EncryptedHlsServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }
}
