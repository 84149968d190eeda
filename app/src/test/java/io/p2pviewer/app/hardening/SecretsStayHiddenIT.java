package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No token and no proxy secret in anything a headless run prints (stdout, stderr with the app's INFO log), reports
 * (JSON) or exports (CSV), even when the key server refuses the key whose URL carries the token: the line that
 * says "not entitled" quotes the key URL with {@code token=***}. Child JVM, real libVLC, real local origin.
 */
class SecretsStayHiddenIT {
    private static final String TOKEN = "SECRET123";
    private static final String TURN_USER = "turnuser7";
    private static final String TURN_PASSWORD = "TURNPASS123";
    /** The engine's proxy secret: 24 random bytes, URL-safe Base64, as the first path segment of its URLs. */
    private static final String PROXY_SECRET_PATH = "127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_-]{32}/";

    @Test
    void aRefusedKeyIsReportedWithoutTheTokenOrTheProxySecret(@TempDir Path dir) throws Exception {
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().validToken("the-entitled-one").build())) {
            HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(origin.masterUri(TOKEN), 20, dir);

            assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.KEY).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.query()).contains(TOKEN));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAYBACK_FAILED);
            assertThat(run.errorLine()).contains("not entitled", "demo.key?token=***");
            assertThat(run.report().url()).endsWith("master.m3u8?token=***");
            assertThat(run.report().errors()).anySatisfy(e -> assertThat(e).contains("KEY_REFUSED", "token=***"));
            assertThat(run.stderr()).as("the app logs at INFO").contains("INFO");
            assertThat(run.csv()).as("the CSV export was written").isNotEmpty();
            assertThat(run.everything()).doesNotContain(TOKEN).doesNotContainPattern(PROXY_SECRET_PATH);
        }
    }

    /**
     * A TURN server with a user name and a password (on loopback, where nothing answers), used by an engine that joins
     * a real tracker's swarm and makes offers with it for 8 s: neither the password nor the user name appears in
     * stdout, stderr with the INFO log, the report or the CSV. (A token in the TURN URL's query is refused when the
     * file is read: libwebrtc crashed the JVM on it, {@code WebRtcTransportConfigTest}.)
     */
    @Test
    void aTurnServersCredentialsNeverAppearInTheLogOrTheReport(@TempDir Path dir) throws Exception {
        Path ice = dir.resolve("ice.json");
        Files.writeString(ice, "[{\"urls\": [\"turn:127.0.0.1:3479?transport=udp\"], "
                + "\"username\": \"" + TURN_USER + "\", \"credential\": \"" + TURN_PASSWORD + "\"}]");
        EmbeddedTracker tracker = new EmbeddedTracker();
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().build())) {
            URI trackerUri = tracker.start(InetAddress.getLoopbackAddress(), 0);
            HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(origin.masterUri(), 8, dir,
                    List.of("--tracker", trackerUri.toString(), "--ice-servers", ice.toString()));

            assertThat(tracker.counters().announces()).as("the engine announced to the tracker, with offers")
                    .isPositive();
            assertThat(run.stderr()).as("the app logs at INFO").contains("INFO");
            assertThat(run.everything()).doesNotContain(TURN_PASSWORD).doesNotContain(TURN_USER);
        } finally {
            tracker.close();
        }
    }
}
