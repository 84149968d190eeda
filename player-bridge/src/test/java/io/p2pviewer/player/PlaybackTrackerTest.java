package io.p2pviewer.player;

import io.p2pviewer.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.player.BridgeSignal.Begin;
import io.p2pviewer.player.BridgeSignal.Buffering;
import io.p2pviewer.player.BridgeSignal.FirstFrame;
import io.p2pviewer.player.BridgeSignal.Finished;
import io.p2pviewer.player.BridgeSignal.LengthChanged;
import io.p2pviewer.player.BridgeSignal.LibVlcError;
import io.p2pviewer.player.BridgeSignal.Log;
import io.p2pviewer.player.BridgeSignal.Muted;
import io.p2pviewer.player.BridgeSignal.Opening;
import io.p2pviewer.player.BridgeSignal.Paused;
import io.p2pviewer.player.BridgeSignal.PlayRefused;
import io.p2pviewer.player.BridgeSignal.Playing;
import io.p2pviewer.player.BridgeSignal.Poll;
import io.p2pviewer.player.BridgeSignal.Stopped;
import io.p2pviewer.player.BridgeSignal.TimeChanged;
import io.p2pviewer.player.BridgeSignal.VideoSize;
import io.p2pviewer.player.BridgeSignal.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.co.caprica.vlcj.log.LogLevel;

class PlaybackTrackerTest {

    private static final String MRL = "http://127.0.0.1:8080/vod/good.m3u8";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final PlaybackTracker tracker = new PlaybackTracker(TIMEOUT);

    @Test
    void aNormalStartProducesTheEventsInOrderAndTheStatus() {
        List<PlayerEvent> events = feed(
                new Begin(MRL, clock.instant()),
                new Opening(), new Buffering(0f), new Playing(), new Buffering(50f), new Buffering(100f));
        clock.elapse(Duration.ofMillis(190));
        events.addAll(feed(new FirstFrame(clock.instant()), new VideoSize(320, 180), new LengthChanged(12_000),
                new TimeChanged(400)));

        assertThat(events).containsExactly(
                new PlayerEvent.Opening(), new PlayerEvent.Buffering(0f), new PlayerEvent.Playing(),
                new PlayerEvent.Buffering(50f), new PlayerEvent.Buffering(100f),
                new PlayerEvent.FirstFrame(Duration.ofMillis(190)), new PlayerEvent.VideoSizeChanged(320, 180));
        assertThat(tracker.status()).isEqualTo(
                new PlayerStatus(PlayerState.PLAYING, 400, 12_000, 100, false, 320, 180, 0));
    }

