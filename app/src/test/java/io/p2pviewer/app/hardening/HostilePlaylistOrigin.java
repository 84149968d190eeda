package io.p2pviewer.app.hardening;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A real HTTP origin on loopback that serves playlists no honest CDN would: a master that points at itself, and a
 * VOD media playlist whose segment URIs are ftp://. Every URL carries {@code ?token=SECRET123}. Request threads
 * are the JDK server's; nothing here is mutable after start.
 */
final class HostilePlaylistOrigin implements AutoCloseable {
    static final String TOKEN = "SECRET123";

    private final HttpServer server;
    private final URI base;

    private HostilePlaylistOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String q = "?token=" + TOKEN;
        Map<String, String> playlists = Map.of(
                "/self/master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n"
                        + "master.m3u8" + q + "\n",
                "/ftp/playlist.m3u8", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                        + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n"
                        + "#EXTINF:2.000,\nftp://127.0.0.1/media/seg-0.ts" + q + "\n"
                        + "#EXTINF:2.000,\nftp://127.0.0.1/media/seg-1.ts" + q + "\n"
                        + "#EXTINF:2.000,\nftp://127.0.0.1/media/seg-2.ts" + q + "\n#EXT-X-ENDLIST\n");
        server.createContext("/", exchange -> {
            String body = playlists.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static HostilePlaylistOrigin start() throws IOException {
        return new HostilePlaylistOrigin();
    }

    /** A master playlist whose only variant is itself. */
    URI selfReferencingMaster() {
        return base.resolve("self/master.m3u8?token=" + TOKEN);
    }

    /** A VOD media playlist whose segments are ftp:// URIs. */
    URI ftpSegments() {
        return base.resolve("ftp/playlist.m3u8?token=" + TOKEN);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
