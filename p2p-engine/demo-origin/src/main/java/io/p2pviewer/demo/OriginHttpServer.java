package io.p2pviewer.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the demo origin's JDK HTTP server with TCP_NODELAY on. Without it the JDK server's separate writes of
 * headers and body meet Nagle's algorithm and delayed ACKs on loopback and a response can wait ~40 ms. The JDK reads
 * the property once, when the process's first server is created; the engine's proxy sets the same property
 * ({@code io.p2pviewer.engine.http.JdkHttpServers}), so whichever starts first, both get it.
 */
final class OriginHttpServer {
    private OriginHttpServer() {
    }

    static HttpServer create(InetSocketAddress address) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        return HttpServer.create(address, 0);
    }
}
