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
import java.awt.Dimension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.log.LogLevel;
import uk.co.caprica.vlcj.log.NativeLog;
import uk.co.caprica.vlcj.media.InfoApi;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.base.TrackDescription;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * The {@link PlayerBridge} over vlcj and libVLC 3: one libVLC instance, one media player and one
 * callback video surface per bridge.
 *
 * <p>Threads (daemons, named {@code player-bridge-N-...}):
 * <ul>
 *   <li>the <b>control</b> thread makes every libVLC call: commands in call order, a poll every
 *       250 ms (time and statistics, the no-progress watchdog's input), reading the true video
 *       size, and the release. libVLC is never called from its own threads (calling back into libVLC
 *       from its event thread deadlocks) and never after release.</li>
 *   <li>the <b>event</b> thread owns the playback state and calls the listeners.</li>
 *   <li>libVLC's threads (events, log, video output) only copy what they observed and queue it to
 *       the event thread; they never block on the bridge.</li>
 * </ul>
 *
 * <p>libVLC's log is read at debug level, filtered on libVLC's thread (key fetches, HTTP request and
 * response lines, errors): that is how a key server's HTTP 403 becomes an {@link ErrorKind#KEY_REFUSED}
 * error, since libVLC itself only ends playback.
 */
public final class VlcjPlayerBridge implements PlayerBridge {

    private static final Logger log = LoggerFactory.getLogger(VlcjPlayerBridge.class);
    private static final long POLL_MILLIS = 250;
    /** The track lists are read every this many polls (about once a second). */
    private static final int TRACK_POLL_EVERY = 4;
    private static final long RELEASE_TIMEOUT_SECONDS = 10;
    private static final long EVENTS_DRAIN_SECONDS = 2;
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private final int id;
    private final Clock clock;
    private final CountingVideoSurface surface;
    private final PlaybackTracker tracker;
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MediaPlayerFactory factory;
    private final String libVlcVersion;
    private final NativeLog nativeLog;
    private final EmbeddedMediaPlayer player;
    private final PlayerEvents playerEvents = new PlayerEvents();
    private final ExecutorService events;
    private final ScheduledExecutorService control;
    private final ScheduledFuture<?> poller;
    private volatile Thread eventThread;
    private volatile PlayerStatus status;
    private volatile PlayerStats stats = PlayerStats.NONE;
    private volatile List<LibVlcLogLine> recentErrors = List.of();
    private volatile MediaTracks tracks = MediaTracks.NONE;
    /** The rate libVLC reported at the last poll. */
    private volatile double reportedRate = 1;
    /** Control thread: a rate other than 1 was set, so the next media must start at 1 again. */
    private boolean rateChanged;

    // Confined to the control thread.
    private boolean released;
    private int desiredVolume = -1;
    private Boolean desiredMute;
    private final MediaStatistics statistics = new MediaStatistics();
    private long polls;

    /**
     * Creates a player without any display: frames are decoded into a buffer and counted.
     *
     * @throws LibVlcNotFoundException if libVLC is not installed
     * @throws LibVlcOptionsException  if libVLC rejects the options
     */
    public static PlayerBridge headless(PlayerOptions options) {
        return new VlcjPlayerBridge(options, new HeadlessVideoSurface());
    }

    /**
     * Creates a player whose video shows in a JavaFX node. JavaFX must be running
     * ({@code Application.launch} or {@code Platform.startup}); may be called from any thread.
     *
     * @throws IllegalStateException   if JavaFX is not running
     * @throws LibVlcNotFoundException if libVLC is not installed
     * @throws LibVlcOptionsException  if libVLC rejects the options
     */
    public static FxPlayer forJavaFx(PlayerOptions options) {
        try {
            Platform.runLater(() -> { });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("JavaFX is not running: call Application.launch or Platform.startup"
                    + " before VlcjPlayerBridge.forJavaFx", e);
        }
        FxVideoView view = new FxVideoView();
        return new FxPlayer(new VlcjPlayerBridge(options, new FxVideoSurface(view)), view);
    }

    private VlcjPlayerBridge(PlayerOptions options, CountingVideoSurface surface) {
        Objects.requireNonNull(options, "options");
        this.id = NEXT_ID.getAndIncrement();
        this.clock = options.clock();
        this.surface = surface;
        this.tracker = new PlaybackTracker(options.noProgressTimeout());
        this.status = tracker.status();
        this.factory = LibVlcFactories.create(options.libVlcArgs());
        this.libVlcVersion = factory.application().version();
        NativeLog createdLog = null;
        EmbeddedMediaPlayer createdPlayer = null;
        try {
            createdLog = factory.application().newLog();
            createdPlayer = factory.mediaPlayers().newEmbeddedMediaPlayer();
            createdPlayer.videoSurface().set(factory.videoSurfaces().newVideoSurface(surface, surface, false));
        } catch (RuntimeException | Error e) {
            releaseQuietly(createdPlayer, createdLog, factory);
            throw e;
        }
        this.nativeLog = createdLog;
        this.player = createdPlayer;
        this.events = Executors.newSingleThreadExecutor(threads("events", true));
        this.control = Executors.newSingleThreadScheduledExecutor(threads("control", false));
        surface.bind(new SurfaceEvents(), clock);
        player.events().addMediaPlayerEventListener(playerEvents);
        if (nativeLog != null) {
            nativeLog.setLevel(LogLevel.DEBUG);
            nativeLog.addLogListener(this::onNativeLog);
        }
        this.poller = control.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        log.debug("Player {} created with libVLC {} and options {}", id, libVlcVersion,
                options.libVlcArgs());
    }

    @Override
    public void play(String mrl, String label, List<String> mediaOptions) {
        Objects.requireNonNull(mrl, "mrl");
        Objects.requireNonNull(label, "label");
        String[] options = mediaOptions.toArray(String[]::new);
        if (mrl.isBlank()) {
            throw new IllegalArgumentException("mrl must not be blank");
        }
        for (String option : options) {
            if (option == null || !option.startsWith(":")) {
                throw new IllegalArgumentException("a media option starts with ':' (e.g. :http-user-agent=...)");
            }
        }
        if (closed.get()) {
            throw new IllegalStateException("Player " + id + " is closed");
        }
        Instant requestedAt = clock.instant();
        command("play", () -> {
            player.controls().stop();
            surface.beginPlayback();
            post(new Begin(mrl, label, requestedAt));
            tracks = MediaTracks.NONE;
            if (rateChanged) { // libVLC keeps the player's rate for the next media: each starts at normal speed
                player.controls().setRate(1f);
                rateChanged = false;
            }
            if (!player.media().play(mrl, options)) {
                post(new PlayRefused(label));
            }
        });
    }

    @Override
    public void seek(long timeMillis) {
        long target = Math.max(0, timeMillis);
        command("seek", () -> {
            if (player.status().isSeekable()) {
                player.controls().setTime(target);
            } else {
                log.debug("Player {}: seek ignored, the media cannot seek", id);
            }
        });
    }

    @Override
    public MediaTracks tracks() {
        return tracks;
    }

    @Override
    public void selectAudioTrack(int trackId) {
        command("selectAudioTrack", () -> {
            player.audio().setTrack(trackId);
            readTracks();
        });
    }

    @Override
    public void selectSubtitleTrack(int trackId) {
        command("selectSubtitleTrack", () -> {
            player.subpictures().setTrack(trackId);
            readTracks();
        });
    }

    @Override
    public void pause() {
        command("pause", () -> player.controls().setPause(true));
    }

    @Override
    public void resume() {
        command("resume", () -> player.controls().setPause(false));
    }

    @Override
    public void togglePause() {
        command("togglePause", () -> player.controls().pause());
    }

    @Override
    public void stop() {
        command("stop", () -> player.controls().stop());
    }

    @Override
    public void setVolume(int percent) {
        if (percent < 0 || percent > 200) {
            throw new IllegalArgumentException("volume must be 0..200 percent, was " + percent);
        }
        if (!closed.get()) {
            post(new Volume(percent));
        }
        command("setVolume", () -> {
            desiredVolume = percent;
            player.audio().setVolume(percent);
        });
    }

    @Override
    public void setRate(double rate) {
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be " + MIN_RATE + ".." + MAX_RATE + ", was " + rate);
        }
        command("setRate", () -> {
            rateChanged = true;
            player.controls().setRate((float) rate);
        });
    }

    @Override
    public double rate() {
        return reportedRate;
    }

    @Override
    public void setMuted(boolean muted) {
        if (!closed.get()) {
            post(new Muted(muted));
        }
        command("setMuted", () -> {
            desiredMute = muted;
            player.audio().setMute(muted);
        });
    }

    @Override
    public String libVlcVersion() {
        return libVlcVersion;
    }

    @Override
    public PlayerStatus status() {
        return status.withFramesDisplayed(surface.frames());
    }

    @Override
    public PlayerStats stats() {
        return stats;
    }

    @Override
    public List<LibVlcLogLine> recentLibVlcErrors() {
        return recentErrors;
    }

    @Override
    public void addListener(PlayerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(PlayerListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        poller.cancel(false);
        Future<?> release = null;
        try {
            release = control.submit(this::releaseNative);
        } catch (RejectedExecutionException e) {
            log.debug("Player {}: control thread already stopped", id);
        }
        control.shutdown();
        if (release != null) {
            try {
                release.get(RELEASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                log.warn("Player {}: libVLC did not release within {} s; continuing", id, RELEASE_TIMEOUT_SECONDS);
            } catch (ExecutionException e) {
                log.warn("Player {}: releasing libVLC failed", id, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.shutdown();
        if (Thread.currentThread() != eventThread) {
            try {
                if (!events.awaitTermination(EVENTS_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Player {}: a listener is still running after close", id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.debug("Player {} closed", id);
    }

    @Override
    public String toString() {
        return "VlcjPlayerBridge[" + id + (closed.get() ? ", closed]" : "]");
    }

    // ---- control thread ----

    private void command(String name, Runnable action) {
        if (closed.get()) {
            log.debug("Player {}: {} ignored after close", id, name);
            return;
        }
        onControl(name, action);
    }

    private void onControl(String name, Runnable action) {
        try {
            control.execute(() -> {
                if (released) {
                    return;
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("Player {}: {} failed", id, name, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Player {}: {} dropped, player closing", id, name);
        }
    }

    private void poll() {
        if (released) {
            return;
        }
        try {
            long time = player.status().time();
            reportedRate = player.status().rate();
            PlayerStats polledStats = null;
            InfoApi info = player.media().info();
            if (info != null && info.statistics(statistics)) {
                polledStats = PlayerStats.of(statistics);
            }
            post(new Poll(clock.instant(), surface.frames(), time, polledStats));
            if (polls++ % TRACK_POLL_EVERY == 0) {
                readTracks();
            }
        } catch (RuntimeException e) {
            log.warn("Player {}: poll failed", id, e);
        }
    }

    /** Control thread: reads seekability and the track lists (cheap calls; libVLC holds them in memory). */
    private void readTracks() {
        tracks = new MediaTracks(player.status().isSeekable(),
                choices(player.audio().trackDescriptions()), player.audio().track(),
                choices(player.subpictures().trackDescriptions()), player.subpictures().track());
    }

    private static List<TrackChoice> choices(List<TrackDescription> descriptions) {
        return descriptions == null ? List.of()
                : descriptions.stream().map(d -> new TrackChoice(d.id(), d.description() == null
                        ? "Track " + d.id() : d.description())).toList();
    }

    private void applyDesiredAudio() {
        if (desiredVolume >= 0) {
            player.audio().setVolume(desiredVolume);
        }
        if (desiredMute != null) {
            player.audio().setMute(desiredMute);
        }
    }

    private void readVideoSize() {
        Dimension size = player.video().videoDimension();
        if (size == null || size.width <= 0 || size.height <= 0) {
            surface.retryVideoSize();
            return;
        }
        surface.videoSizeKnown(size.width, size.height);
        post(new VideoSize(size.width, size.height));
    }

    private void releaseNative() {
        released = true;
        try {
            player.controls().stop();
        } catch (RuntimeException e) {
            log.warn("Player {}: stop before release failed", id, e);
        }
        player.events().removeMediaPlayerEventListener(playerEvents);
        releaseQuietly(player, nativeLog, factory);
    }

    private static void releaseQuietly(MediaPlayer player, NativeLog nativeLog, MediaPlayerFactory factory) {
        if (player != null) {
            try {
                player.release();
            } catch (RuntimeException e) {
                log.warn("Releasing the libVLC media player failed", e);
            }
        }
        if (nativeLog != null) {
            try {
                nativeLog.release();
            } catch (RuntimeException e) {
                log.warn("Releasing the libVLC log failed", e);
            }
        }
        try {
            factory.release();
        } catch (RuntimeException e) {
            log.warn("Releasing the libVLC instance failed", e);
        }
    }

    // ---- event thread ----

    private void post(BridgeSignal signal) {
        try {
            events.execute(() -> deliver(signal));
        } catch (RejectedExecutionException e) {
            // Closed: nobody listens any more.
        }
    }

    private void deliver(BridgeSignal signal) {
        List<PlayerEvent> out;
        try {
            out = tracker.handle(signal);
        } catch (RuntimeException e) {
            log.warn("Player {}: failed to handle {}", id, signal, e);
            return;
        }
        status = tracker.status();
        stats = tracker.stats();
        recentErrors = tracker.recentErrors();
        for (PlayerEvent event : out) {
            if (event instanceof PlayerEvent.Error error) {
                log.warn("Player {}: {} {}", id, error.kind(), error.message());
            } else {
                log.debug("Player {}: {}", id, event);
            }
            for (PlayerListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("Player {}: listener {} failed on {}", id, listener, event, e);
                }
            }
        }
    }

    // ---- libVLC threads: copy and queue, nothing else ----

    private void onNativeLog(LogLevel level, String module, String file, Integer line, String name,
                             String header, Integer objectId, String message) {
        if (level == null || message == null || !NativeLogInterpreter.isRelevant(level, module, message)) {
            return;
        }
        post(new Log(new NativeLogLine(clock.instant(), level, module, message)));
    }

    private final class PlayerEvents extends MediaPlayerEventAdapter {
        @Override
        public void opening(MediaPlayer mediaPlayer) {
            post(new Opening());
        }

        @Override
        public void buffering(MediaPlayer mediaPlayer, float newCache) {
            post(new Buffering(newCache));
        }

        @Override
        public void playing(MediaPlayer mediaPlayer) {
            post(new Playing());
            onControl("apply audio settings", VlcjPlayerBridge.this::applyDesiredAudio);
        }

        @Override
        public void paused(MediaPlayer mediaPlayer) {
            post(new Paused());
        }

        @Override
        public void stopped(MediaPlayer mediaPlayer) {
            post(new Stopped());
        }

        @Override
        public void finished(MediaPlayer mediaPlayer) {
            post(new Finished());
        }

        @Override
        public void error(MediaPlayer mediaPlayer) {
            post(new LibVlcError());
        }

        @Override
        public void timeChanged(MediaPlayer mediaPlayer, long newTime) {
            post(new TimeChanged(newTime));
        }

        @Override
        public void lengthChanged(MediaPlayer mediaPlayer, long newLength) {
            post(new LengthChanged(newLength));
        }

        @Override
        public void volumeChanged(MediaPlayer mediaPlayer, float volume) {
            post(new Volume(Math.round(volume * 100)));
        }

        @Override
        public void muted(MediaPlayer mediaPlayer, boolean muted) {
            post(new Muted(muted));
        }
    }

    private final class SurfaceEvents implements CountingVideoSurface.Listener {
        @Override
        public void onFirstFrame(Instant at) {
            post(new FirstFrame(at));
        }

        @Override
        public void onNewFormatDisplayed() {
            onControl("read video size", VlcjPlayerBridge.this::readVideoSize);
        }
    }

    private ThreadFactory threads(String role, boolean isEventThread) {
        return runnable -> {
            Thread thread = new Thread(runnable, "player-bridge-" + id + "-" + role);
            thread.setDaemon(true);
            if (isEventThread) {
                eventThread = thread;
            }
            return thread;
        };
    }
}
