package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.app.playback.HeadlessRun;
import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.demo.ServedRequest;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content-protection claims with real libVLC (headless surface) behind the engine, on a live AES-128 stream
 * whose key rotates every 3 segments: it plays with no stall while only the player fetches keys, and when the key
 * server starts refusing (entitlement revoked) the run stops with KEY_REFUSED and a "not entitled" line within
 * two seconds of the first refused key request.
 */
class KeyRotationAndRevocationIT {
    private static final int ROTATION = 3;

    private DemoOrigin origin;
    private Engine engine;
    private PlayerBridge player;
    private Playback playback;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).keyRotationSegments(ROTATION).build());
        engine = Engine.start(EngineConfig.builder().build());
        player = VlcjPlayerBridge.headless(PlayerDefaults.options("adummy").build());
        playback = new Playback(engine, player, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        playback.close();
        player.close();
        engine.close();
        origin.close();
    }

    @Test
    void aKeyRotatingEveryThreeSegmentsPlaysTwentySecondsWithoutAStallAndTheEngineFetchesNoKey(@TempDir Path dir)
            throws Exception {
        Path report = dir.resolve("r.json");
        int code = new HeadlessRun(playback, System.out, System.err).run(origin.masterUri(), Duration.ofSeconds(20),
                report);

        PlayReport r = ReportWriter.mapper().readValue(Files.readString(report), PlayReport.class);
        assertThat(code).as("reason %s", r.reason()).isEqualTo(ExitCodes.OK);
        assertThat(r.secondsPlayed()).isGreaterThan(15);
        assertThat(r.framesDisplayed()).isGreaterThan(300);
        assertThat(r.stalls().count()).isZero();
        assertThat(r.errors()).isEmpty();
        List<ServedRequest> keys = origin.requests().stream().filter(q -> q.kind() == RequestKind.KEY).toList();
        assertThat(keys.stream().map(ServedRequest::path).distinct()).as("key periods fetched")
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> assertThat(p).matches("/live/keys/demo-\\d+\\.key"));
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.userAgent()).containsIgnoringCase("vlc");
            assertThat(k.status()).isEqualTo(200);
        });
        assertThat(origin.requests()).filteredOn(q -> q.userAgent().startsWith("p2p-viewer-engine"))
                .as("what the engine fetched").isNotEmpty()
                .extracting(ServedRequest::kind).doesNotContain(RequestKind.KEY);
    }

    @Test
    void aKeyServerThatStartsRefusingStopsPlaybackWithKeyRefusedWithinTwoSeconds(@TempDir Path dir) throws Exception {
        AtomicReference<Instant> refusedAt = new AtomicReference<>();
        player.addListener(event -> {
            switch (event) {
                case PlayerEvent.FirstFrame f -> timer.schedule(() -> origin.refuseKeys(true), 3, TimeUnit.SECONDS);
                case PlayerEvent.Error e when e.kind() == ErrorKind.KEY_REFUSED -> refusedAt.compareAndSet(null,
                        Instant.now());
                default -> { }
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path report = dir.resolve("r.json");
        Instant started = Instant.now();

        int code = new HeadlessRun(playback, System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(origin.masterUri(), Duration.ofSeconds(40), report);

        assertThat(code).isEqualTo(ExitCodes.PLAYBACK_FAILED);
        String line = err.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).startsWith("error: playback failed: KEY_REFUSED: The key server refused the decryption key"
                + " (HTTP 403)").contains("not entitled", "?token=***").doesNotContain(origin.validToken());
        PlayReport r = ReportWriter.mapper().readValue(Files.readString(report), PlayReport.class);
        assertThat(r.framesDisplayed()).as("it played before the revocation").isGreaterThan(25);
        Instant firstRefused = origin.requests().stream()
                .filter(q -> q.kind() == RequestKind.KEY && q.status() == 403).map(ServedRequest::at)
                .findFirst().orElseThrow();
        assertThat(refusedAt.get()).isNotNull();
        Duration reaction = Duration.between(firstRefused, refusedAt.get());
        System.out.printf("revocation: KEY_REFUSED %d ms after the first refused key request, run ended after %d s%n",
                reaction.toMillis(), Duration.between(started, Instant.now()).toSeconds());
        assertThat(reaction).isLessThan(Duration.ofSeconds(2));
    }
}
