package io.p2pviewer.app.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.testing.NetnsFixture;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.engine.stream.Hashes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real swarm for tests: a network namespace made by the test, the demo origin and the embedded tracker on the
 * root side of its veth, and headless peers ({@code viewer peer}) as separate processes inside it, each with its
 * own engine and WebRTC factory. WebRTC ignores loopback, hence the namespace.
 */
final class SwarmHarness implements AutoCloseable {
    final NetnsFixture ns;
    final DemoOrigin origin;
    EmbeddedTracker tracker;
    URI trackerUri;
    private final Path dir;
    private final Map<String, Process> peers = new LinkedHashMap<>();

    SwarmHarness(String name) throws IOException {
        this.dir = Path.of("target", "swarm", name);
        Files.createDirectories(dir);
        this.ns = NetnsFixture.create(dir);
        this.origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress(ns.hostAddress())
                .mode(DemoMode.LIVE).build());
        startTracker(0);
    }

    void startTracker(int port) throws IOException {
        tracker = new EmbeddedTracker();
        trackerUri = tracker.start(InetAddress.getByName(ns.hostAddress()), port);
    }

    /** Replaces the embedded tracker by another one (e.g. bittorrent-tracker from npm) for peers started later. */
    void useTracker(URI other) {
        tracker.close();
        tracker = null;
        trackerUri = other;
    }

    /** The folder of this swarm's reports and logs. */
    Path dir() {
        return dir;
    }

    Path report(String peer) {
        return dir.resolve(peer + ".json");
    }

    Process startPeer(String peer, double seconds, String... extra) {
        return startPeer(peer, seconds, true, extra);
    }

    /** Starts a {@code viewer peer}; without {@code p2p} it has no tracker and takes everything from the CDN. */
    Process startPeer(String peer, double seconds, boolean p2p, String... extra) {
        List<String> args = new ArrayList<>(List.of("peer", origin.masterUri().toString(), "--duration",
                Double.toString(seconds), "--report", report(peer).toAbsolutePath().toString()));
        if (p2p) {
            args.addAll(List.of("--tracker", trackerUri.toString()));
        }
        args.addAll(List.of(extra));
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow"));
        String extraJvm = System.getProperty("swarm.peerJvmOpts", "").strip();
        if (!extraJvm.isEmpty()) {
            jvm.addAll(List.of(extraJvm.split("\\s+"))); // e.g. a debug log level while investigating
        }
        Process p = ns.exec(NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain", jvm, args), Map.of());
        peers.put(peer, p);
        return p;
    }

    /** Waits for a peer to exit on its own and reads its report. */
    PlayReport await(String peer, long timeoutSeconds) throws Exception {
        Process p = peers.get(peer);
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("peer %s exits (log %s)", peer, ns.logFile(p))
                .isTrue();
        assertThat(p.exitValue()).as("exit code of %s, log %s", peer, ns.logFile(p)).isZero();
        return ReportWriter.mapper().readValue(report(peer).toFile(), PlayReport.class);
    }

    /** Every segment the peer handed its player is byte-identical to what the origin serves. */
    void assertSegmentsMatchOrigin(PlayReport r) {
        assertSegmentsMatchOrigin(origin, r);
    }

    /** Every segment the peer handed its player is byte-identical to what this origin serves. */
    static void assertSegmentsMatchOrigin(DemoOrigin origin, PlayReport r) {
        assertThat(r.segments()).isNotEmpty();
        for (PlayReport.Segment s : r.segments()) {
            assertThat(s.sha256()).as("segment %s#%d from %s", s.variant(), s.mediaSequence(), s.source())
                    .isEqualTo(Hashes.sha256Hex(origin.segmentBytes(s.variant(), s.mediaSequence())));
        }
    }

    /** Every segment a browser viewer received is byte-identical to what the origin serves. */
    void assertBrowserSegmentsMatchOrigin(BrowserReport r) {
        assertThat(r.segments()).as("segments the browser received").isNotEmpty();
        for (BrowserReport.Segment s : r.segments()) {
            assertThat(s.bytes()).as("size of %s from %s %s", s.url(), s.source(), s.peerId())
                    .isEqualTo(origin.segmentBytes(s.variant(), s.mediaSequence()).length);
            assertThat(s.sha256()).as("%s from %s %s", s.url(), s.source(), s.peerId())
                    .isEqualTo(Hashes.sha256Hex(origin.segmentBytes(s.variant(), s.mediaSequence())));
        }
    }

    static long cdnAndFallback(PlayReport r) {
        return r.downloadedBytes().get("cdn") + r.downloadedBytes().get("fallback");
    }

    @Override
    public void close() {
        ns.close();
        if (tracker != null) {
            tracker.close();
        }
        origin.close();
    }
}
