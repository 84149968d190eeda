package io.p2pviewer.player;

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
import io.p2pviewer.redaction.Redacted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.co.caprica.vlcj.log.LogLevel;

/**
 * The bridge's view of playback: turns {@link BridgeSignal}s into {@link PlayerEvent}s and a
 * {@link PlayerStatus}, and decides the errors (libVLC's error event, a refused key, an unopenable
 * MRL, a stall, a media that ended before showing anything).
 *
 * <p>Pure logic with no threads and no libVLC: the bridge confines it to its event thread, tests
 * feed it signals directly. Error policy: at most one key error per {@code play()}; a stall is
 * reported once (again only after progress resumed) and not at all if an error already explained
 * it; libVLC's error event after a refused key is not reported twice. libVLC follows its end and
 * error events with a stopped event; that one is dropped so that the state stays ENDED or ERROR.
 */
final class PlaybackTracker {

    private static final int RECENT_ERRORS = 50;

    private final ProgressWatchdog watchdog;
    private final NativeLogInterpreter logInterpreter = new NativeLogInterpreter();
    private final RecentErrors recentErrors = new RecentErrors(RECENT_ERRORS);
    private List<LibVlcLogLine> recentErrorsSnapshot = List.of();

    private PlayerState state = PlayerState.IDLE;
    /** What messages call the media: the label of {@code play()}, never the MRL itself. */
    private String mrl = "";
    private Instant requestedAt;
    private long timeMillis;
    private long maxTimeMillis;
    private long lengthMillis;
    private int volume = 100;
    private boolean muted;
    private int videoWidth;
    private int videoHeight;
    private PlayerStats stats = PlayerStats.NONE;
    private boolean libVlcPlaying;
    private boolean firstFrameSeen;
    private boolean errorReported;
    private boolean keyErrorReported;
    private boolean openFailed;

    PlaybackTracker(Duration noProgressTimeout) {
        this.watchdog = new ProgressWatchdog(noProgressTimeout);
    }

    /** Applies one signal and returns the events to deliver, in order. */
    List<PlayerEvent> handle(BridgeSignal signal) {
        return switch (signal) {
            case Begin begin -> begin(begin);
            case PlayRefused refused -> {
                state = PlayerState.ERROR;
                watchdog.disarm();
                yield List.of(error(ErrorKind.OPEN_FAILED,
                        "libVLC could not create a media for \"" + refused.label() + "\""));
            }
            case Opening o -> {
                state = PlayerState.OPENING;
                yield List.of(new PlayerEvent.Opening());
            }
            case Buffering buffering -> buffering(buffering.percent());
            case Playing p -> {
                libVlcPlaying = true;
                state = PlayerState.PLAYING;
                yield List.of(new PlayerEvent.Playing());
            }
            case Paused p -> {
                state = PlayerState.PAUSED;
                yield List.of(new PlayerEvent.Paused());
            }
            case Stopped s -> stopped();
            case Finished f -> finished();
            case LibVlcError e -> libVlcError();
            case TimeChanged time -> {
                updateTime(time.millis());
                yield List.of();
            }
            case LengthChanged length -> {
                lengthMillis = Math.max(0, length.millis());
                yield List.of();
            }
            case Volume v -> {
                volume = v.percent();
                yield List.of();
            }
            case Muted m -> {
                muted = m.muted();
                yield List.of();
            }
            case FirstFrame frame -> firstFrame(frame.at());
            case VideoSize size -> videoSize(size.width(), size.height());
            case Log log -> log(log.line());
            case Poll poll -> poll(poll);
        };
    }

    /** The status, with 0 frames (the bridge adds the surface's live count). */
    PlayerStatus status() {
        return new PlayerStatus(state, timeMillis, lengthMillis, volume, muted, videoWidth, videoHeight, 0);
    }

    PlayerStats stats() {
        return stats;
    }

    List<LibVlcLogLine> recentErrors() {
        return recentErrorsSnapshot;
    }

    private List<PlayerEvent> begin(Begin begin) {
        state = PlayerState.OPENING;
        mrl = begin.label();
        requestedAt = begin.requestedAt();
        timeMillis = 0;
        maxTimeMillis = 0;
        lengthMillis = 0;
        videoWidth = 0;
        videoHeight = 0;
        stats = PlayerStats.NONE;
        libVlcPlaying = false;
        firstFrameSeen = false;
        errorReported = false;
        keyErrorReported = false;
        openFailed = false;
        logInterpreter.reset();
        watchdog.start(begin.requestedAt());
        return List.of();
    }

    private List<PlayerEvent> buffering(float percent) {
        if (percent < 100f && (state == PlayerState.OPENING || state == PlayerState.PLAYING)) {
            state = PlayerState.BUFFERING;
        } else if (percent >= 100f && state == PlayerState.BUFFERING) {
            state = libVlcPlaying ? PlayerState.PLAYING : PlayerState.OPENING;
        }
        return List.of(new PlayerEvent.Buffering(percent));
    }

