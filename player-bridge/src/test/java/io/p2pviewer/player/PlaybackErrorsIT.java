package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures with real libVLC: refused key, wrong key, stalled origin, unreachable URL, bad options. */
class PlaybackErrorsIT {

    private static final Duration NO_PROGRESS_TIMEOUT = Duration.ofSeconds(5);
    private static final PlayerOptions OPTIONS = PlayerOptions.builder().noProgressTimeout(NO_PROGRESS_TIMEOUT).build();

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
    void aRefusedKeyIsReportedAndTheSamePlayerThenPlaysTheGoodStream() {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS)) {
            player.addListener(events);
            int refusedBefore = origin.refusedKeyRequests();

            player.play(origin.deniedKeyPlaylist().toString());

            await().atMost(NO_PROGRESS_TIMEOUT.plusSeconds(10)).until(() -> !events.errors().isEmpty());
            assertThat(events.errors().get(0).kind()).isEqualTo(ErrorKind.KEY_REFUSED);
            assertThat(events.errors().get(0).message())
                    .startsWith("The key server refused the decryption key (HTTP 403)")
                    .contains(origin.deniedKeyPlaylist().resolve("/key?token=***").toString())
                    .doesNotContain("token=wrong");
            assertThat(origin.refusedKeyRequests()).isGreaterThan(refusedBefore);
            assertThat(events.ofType(PlayerEvent.FirstFrame.class)).isEmpty();
            assertThat(player.status().framesDisplayed()).isZero();
            assertThat(player.recentLibVlcErrors()).isNotEmpty();

            events.clear();
            player.play(origin.goodPlaylist().toString());

            await().atMost(Duration.ofSeconds(20)).until(() -> player.status().framesDisplayed() > 10);
            assertThat(events.ofType(PlayerEvent.FirstFrame.class)).hasSize(1);
            assertThat(events.errors()).isEmpty();
            assertThat(player.status().state()).isIn(PlayerState.PLAYING, PlayerState.BUFFERING);
        }
    }

    @Test
    void aWrongKeyEndsInNoProgress() {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS)) {
            player.addListener(events);

            player.play(origin.wrongKeyPlaylist().toString());

            await().atMost(NO_PROGRESS_TIMEOUT.plusSeconds(10)).until(() -> !events.errors().isEmpty());
            assertThat(events.errors()).first().satisfies(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.NO_PROGRESS);
                assertThat(error.message()).contains(origin.wrongKeyPlaylist().toString());
            });
            assertThat(player.status().framesDisplayed()).isZero();
        }
    }

    @Test
    void aStalledOriginTripsTheWatchdogOnceAndCloseStaysBounded() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS);
        player.addListener(events);

        player.play(origin.stallingPlaylist().toString());

        await().atMost(NO_PROGRESS_TIMEOUT.plusSeconds(10)).until(() -> !events.errors().isEmpty());
        assertThat(events.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.NO_PROGRESS);
            assertThat(error.message()).contains("No new video frame", "5 s");
        });
        assertThat(player.status().state().expectsProgress()).isTrue();

        Thread.sleep(NO_PROGRESS_TIMEOUT.plusSeconds(1).toMillis());
        assertThat(events.errors()).hasSize(1);
        assertThat(player.status().framesDisplayed()).isZero();

        // libVLC's stop() waits for the stalled segment read: close() gives up waiting after 10 s.
        long start = System.nanoTime();
        player.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        origin.releaseStalls();
    }

    @Test
    void anUnreachableUrlIsAnErrorWithoutAHang() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String mrl = "http://127.0.0.1:" + closedPort + "/live/index.m3u8";
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS)) {
            player.addListener(events);

            player.play(mrl);

            await().atMost(Duration.ofSeconds(15)).until(() -> !events.errors().isEmpty());
            assertThat(events.errors()).first().satisfies(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.OPEN_FAILED);
                assertThat(error.message()).contains(mrl);
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> player.status().state() == PlayerState.ERROR);
        }
    }

    @Test
    void aMissingFileIsOpenFailed() {
        RecordingListener events = new RecordingListener();
        try (PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS)) {
            player.addListener(events);

            player.play("/nonexistent/p2p-viewer/clip.ts");

            await().atMost(Duration.ofSeconds(15)).until(() -> !events.errors().isEmpty());
            assertThat(events.errors().get(0).kind()).isEqualTo(ErrorKind.OPEN_FAILED);
        }
    }

    @Test
    void anUnknownLibVlcOptionIsAClearException() {
        PlayerOptions options = PlayerOptions.builder().addLibVlcArg("--definitely-not-a-vlc-option").build();

        assertThatThrownBy(() -> VlcjPlayerBridge.headless(options))
                .isInstanceOf(LibVlcOptionsException.class)
                .hasMessageContaining("--definitely-not-a-vlc-option")
                .hasMessageContaining("--quiet")
                .satisfies(e -> assertThat(((LibVlcOptionsException) e).options())
                        .contains("--definitely-not-a-vlc-option"));
    }

    @Test
    void aBlankMrlIsRejected() {
        try (PlayerBridge player = VlcjPlayerBridge.headless(OPTIONS)) {
            assertThatThrownBy(() -> player.play(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
