package io.p2pviewer.player;

import java.util.Objects;

/**
 * A snapshot of a player's state.
 *
 * @param state           playback state, from libVLC's events
 * @param timeMillis      playback time in milliseconds (0 before playback starts)
 * @param lengthMillis    media length in milliseconds (0 when unknown, e.g. live)
 * @param volume          audio volume in percent, 0 to 200: the last one requested, or reported by libVLC's audio
 *                        output when it has a volume (the default headless output {@code adummy} has none)
 * @param muted           whether audio is muted (same source as {@code volume})
 * @param videoWidth      true picture width (not libVLC's padded buffer width), 0 until the first frame
 * @param videoHeight     true picture height, 0 until the first frame
 * @param framesDisplayed distinct pictures the bridge's video surface received since the last {@code play()}
 *                        (libVLC 3 redisplays its last picture every 80 ms while paused or stalled; those
 *                        repeats are not counted)
 */
public record PlayerStatus(
        PlayerState state,
        long timeMillis,
        long lengthMillis,
        int volume,
        boolean muted,
        int videoWidth,
        int videoHeight,
        long framesDisplayed) {

    public PlayerStatus {
        Objects.requireNonNull(state, "state");
    }

    /** This status with another frame count. */
    public PlayerStatus withFramesDisplayed(long frames) {
        return new PlayerStatus(state, timeMillis, lengthMillis, volume, muted, videoWidth, videoHeight, frames);
    }
}