    private List<PlayerEvent> stopped() {
        libVlcPlaying = false;
        watchdog.disarm();
        if (state == PlayerState.ENDED || state == PlayerState.ERROR) {
            // libVLC follows its end and error events with a stopped event: keep the outcome.
            return List.of();
        }
        state = PlayerState.STOPPED;
        return List.of(new PlayerEvent.Stopped());
    }

    private List<PlayerEvent> finished() {
        state = PlayerState.ENDED;
        libVlcPlaying = false;
        watchdog.disarm();
        if (!errorReported && !firstFrameSeen && maxTimeMillis <= 0) {
            return List.of(
                    error(ErrorKind.NO_PROGRESS, "Playback of " + mrl + " ended before any picture was shown:"
                            + " libVLC could not read the stream (a wrong decryption key or corrupt segments"
                            + " look like this)" + causes()),
                    new PlayerEvent.Finished());
        }
        return List.of(new PlayerEvent.Finished());
    }

    private List<PlayerEvent> libVlcError() {
        state = PlayerState.ERROR;
        watchdog.disarm();
        if (keyErrorReported) {
            return List.of();
        }
        if (openFailed) {
            return List.of(error(ErrorKind.OPEN_FAILED, "libVLC could not open " + mrl + causes()));
        }
        return List.of(error(ErrorKind.LIBVLC_ERROR, "libVLC reported an error while playing " + mrl + causes()));
    }

    private List<PlayerEvent> firstFrame(Instant at) {
        if (firstFrameSeen) {
            return List.of();
        }
        firstFrameSeen = true;
        Duration sincePlay = requestedAt == null ? Duration.ZERO : Duration.between(requestedAt, at);
        return List.of(new PlayerEvent.FirstFrame(sincePlay.isNegative() ? Duration.ZERO : sincePlay));
    }

    private List<PlayerEvent> videoSize(int width, int height) {
        if (width <= 0 || height <= 0 || (width == videoWidth && height == videoHeight)) {
            return List.of();
        }
        videoWidth = width;
        videoHeight = height;
        return List.of(new PlayerEvent.VideoSizeChanged(width, height));
    }

    private List<PlayerEvent> log(NativeLogLine line) {
        if (line.level() == LogLevel.ERROR) {
            recentErrors.add(line);
            recentErrorsSnapshot = recentErrors.snapshot();
        }
        Optional<NativeLogInterpreter.Finding> finding = logInterpreter.accept(line);
        if (finding.isEmpty()) {
            return List.of();
        }
        return switch (finding.get()) {
            case NativeLogInterpreter.Finding.OpenFailed o -> {
                openFailed = true;
                yield List.of();
            }
            case NativeLogInterpreter.Finding.KeyRefused refused -> keyError(
                    "The key server refused the decryption key (HTTP " + refused.httpStatus() + ") at "
                            + Redacted.url(refused.keyUri())
                            + (refused.httpStatus() == 401 || refused.httpStatus() == 403
                                    ? ": this viewer is not entitled to the stream (token missing, wrong or expired)"
                                    : ""));
            case NativeLogInterpreter.Finding.KeyUnreachable unreachable -> keyError(
                    "The decryption key could not be fetched from " + Redacted.url(unreachable.keyUri())
                            + ": the key server did not answer (connection failed)");
        };
    }

    private List<PlayerEvent> keyError(String message) {
        if (keyErrorReported) {
            return List.of();
        }
        keyErrorReported = true;
        watchdog.suppressCurrentStall();
        return List.of(error(ErrorKind.KEY_REFUSED, message));
    }

    private List<PlayerEvent> poll(Poll poll) {
        if (poll.stats() != null) {
            stats = poll.stats();
        }
        if (poll.timeMillis() >= 0 && (state.expectsProgress() || state == PlayerState.PAUSED)) {
            updateTime(poll.timeMillis());
        }
        Optional<ProgressWatchdog.Stall> stall = watchdog.check(poll.at(), poll.frames(), poll.timeMillis(), state);
        if (stall.isEmpty()) {
            return List.of();
        }
        ProgressWatchdog.Stall s = stall.get();
        return List.of(error(ErrorKind.NO_PROGRESS, "No new video frame and no playback progress for "
                + s.duration().toSeconds() + " s (state " + s.state() + ", " + s.frames() + " frames shown, at "
                + s.timeMillis() + " ms) while playing " + mrl + ": the stream has stalled or cannot be"
                + " decrypted (a wrong AES key looks exactly like this)"));
    }

    private void updateTime(long millis) {
        if (millis >= 0) {
            timeMillis = millis;
            maxTimeMillis = Math.max(maxTimeMillis, millis);
        }
    }

    private PlayerEvent.Error error(ErrorKind kind, String message) {
        errorReported = true;
        return new PlayerEvent.Error(kind, message);
    }

    private String causes() {
        List<String> causes = logInterpreter.causes();
        return causes.isEmpty() ? "" : " (libVLC: " + Redacted.text(String.join("; ", causes)) + ")";
    }
}
