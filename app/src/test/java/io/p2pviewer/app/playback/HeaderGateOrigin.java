package io.p2pviewer.app.playback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.engine.http.JdkHttpServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback origin that refuses (403) every request without the expected User-Agent and Referer, and passes the
 * others on to an upstream origin (the demo origin): a channel whose provider checks {@code #EXTVLCOPT} headers.
 * Its log records each request's path and headers.
 */
final class HeaderGateOrigin implements AutoCloseable {
    /** One request the gate saw: its path, its User-Agent and Referer (null when absent), the status sent. */
    record Seen(String path, String userAgent, String referer, int status) {
    }

    private final HttpServer server;
    private final URI upstream;
    private final String userAgent;
    private final String referer;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Seen> log = new CopyOnWriteArrayList<>();

    HeaderGateOrigin(URI upstream, String userAgent, String referer) throws IOException {
        this.upstream = upstream;
        this.userAgent = userAgent;
        this.referer = referer;
        server = JdkHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "header-gate");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The gate's URL for an upstream URL (same path and query). */
    URI gated(URI upstreamUrl) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + upstreamUrl.getRawPath()
                + (upstreamUrl.getRawQuery() == null ? "" : "?" + upstreamUrl.getRawQuery()));
    }

    List<Seen> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String ua = ex.getRequestHeaders().getFirst("User-Agent");
            String ref = ex.getRequestHeaders().getFirst("Referer");
            String path = ex.getRequestURI().getRawPath();
            if (!Objects.equals(ua, userAgent) || !Objects.equals(ref, referer)) {
                log.add(new Seen(path, ua, ref, 403));
                ex.sendResponseHeaders(403, -1);
                return;
            }
            String query = ex.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(path
                    + (query == null ? "" : "?" + query)));
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null) {
                request.header("Range", range);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(503, -1);
                return;
            }
            log.add(new Seen(path, ua, ref, response.statusCode()));
            response.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
            response.headers().firstValue("Content-Range").ifPresent(v -> ex.getResponseHeaders().add("Content-Range", v));
            long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
            ex.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length);
            try (InputStream in = response.body(); OutputStream out = ex.getResponseBody()) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            // the client went away mid-body (libVLC seeking or stopping): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
