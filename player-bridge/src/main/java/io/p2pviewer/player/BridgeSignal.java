package io.p2pviewer.player;

import io.p2pviewer.redaction.Redacted;

import java.time.Instant;

/**
 * An input to the bridge's {@link PlaybackTracker}: something libVLC, the video surface or the
 * poller observed, copied off its thread and queued to the bridge's event thread.
 */
sealed interface BridgeSignal {

    /**
     * {@code play(mrl, label)} reached libVLC; {@code requestedAt} is when {@code play()} was called; messages name
     * the media by {@code label}, never by the MRL (which may hold a secret).
     */
    record Begin(String mrl, String label, Instant requestedAt) implements BridgeSignal {
        /** A play whose label is the MRL with its query values masked. */
        Begin(String mrl, Instant requestedAt) {
            this(mrl, Redacted.url(mrl), requestedAt);
        }
    }

    /** libVLC refused to even create the media (its play call returned false). */
    record PlayRefused(String label) implements BridgeSignal {}

    record Opening() implements BridgeSignal {}

    record Buffering(float percent) implements BridgeSignal {}

    record Playing() implements BridgeSignal {}

    record Paused() implements BridgeSignal {}

    record Stopped() implements BridgeSignal {}

    record Finished() implements BridgeSignal {}

    /** libVLC's error event. */
    record LibVlcError() implements BridgeSignal {}

    record TimeChanged(long millis) implements BridgeSignal {}

    record LengthChanged(long millis) implements BridgeSignal {}

    /** The volume was requested, or libVLC's audio output reported it (percent, 0 to 200). */
    record Volume(int percent) implements BridgeSignal {}

    /** Muting was requested, or libVLC's audio output reported it. */
    record Muted(boolean muted) implements BridgeSignal {}

    /** The surface received the first frame since {@code play()}. */
    record FirstFrame(Instant at) implements BridgeSignal {}

    /** libVLC's true video size, read after a frame in a new buffer format. */
    record VideoSize(int width, int height) implements BridgeSignal {}

    /** A relevant line of libVLC's log. */
    record Log(NativeLogLine line) implements BridgeSignal {}

    /**
     * One poll of the player (every 250 ms).
     *
     * @param frames     distinct pictures displayed since {@code play()}
     * @param timeMillis libVLC's playback time, -1 without media
     * @param stats      statistics, null if there is no media
     */
    record Poll(Instant at, long frames, long timeMillis, PlayerStats stats) implements BridgeSignal {}
}
