package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plays the encrypted test stream with real libVLC and no display. */
class HeadlessPlaybackIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static EncryptedHlsServer origin;

    @BeforeAll
    static void startOrigin() {
        origin = EncryptedHlsServer.start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void playsEncryptedHlsWithoutADisplay() {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            player.addListener(events);
            assertThat(player.status().state()).isEqualTo(PlayerState.IDLE);
            assertThat(player.libVlcVersion()).as("libVLC 3 is what the bridge is built for").startsWith("3.");

            player.play(origin.goodPlaylist().toString());

            await().atMost(START_TIMEOUT).until(() -> !events.ofType(PlayerEvent.FirstFrame.class).isEmpty());
            long framesAtFirstCheck = player.status().framesDisplayed();
            assertThat(framesAtFirstCheck).isPositive();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> player.status().framesDisplayed() > framesAtFirstCheck + 10);
            await().atMost(Duration.ofSeconds(10)).until(() -> player.status().timeMillis() > 1000);
            await().atMost(Duration.ofSeconds(5)).until(() -> player.stats().decodedVideo() > 0);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> player.status().videoWidth() == EncryptedHlsServer.VIDEO_WIDTH);

            PlayerStatus status = player.status();
            assertThat(status.state()).isEqualTo(PlayerState.PLAYING);
            assertThat(status.videoWidth()).isEqualTo(EncryptedHlsServer.VIDEO_WIDTH);
            assertThat(status.videoHeight()).isEqualTo(EncryptedHlsServer.VIDEO_HEIGHT);
            assertThat(status.lengthMillis()).isBetween(11_000L, 13_000L);
            assertThat(player.stats().demuxReadBytes()).isPositive();
            assertThat(events.ofType(PlayerEvent.FirstFrame.class)).singleElement()
                    .satisfies(first -> assertThat(first.sincePlay()).isPositive().isLessThan(START_TIMEOUT));
            assertThat(events.ofType(PlayerEvent.VideoSizeChanged.class))
                    .containsExactly(new PlayerEvent.VideoSizeChanged(320, 180));
            assertThat(events.events()).startsWith(new PlayerEvent.Opening());
            assertThat(events.ofType(PlayerEvent.Playing.class)).isNotEmpty();
            assertThat(events.errors()).isEmpty();
            assertThat(events.threadNames()).allSatisfy(name -> assertThat(name).matches("player-bridge-\\d+-events"));
            assertThat(origin.keyRequests()).isPositive();
        }
    }

    @Test
    void playsToTheEnd() {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            player.addListener(events);
            player.play(origin.goodPlaylist().toString());

            await().atMost(Duration.ofSeconds(40)).until(() -> !events.ofType(PlayerEvent.Finished.class).isEmpty());

            assertThat(player.status().state()).isEqualTo(PlayerState.ENDED);
            assertThat(player.status().framesDisplayed()).isGreaterThan(200);
            assertThat(events.errors()).isEmpty();
        }
    }

    @Test
    void pauseResumeVolumeAndMuteRoundTrip() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            player.addListener(events);
            player.play(origin.goodPlaylist().toString());
            await().atMost(START_TIMEOUT).until(() -> player.status().framesDisplayed() > 5);

            player.pause();
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.PAUSED);
            assertThat(events.ofType(PlayerEvent.Paused.class)).hasSize(1);
            Thread.sleep(300);
            long pausedFrames = player.status().framesDisplayed();
            long pausedTime = player.status().timeMillis();
            Thread.sleep(700);
            assertThat(player.status().framesDisplayed()).isEqualTo(pausedFrames);
            assertThat(player.status().timeMillis()).isEqualTo(pausedTime);

            player.resume();
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.PLAYING);
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().framesDisplayed() > pausedFrames + 5);

            player.togglePause();
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.PAUSED);
            player.togglePause();
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.PLAYING);

            assertVolumeAndMuteRoundTrip(player);

            player.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.STOPPED);
            assertThat(events.errors()).isEmpty();
        }
    }

    /**
     * Twice the speed plays twice the media time in the same wall time (the 12 s clip, measured over 2.5 s of wall
     * time each), and a new media starts at normal speed again.
     */
    @Test
    void aFasterRatePlaysMoreMediaTimeAndTheNextMediaStartsAtNormalSpeed() throws InterruptedException {
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            player.play(origin.goodPlaylist().toString());
            await().atMost(START_TIMEOUT).until(() -> player.status().timeMillis() > 300);
            long normal = mediaMillisIn(player, 2500);
            player.setRate(2.0);
            await().atMost(Duration.ofSeconds(5)).until(() -> player.rate() == 2.0);
            Thread.sleep(300);
            long fast = mediaMillisIn(player, 2500);
            System.out.printf("media time in 2.5 s: %d ms at 1x, %d ms at 2x%n", normal, fast);
            assertThat(normal).isBetween(1800L, 3200L);
            assertThat(fast).as("2x").isGreaterThan(normal * 3 / 2);

            player.play(origin.goodPlaylist().toString());
            await().atMost(START_TIMEOUT).until(() -> player.status().timeMillis() > 1000
                    && player.status().timeMillis() < 4000);
            assertThat(player.rate()).isEqualTo(1.0);
            long next = mediaMillisIn(player, 2500);
            System.out.printf("media time in 2.5 s on the next media: %d ms%n", next);
            assertThat(next).as("the next media at 1x").isBetween(1800L, 3200L);
            assertThatThrownBy(() -> player.setRate(4.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> player.setRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static long mediaMillisIn(PlayerBridge player, long wallMillis) throws InterruptedException {
        long before = player.status().timeMillis();
        Thread.sleep(wallMillis);
        return player.status().timeMillis() - before;
    }

    private static void assertVolumeAndMuteRoundTrip(PlayerBridge player) {
        player.setVolume(40);
        await().atMost(Duration.ofSeconds(5)).until(() -> player.status().volume() == 40);
        player.setMuted(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> player.status().muted());
        player.setMuted(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> !player.status().muted());
        player.setVolume(150);
        await().atMost(Duration.ofSeconds(5)).until(() -> player.status().volume() == 150);
        assertThatThrownBy(() -> player.setVolume(201)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> player.setVolume(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeTwiceIsHarmlessAndAClosedPlayerRefusesToPlay() {
        PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults());
        player.play(origin.goodPlaylist().toString());
        await().atMost(START_TIMEOUT).until(() -> player.status().framesDisplayed() > 0);

        player.close();
        player.close();

        assertThatThrownBy(() -> player.play(origin.goodPlaylist().toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        player.pause();
        player.stop();
        player.setVolume(10);
        assertThat(player.status().state()).isEqualTo(PlayerState.STOPPED);
    }

    @Test
    void closingFromAListenerDoesNotDeadlock() throws InterruptedException {
        PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults());
        CountDownLatch closed = new CountDownLatch(1);
        player.addListener(event -> {
            if (event instanceof PlayerEvent.FirstFrame) {
                player.close();
                closed.countDown();
            }
        });
        player.play(origin.goodPlaylist().toString());

        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> player.play("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fivePlayersInARow() {
        for (int i = 0; i < 5; i++) {
            RecordingListener events = new RecordingListener();
            try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
                player.addListener(events);
                player.play(origin.goodPlaylist().toString());
                await().atMost(START_TIMEOUT).until(() -> player.status().framesDisplayed() > 3);
                assertThat(events.errors()).as("player %d", i).isEmpty();
            }
        }
    }

    @Test
    void aPlayerThatNeverPlayedClosesCleanly() {
        PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults());
        assertThat(player.stats()).isEqualTo(PlayerStats.NONE);
        player.close();
        assertThat(player.status().state()).isEqualTo(PlayerState.IDLE);
    }
}
