package io.p2pviewer.app.swarm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.app.TestFiles;
import io.p2pviewer.engine.http.JdkHttpServers;
import io.p2pviewer.testing.NetnsFixture;
import io.p2pviewer.testing.NpmTestProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Browser viewers for interop tests: Debian's headless Chromium inside the test's network namespace, running the
 * page {@code p2p-engine/testing/npm/browser/index.html?run=viewer} (viewer.mjs) (hls.js 1.6.16 + p2p-media-loader 2.3.1 from npm, loaded
 * through an import map). A small HTTP server on the namespace's host address serves the page and receives each
 * page's report (POST {@code /report/<name>} once a second).
 *
 * <p>Installs the page's locked npm packages when they are missing ({@link NpmTestProject}). Thread-safe;
 * {@link #start} and {@link #close} block briefly.
 */
final class BrowserViewers implements AutoCloseable {
    private static final NpmTestProject PAGE = NpmTestProject.of("browser");
    /** The npm project of the page. */
    static final Path DIR = PAGE.dir();
    /** The Chromium flags of ../shared/PROTOCOL-NOTES.md: host candidates on the veth, nothing leaves the machine. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--allow-loopback-in-peer-connection",
            "--disable-features=WebRtcHideLocalIpsWithMdns", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--mute-audio");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final NetnsFixture ns;
    private final Path dir;
    private final HttpServer server;
    private final URI base;
    private final Map<String, byte[]> reports = new ConcurrentHashMap<>();
    private final List<Path> profiles = new ArrayList<>();
    private final List<Process> browsers = new ArrayList<>();

    /** Starts the page server on the namespace's host address. */
    BrowserViewers(NetnsFixture ns, Path dir) throws IOException, InterruptedException {
        this.ns = ns;
        this.dir = dir;
        PAGE.ensureInstalled("node_modules/p2p-media-loader-hlsjs/package.json");
        server = JdkHttpServers.create(new InetSocketAddress(ns.hostAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://" + ns.hostAddress() + ":" + server.getAddress().getPort() + "/");
    }

    /**
     * Starts a headless Chromium inside the namespace playing {@code master} with p2p-media-loader.
     *
     * @param variant    the variant directory hls.js is locked to (e.g. 360p)
     * @param highDemand p2p-media-loader's highDemandTimeWindow in seconds, null for its default (15)
     */
    Process start(String name, URI master, URI tracker, String variant, Integer highDemand) throws IOException {
        return start(name, master, tracker, variant, highDemand, null);
    }

    /**
     * Same as {@link #start(String, URI, URI, String, Integer)}, and sets p2p-media-loader's httpDownloadTimeWindow.
     *
     * @param httpWindow seconds ahead of the playhead in which the page fetches over HTTP, at random, segments no
     *                   peer has (null for its default, 3,000: every segment it sees); set to the high-demand window,
     *                   the page never races its peers to the live edge and waits for them until it must fetch
     */
    Process start(String name, URI master, URI tracker, String variant, Integer highDemand, Integer httpWindow)
            throws IOException {
        Path profile = Files.createTempDirectory("p2pv-chromium-" + name + "-");
        profiles.add(profile);
        StringBuilder page = new StringBuilder("index.html?run=viewer&src=").append(encode(master.toString()))
                .append("&tracker=").append(encode(tracker.toString()))
                .append("&report=").append(encode(base.resolve("report/" + name).toString()))
                .append("&variant=").append(encode(variant));
        if (highDemand != null) {
            page.append("&highDemand=").append(highDemand);
        }
        if (httpWindow != null) {
            page.append("&httpWindow=").append(httpWindow);
        }
        List<String> command = new ArrayList<>();
        command.add("chromium");
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--unsafely-treat-insecure-origin-as-secure=" + base.toString().replaceAll("/$", ""));
        command.add(base.resolve("browser/" + page).toString());
        Process browser = ns.exec(command, Map.of());
        browsers.add(browser);
        return browser;
    }

    /** The newest report of a page, empty before its first one. */
    BrowserReport report(String name) throws IOException {
        byte[] json = reports.get(name);
        return json == null ? BrowserReport.empty() : JSON.readValue(json, BrowserReport.class);
    }

    /** Writes the newest report of every page next to the test's other files. */
    void saveReports() throws IOException {
        for (var e : reports.entrySet()) {
            Files.write(dir.resolve("browser-" + e.getKey() + ".json"), e.getValue());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.startsWith("/report/")) {
                try (InputStream in = exchange.getRequestBody()) {
                    reports.put(path.substring("/report/".length()), in.readAllBytes());
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Path file = DIR.resolve(path.replaceFirst("^/browser/", "")).normalize();
            if (!path.startsWith("/browser/") || !file.startsWith(DIR) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html"
                    : name.endsWith(".js") || name.endsWith(".mjs") ? "text/javascript" : "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        for (Process browser : browsers) {
            browser.descendants().forEach(ProcessHandle::destroy);
            browser.destroy();
        }
        for (Process browser : browsers) {
            try {
                browser.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        saveReports();
        server.stop(0);
        for (Path profile : profiles) {
            TestFiles.deleteTree(profile);
        }
    }
}
