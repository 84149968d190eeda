package io.p2pviewer.app.ui;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server for the window's ITs: serves the bytes put under a path (404 for others) and records
 * every path asked for. Thread-safe; {@link #close()} stops it.
 */
public final class LoopbackFiles implements AutoCloseable {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public LoopbackFiles() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            served.add(path);
            byte[] body = files.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Serves {@code body} at {@code path}. */
    public void put(String path, byte[] body) {
        files.put(path, body);
    }

    /** Serves {@code text} (UTF-8) at {@code path}. */
    public void put(String path, String text) {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The paths asked for so far, in order. */
    public List<String> served() {
        return served;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
