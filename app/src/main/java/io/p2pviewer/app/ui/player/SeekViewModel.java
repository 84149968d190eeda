package io.p2pviewer.app.ui.player;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state behind the seek bar: position and duration of on-demand media, a LIVE badge and "Go live" for live
 * streams, and the seek commands (click or drag to a fraction, arrow keys ±10 s, Shift ±60 s). On-demand media
 * seek within their duration; a live stream seeks back within its playlist's window when libVLC can seek in it,
 * and "Go live" returns to the live edge. FX thread only; {@link #update} is fed by the app's sampler.
 */
public final class SeekViewModel {
    /** Arrow keys step this far. */
    public static final long STEP_MILLIS = 10_000;
    /** Shift + arrow keys step this far. */
    public static final long BIG_STEP_MILLIS = 60_000;

    private final PlayerChoices choices;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper durationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper onDemand = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper behindLive = new ReadOnlyBooleanWrapper(false);
    private long timeMillis;
    private long lengthMillis;
    private boolean seekable;
    private boolean dragging;

    public SeekViewModel(PlayerChoices choices) {
        this.choices = choices;
    }

    /**
     * The player's latest progress: whether the stream is live (the engine knows: no {@code EXT-X-ENDLIST}; libVLC
     * gives a live stream the length of its playlist's window), media time, length and whether it can seek;
     * {@code playing} is false when nothing plays (the bar empties).
     */
    public void update(boolean playing, boolean liveStream, long time, long length, boolean canSeek) {
        timeMillis = Math.max(0, time);
        lengthMillis = liveStream ? 0 : Math.max(0, length);
        seekable = canSeek;
        onDemand.set(playing && !liveStream && lengthMillis > 0);
        live.set(playing && liveStream);
        if (!live.get()) {
            behindLive.set(false);
        }
        if (!dragging) {
            fraction.set(lengthMillis > 0 ? Math.min(1.0, (double) timeMillis / lengthMillis) : 0);
        }
        positionText.set(playing && lengthMillis > 0 ? clock(timeMillis) : "");
        durationText.set(playing && lengthMillis > 0 ? clock(lengthMillis) : "");
    }

    /** The seek bar is pressed (true) or released (false): while pressed, progress does not move the thumb. */
    public void setDragging(boolean pressed) {
        dragging = pressed;
    }

    /** Click or drag end: seeks on-demand media to this fraction of its duration (0..1). */
    public void seekToFraction(double f) {
        if (!onDemand.get() || !seekable) {
            return;
        }
        double clamped = Math.max(0, Math.min(1, f));
        long target = Math.round(clamped * lengthMillis);
        fraction.set(clamped);
        timeMillis = target;
        positionText.set(clock(target));
        choices.seek(target);
    }

    /**
     * Arrow keys: forward (positive) or back by {@code deltaMillis}. On-demand: within [0, duration]. Live: back
     * within the window when libVLC can seek in it (the stream is then behind live); forward only while behind.
     *
     * @return whether the step was taken (a key the seek bar used)
     */
    public boolean seekBy(long deltaMillis) {
        if (!seekable || !(onDemand.get() || live.get())) {
            return false;
        }
        long target = timeMillis + deltaMillis;
        if (onDemand.get()) {
            target = Math.max(0, Math.min(lengthMillis, target));
            fraction.set((double) target / lengthMillis);
            positionText.set(clock(target));
        } else if (deltaMillis < 0) {
            behindLive.set(true);
        } else if (!behindLive.get()) {
            return false;
        }
        timeMillis = Math.max(0, target);
        choices.seek(timeMillis);
        return true;
    }

    /** "Go live": back to the live edge. */
    public void goLive() {
        behindLive.set(false);
        choices.goLive();
    }

    /** Position as a fraction of the duration (0 for live), for the slider. */
    public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }
    /** "m:ss" or "h:mm:ss" for on-demand media, empty otherwise. */
    public ReadOnlyStringProperty positionTextProperty() { return positionText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty durationTextProperty() { return durationText.getReadOnlyProperty(); }
    /** On-demand media with a known duration plays: the seek bar shows. */
    public ReadOnlyBooleanProperty onDemandProperty() { return onDemand.getReadOnlyProperty(); }
    /** A live stream plays: the LIVE badge shows. */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    /** The live stream was sought back: "Go live" shows. */
    public ReadOnlyBooleanProperty behindLiveProperty() { return behindLive.getReadOnlyProperty(); }

    /** A media time as "m:ss", or "h:mm:ss" from an hour on. */
    static String clock(long millis) {
        long total = Math.max(0, millis) / 1000;
        long h = total / 3600;
        long m = total / 60 % 60;
        long sec = total % 60;
        return h > 0 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(java.util.Locale.ROOT, "%d:%02d", m, sec);
    }
}