    @Test
    void bufferingAfterPlayingIsBufferingUntilFull() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing());

        feed(new Buffering(20f));
        assertThat(tracker.status().state()).isEqualTo(PlayerState.BUFFERING);

        feed(new Buffering(100f));
        assertThat(tracker.status().state()).isEqualTo(PlayerState.PLAYING);
    }

    @Test
    void theFirstFrameAndAnUnchangedSizeAreReportedOnce() {
        feed(new Begin(MRL, clock.instant()), new Playing());

        assertThat(feed(new FirstFrame(clock.instant()), new FirstFrame(clock.instant()),
                new VideoSize(320, 180), new VideoSize(320, 180), new VideoSize(0, 0)))
                .containsExactly(new PlayerEvent.FirstFrame(Duration.ZERO), new PlayerEvent.VideoSizeChanged(320, 180));
    }

    @Test
    void aRefusedKeyIsReportedOnceAndExplainsTheRest() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing());

        List<PlayerEvent> events = feed(
                log(LogLevel.DEBUG, "adaptive", "Retrieving AES key http://127.0.0.1:8080/key?token=wrong"),
                log(LogLevel.DEBUG, "http", "outgoing request:\nGET /key?token=wrong HTTP/1.1\nHost: x\n"),
                log(LogLevel.DEBUG, "http", "incoming response:\nHTTP/1.1 403 Forbidden\n"),
                log(LogLevel.ERROR, "adaptive", "Failed to create demuxer (nil) Unknown"),
                new Finished());

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(PlayerEvent.Error.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.KEY_REFUSED);
            assertThat(error.message()).startsWith("The key server refused the decryption key (HTTP 403)")
                    .contains("http://127.0.0.1:8080/key?token=***")
                    .doesNotContain("token=wrong");
        });
        assertThat(events.get(1)).isEqualTo(new PlayerEvent.Finished());
        assertThat(tracker.status().state()).isEqualTo(PlayerState.ENDED);
        assertThat(tracker.recentErrors()).extracting(LibVlcLogLine::message)
                .containsExactly("Failed to create demuxer (nil) Unknown");
    }

    @Test
    void messagesNameTheMediaByItsLabelAndMaskEveryUrlInLibVlcsCauses() {
        String proxy = "http://127.0.0.1:4000/Pr0xySecret/s/abc/master.m3u8";
        feed(new Begin(proxy, "http://cdn.example/live/master.m3u8?token=***", clock.instant()), new Opening(),
                new Playing(), log(LogLevel.ERROR, "http", "cannot read http://cdn.example/seg-1.ts?token=SECRET123"));

        List<PlayerEvent> events = feed(new Finished());

        assertThat(events.get(0)).isInstanceOfSatisfying(PlayerEvent.Error.class, error -> assertThat(error.message())
                .contains("http://cdn.example/live/master.m3u8?token=***", "seg-1.ts?token=***")
                .doesNotContain("Pr0xySecret", "SECRET123"));
    }

    @Test
    void aStallIsReportedOnceAfterTheTimeout() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing());

        List<PlayerEvent> events = pollFor(TIMEOUT.multipliedBy(3), 0, 0);

        assertThat(events).singleElement().isInstanceOfSatisfying(PlayerEvent.Error.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.NO_PROGRESS);
            assertThat(error.message()).contains("5 s", "PLAYING", "0 frames", "wrong AES key");
        });
    }

    @Test
    void aPlayingStreamRaisesNoError() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing(), new FirstFrame(clock.instant()));
        List<PlayerEvent> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            clock.elapse(Duration.ofMillis(250));
            events.addAll(feed(new Poll(clock.instant(), 6L * i, 250L * i, PlayerStats.NONE)));
        }
        events.addAll(feed(new Finished()));

        assertThat(events).containsExactly(new PlayerEvent.Finished());
        assertThat(tracker.status().timeMillis()).isEqualTo(25_000);
    }

    @Test
    void aStallAfterARefusedKeyIsNotReportedAgain() {
        feed(new Begin(MRL, clock.instant()), new Playing(),
                log(LogLevel.DEBUG, "adaptive", "Retrieving AES key http://h/key"),
                log(LogLevel.DEBUG, "http", "outgoing request:\nGET /key HTTP/1.1\n"),
                log(LogLevel.DEBUG, "http", "incoming response:\nHTTP/1.1 403 Forbidden\n"));

        assertThat(pollFor(TIMEOUT.multipliedBy(2), 0, 0)).isEmpty();
    }

    @Test
    void aMediaThatEndsBeforeShowingAnythingIsAnError() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing(),
                log(LogLevel.ERROR, "adaptive", "Failed to create demuxer (nil) Unknown"));

        List<PlayerEvent> events = feed(new Finished());

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(PlayerEvent.Error.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.NO_PROGRESS);
            assertThat(error.message()).contains("ended before any picture", "Failed to create demuxer");
        });
        assertThat(events.get(1)).isEqualTo(new PlayerEvent.Finished());
    }

    @Test
    void anUnopenableMrlIsOpenFailedWithItsCause() {
        feed(new Begin("http://127.0.0.1:1/x.m3u8", clock.instant()), new Opening(), new Buffering(0f),
                log(LogLevel.ERROR, "http", "cannot connect to 127.0.0.1:1"),
                log(LogLevel.ERROR, "main", "VLC is unable to open the MRL 'http://127.0.0.1:1/x.m3u8'."),
                log(LogLevel.ERROR, "main", "Your input can't be opened"));

        List<PlayerEvent> events = feed(new LibVlcError());

        assertThat(events).singleElement().isInstanceOfSatisfying(PlayerEvent.Error.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.OPEN_FAILED);
            assertThat(error.message()).contains("http://127.0.0.1:1/x.m3u8", "cannot connect to 127.0.0.1:1");
        });
        assertThat(tracker.status().state()).isEqualTo(PlayerState.ERROR);
    }

    @Test
    void anotherLibVlcErrorIsLibVlcError() {
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing(),
                log(LogLevel.ERROR, "avcodec", "decoder exploded"));

        assertThat(feed(new LibVlcError())).singleElement().isInstanceOfSatisfying(PlayerEvent.Error.class,
                error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.LIBVLC_ERROR);
                    assertThat(error.message()).contains("decoder exploded");
                });
    }

    @Test
    void aMediaLibVlcCannotCreateIsOpenFailed() {
        feed(new Begin("::bad", clock.instant()));

        assertThat(feed(new PlayRefused("::bad"))).singleElement()
                .isInstanceOfSatisfying(PlayerEvent.Error.class,
                        error -> assertThat(error.kind()).isEqualTo(ErrorKind.OPEN_FAILED));
    }

    @Test
    void aNewPlayStartsFresh() {
        feed(new Begin(MRL, clock.instant()), new Playing(), new FirstFrame(clock.instant()),
                new VideoSize(320, 180), new TimeChanged(3000),
                log(LogLevel.DEBUG, "adaptive", "Retrieving AES key http://h/key"),
                log(LogLevel.DEBUG, "http", "outgoing request:\nGET /key HTTP/1.1\n"),
                log(LogLevel.DEBUG, "http", "incoming response:\nHTTP/1.1 403 Forbidden\n"),
                new Stopped());

        clock.elapse(Duration.ofSeconds(1));
        feed(new Begin(MRL, clock.instant()), new Opening(), new Playing());
        clock.elapse(Duration.ofMillis(300));

        assertThat(tracker.status()).isEqualTo(new PlayerStatus(PlayerState.PLAYING, 0, 0, 100, false, 0, 0, 0));
        assertThat(feed(new FirstFrame(clock.instant()), new VideoSize(320, 180)))
                .containsExactly(new PlayerEvent.FirstFrame(Duration.ofMillis(300)),
                        new PlayerEvent.VideoSizeChanged(320, 180));
        assertThat(pollFor(TIMEOUT.multipliedBy(2), 1, 0)).singleElement()
                .isInstanceOfSatisfying(PlayerEvent.Error.class,
                        error -> assertThat(error.kind()).isEqualTo(ErrorKind.NO_PROGRESS));
    }

    @Test
    void pollsUpdateStatsAndTime() {
        PlayerStats stats = new PlayerStats(10, 9, 1, 20, 19, 0, 0f, 0.026f, 167, 106_355, 0, 0);
        feed(new Begin(MRL, clock.instant()), new Playing());

        feed(new Poll(clock.instant(), 3, 120, stats));
        assertThat(tracker.stats()).isEqualTo(stats);
        assertThat(tracker.status().timeMillis()).isEqualTo(120);

        feed(new Poll(clock.instant(), 3, -1, null));
        assertThat(tracker.stats()).isEqualTo(stats);
        assertThat(tracker.status().timeMillis()).isEqualTo(120);
    }

    @Test
    void volumeAndMuteFollowTheLatestRequestOrReport() {
        assertThat(feed(new Volume(40), new Muted(true))).isEmpty();
        assertThat(tracker.status().volume()).isEqualTo(40);
        assertThat(tracker.status().muted()).isTrue();

        feed(new Begin(MRL, clock.instant()), new Volume(150), new Muted(false));
        assertThat(tracker.status().volume()).isEqualTo(150);
        assertThat(tracker.status().muted()).isFalse();
    }

    @Test
    void theStoppedEventLibVlcSendsAfterTheEndKeepsTheOutcome() {
        feed(new Begin(MRL, clock.instant()), new Playing(), new FirstFrame(clock.instant()), new TimeChanged(11_900));

        assertThat(feed(new Finished(), new Stopped())).containsExactly(new PlayerEvent.Finished());
        assertThat(tracker.status().state()).isEqualTo(PlayerState.ENDED);

        feed(new Begin(MRL, clock.instant()), new Opening(), log(LogLevel.ERROR, "main", "VLC is unable to open the MRL"));
        assertThat(feed(new LibVlcError(), new Stopped())).hasSize(1);
        assertThat(tracker.status().state()).isEqualTo(PlayerState.ERROR);
    }

    @Test
    void pauseAndStopAreStates() {
        feed(new Begin(MRL, clock.instant()), new Playing());

        assertThat(feed(new Paused())).containsExactly(new PlayerEvent.Paused());
        assertThat(tracker.status().state()).isEqualTo(PlayerState.PAUSED);
        assertThat(pollFor(TIMEOUT.multipliedBy(2), 0, 0)).isEmpty();

        assertThat(feed(new Stopped())).containsExactly(new PlayerEvent.Stopped());
        assertThat(tracker.status().state()).isEqualTo(PlayerState.STOPPED);
    }

    private List<PlayerEvent> pollFor(Duration duration, long frames, long timeMillis) {
        List<PlayerEvent> events = new ArrayList<>();
        for (long ms = 0; ms < duration.toMillis(); ms += 250) {
            clock.elapse(Duration.ofMillis(250));
            events.addAll(feed(new Poll(clock.instant(), frames, timeMillis, PlayerStats.NONE)));
        }
        return events;
    }

    private List<PlayerEvent> feed(BridgeSignal... signals) {
        List<PlayerEvent> events = new ArrayList<>();
        for (BridgeSignal signal : signals) {
            events.addAll(tracker.handle(signal));
        }
        return events;
    }

    private Log log(LogLevel level, String module, String message) {
        return new Log(new NativeLogLine(clock.instant(), level, module, message));
    }
}
