package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.app.channels.ChannelFixtures;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code viewer channels} against a real HTTP server on loopback (the JDK's): the playlist and the guide its
 * x-tvg-url names (gzip, behind a token) are fetched; HTML, 404 and a closed port exit 3 with one line that
 * holds no token.
 */
class ChannelsCommandIT {
    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ByteArrayOutputStream guide = new ByteArrayOutputStream();
        ChannelFixtures.writeGuide(guide, 50, 2, FROM, true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, byte[]> bodies = Map.of(
                "/list.m3u", ChannelFixtures.playlist(100, 10, base + "/guide.xml.gz?token=guide-secret")
                        .getBytes(StandardCharsets.UTF_8),
                "/guide.xml.gz", guide.toByteArray(),
                "/login.m3u", "<!DOCTYPE html>\n<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8));
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().toString());
            byte[] body = bodies.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void playlistAndItsGuideFromUrls() throws Exception {
        CommandRun r = CommandRun.of("channels", base + "/list.m3u?token=list-secret", "--at", "2024-03-01T12:00:00Z",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requests).containsExactly("/list.m3u?token=list-secret", "/guide.xml.gz?token=guide-secret");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("channels")).hasSize(100);
        assertThat(json.at("/channels/49/now/title").asText()).isEqualTo(ChannelFixtures.titleAt(FROM,
                Instant.parse("2024-03-01T12:00:00Z")));
        assertThat(json.at("/channels/49/now/start").asText()).isEqualTo("2024-03-01T12:00:00Z");
        assertThat(json.at("/channels/50/now").isNull()).isTrue();
        assertThat(json.get("warnings")).extracting(JsonNode::asText).containsExactly(
                "guide: 50 of 100 channels match no guide channel by tvg-id or name (first: Channel 50)");
    }

    @Test
    void anUnreachableGuideIsAWarningWithoutItsToken() throws Exception {
        CommandRun r = CommandRun.of("channels", base + "/list.m3u", "--epg", base + "/gone.xml?token=abc123",
                "--json");
        assertThat(r.exit()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("warnings").get(0).asText())
                .isEqualTo("cannot read guide: HTTP 404 from " + base + "/gone.xml?token=*** (" + base
                        + "/gone.xml?token=***)");
        assertThat(r.out() + r.err()).doesNotContain("abc123");
    }

    @Test
    void htmlMissingAndUnreachableExitThreeInOneLineWithoutTokens() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> cases = Map.of(
                base + "/login.m3u?token=t0p", "error: playlist is an HTML page, not a playlist (line 1)",
                base + "/missing.m3u?token=t0p", "error: cannot read playlist: HTTP 404 from " + base
                        + "/missing.m3u?token=***",
                "http://127.0.0.1:" + closedPort + "/list.m3u?token=t0p",
                "error: cannot read playlist: cannot connect to 127.0.0.1:" + closedPort);
        for (var c : cases.entrySet()) {
            CommandRun r = CommandRun.of("channels", c.getKey(), "--json");
            assertThat(r.exit()).as(c.getKey()).isEqualTo(3);
            assertThat(r.err()).startsWith(c.getValue()).doesNotContain("t0p");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
