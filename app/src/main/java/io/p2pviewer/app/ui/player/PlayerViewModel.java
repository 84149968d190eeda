package io.p2pviewer.app.ui.player;

import io.p2pviewer.app.ui.UiThread;
import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.http.RequestHeaders;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.VideoAspect;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state behind the player view: the URL being typed, whether something is loading, the error to show, the
 * play state and the audio controls. No JavaFX controls here; FX thread only (updates arrive through
 * {@link UiThread}).
 */
public final class PlayerViewModel {
    /** Percent a volume key or a wheel notch moves the volume. */
    public static final int VOLUME_STEP = 5;
    /** The volume slider's and libVLC's top: 200 % amplifies. */
    public static final int MAX_VOLUME = 200;
    /** The speeds [ and ] step through (VLC's steps near normal). */
    static final double[] SPEEDS = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};
    private final PlaybackControls playback;
    private final UiThread ui;
    private final StringProperty url = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Idle");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty volume = new SimpleIntegerProperty(100);
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(false);
    private final BooleanProperty miniPlayer = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ObjectProperty<VideoAspect> aspect = new SimpleObjectProperty<>(VideoAspect.AUTO);
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private long openGeneration;
    private java.util.function.Predicate<String> listOpener = text -> false;

    public PlayerViewModel(PlaybackControls playback, UiThread ui) {
        this.playback = playback;
        this.ui = ui;
        volume.addListener((o, a, b) -> playback.setVolume(b.intValue()));
        muted.addListener((o, a, b) -> playback.setMuted(b));
    }

    /** Opens what the URL field holds; a bad URL shows a message and changes nothing else. */
    public void open() {
        String text = url.get() == null ? "" : url.get().trim();
        if (!text.isEmpty() && !text.matches("(?i)https?:.*") && listOpener.test(text)) {
            error.set(""); // a channel list file: the sidebar reads it
            return;
        }
        open(RequestHeaders.NONE, true, null, "");
    }

    /**
     * Where the URL bar sends what may be a channel list: a local file at once; an http(s) URL the engine
     * found to be no HLS playlist (a {@code .m3u}/{@code .m3u8} channel list served under an HLS-like name). The
     * window wires the channel sidebar here, which reads it, opens a channel list and plays its first channel, or
     * says what it is. Answers whether it took the text. None by default.
     */
    public void setListOpener(java.util.function.Predicate<String> opener) {
        this.listOpener = java.util.Objects.requireNonNull(opener);
    }

    /**
     * Opens a channel of a channel list: its URL goes to the URL field, and its headers ({@code #EXTVLCOPT},
     * {@code #KODIPROP}) to every request of the stream, the engine's and libVLC's. A bad URL or bad headers show a
     * message and change nothing else.
     */
    public void openChannel(String channelUrl, java.util.Map<String, String> headers) {
        openChannel(null, channelUrl, headers);
    }

    /** As {@link #openChannel(String, java.util.Map)}, {@code name} (a channel's) becoming the {@link #titleProperty}. */
    public void openChannel(String name, String channelUrl, java.util.Map<String, String> headers) {
        openArchive(name, channelUrl, headers, "");
    }

    /**
     * As {@link #openChannel(String, String, java.util.Map)}, for a channel's catch-up archive: its swarms are named
     * apart from the live channel's by {@code swarmQualifier}.
     */
    public void openArchive(String name, String archiveUrl, java.util.Map<String, String> headers,
                            String swarmQualifier) {
        url.set(archiveUrl);
        RequestHeaders h;
        try {
            h = RequestHeaders.of(headers);
        } catch (IllegalArgumentException e) {
            error.set("The channel's headers cannot be sent: " + e.getMessage() + ".");
            return;
        }
        open(h, false, name, swarmQualifier);
    }

    /**
     * @param fromUrlBar typed by the user: a URL the engine finds to be no HLS playlist goes to the list opener
     * @param name       what the stream is called (a channel's name), null for the URL's host
     * @param swarmQualifier names the stream's swarms apart (a catch-up archive's), empty for none
     */
    private void open(RequestHeaders headers, boolean fromUrlBar, String name, String swarmQualifier) {
        String text = url.get() == null ? "" : url.get().trim();
        if (text.isEmpty()) {
            error.set("Enter the URL of an HLS playlist (http:// or https://).");
            return;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            error.set("That is not a URL: " + e.getReason() + ".");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            error.set("Only http:// and https:// HLS URLs can be opened.");
            return;
        }
        long generation = ++openGeneration;
        title.set(name != null && !name.isBlank() ? name.strip() : uri.getHost()); // never the URL: it may hold a token
        speed.set(1.0); // the player starts each media at normal speed
        error.set("");
        busy.set(true);
        state.set("Opening…");
        playback.open(uri, headers, swarmQualifier).whenComplete((ok, failure) -> ui.execute(() -> {
            if (generation != openGeneration) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                busy.set(false);
                if (fromUrlBar && cause instanceof StreamException se
                        && se.kind() == StreamException.Kind.MALFORMED_PLAYLIST && listOpener.test(text)) {
                    state.set("Idle"); // a channel list: the sidebar reads it and plays its first channel
                    return;
                }
                state.set("Error");
                error.set("Cannot open the stream: " + (cause.getMessage() == null ? cause : cause.getMessage()));
            } else {
                state.set("Buffering…");
            }
        }));
    }

    /** A player event, delivered on the UI thread. */
    public void onPlayerEvent(PlayerEvent event) {
        switch (event) {
            case PlayerEvent.FirstFrame f -> {
                busy.set(false);
                error.set("");
            }
            case PlayerEvent.Playing p -> {
                playing.set(true);
                state.set("Playing");
            }
            case PlayerEvent.Paused p -> {
                playing.set(false);
                state.set("Paused");
            }
            case PlayerEvent.Stopped s -> {
                playing.set(false);
                busy.set(false);
                state.set("Stopped");
            }
            case PlayerEvent.Finished f -> {
                playing.set(false);
                busy.set(false);
                state.set("Ended");
            }
            case PlayerEvent.Error e -> {
                busy.set(false);
                state.set("Error");
                error.set(e.message());
            }
            default -> { }
        }
    }

    public void togglePause() {
        playback.togglePause();
    }

    public void stop() {
        openGeneration++;
        busy.set(false);
        playback.stop();
        state.set("Stopped");
        playing.set(false);
    }

    /** T: into or out of the mini player. */
    public void toggleMiniPlayer() {
        if (!miniPlayer.get()) {
            fullScreen.set(false);
        }
        miniPlayer.set(!miniPlayer.get());
    }

    public void toggleFullScreen() {
        miniPlayer.set(false);
        fullScreen.set(!fullScreen.get());
    }

    /**
     * The volume up ({@code steps} > 0) or down by {@link #VOLUME_STEP} percent a step, within 0-{@link #MAX_VOLUME}
     * (the keys and the mouse wheel); turning it up unmutes, as players do. Says the new volume in
     * {@link #feedbackProperty}.
     */
    public void changeVolume(int steps) {
        volume.set(Math.max(0, Math.min(MAX_VOLUME, volume.get() + steps * VOLUME_STEP)));
        if (steps > 0) {
            muted.set(false);
        }
        say(muted.get() ? "Muted" : "Volume " + volume.get() + " %");
    }

    /** Mutes or unmutes (the M key), and says so in {@link #feedbackProperty}. */
    public void toggleMute() {
        muted.set(!muted.get());
        say(muted.get() ? "Muted" : "Volume " + volume.get() + " %");
    }

    /**
     * The next way for the video to fill its area (the A key, as VLC's): Auto, 16:9, 4:3, 16:10, 2.35:1, Stretch,
     * Zoom, then Auto again; says it in {@link #feedbackProperty}.
     */
    public void cycleAspect() {
        aspect.set(aspect.get() == null ? VideoAspect.AUTO : aspect.get().next());
        say("Aspect " + aspect.get().label());
    }

    /**
     * Plays on-demand media a step faster ({@code steps} > 0, the ] key) or slower ([), among {@link #SPEEDS};
     * says the new speed, or that a live stream plays at normal speed.
     */
    public void changeSpeed(int steps) {
        int at = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (Math.abs(SPEEDS[i] - speed.get()) < 1e-9) {
                at = i;
            }
        }
        double next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + steps))];
        if (!playback.setRate(next)) {
            say("Live: normal speed only");
            return;
        }
        speed.set(next);
        say("Speed " + speedLabel(next));
    }

    /** "1.25x", "0.5x", "2x". */
    static String speedLabel(double rate) {
        return (rate == Math.rint(rate) ? Integer.toString((int) rate) : Double.toString(rate)) + "x";
    }

    /** Sets the feedback anew each time, so that a repeated message (at the limit) still shows again. */
    private void say(String text) {
        feedback.set("");
        feedback.set(text);
    }

    public void dismissError() {
        error.set("");
    }

    public StringProperty urlProperty() { return url; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public IntegerProperty volumeProperty() { return volume; }
    public BooleanProperty mutedProperty() { return muted; }
    public BooleanProperty fullScreenProperty() { return fullScreen; }
    /**
     * The mini player (T; Esc or T leaves it): the video alone in a small window that stays on top of the others,
     * as picture-in-picture; fullscreen ends it.
     */
    public BooleanProperty miniPlayerProperty() { return miniPlayer; }
    /** Whether only the video shows (fullscreen or the mini player): the side panels and bars hide. */
    public javafx.beans.binding.BooleanBinding videoOnlyProperty() { return fullScreen.or(miniPlayer); }
    /**
     * What a volume key, mute or the aspect key just did ("Volume 85 %", "Muted", "Aspect Zoom"), for a moment over
     * the video; set anew on each key (empty in between), never by the slider, the mute button or the Aspect menu,
     * which show their state themselves.
     */
    public ReadOnlyStringProperty feedbackProperty() { return feedback.getReadOnlyProperty(); }
    /** The playback speed (1 normal), set by {@link #changeSpeed}; each stream opened starts at 1. */
    public ReadOnlyDoubleProperty speedProperty() { return speed.getReadOnlyProperty(); }
    /** How the video fills its area (the Aspect menu, the A key); remembered in the settings. */
    public ObjectProperty<VideoAspect> aspectProperty() { return aspect; }
    /** What plays, for the window's title: the channel's name, or the host of a URL opened from the bar. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
}
