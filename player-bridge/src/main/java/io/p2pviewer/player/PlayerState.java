package io.p2pviewer.player;

/**
 * The playback state of a {@link PlayerBridge}, as libVLC's events report it.
 *
 * <p>A stall (no frame and no time progress) does not change the state: libVLC keeps reporting
 * {@link #PLAYING}; the bridge reports it with an {@link PlayerEvent.Error} of kind
 * {@link ErrorKind#NO_PROGRESS} instead.
 */
public enum PlayerState {
    /** Nothing was played yet. */
    IDLE,
    /** {@code play()} was accepted and libVLC is opening the media. */
    OPENING,
    /** libVLC is filling its buffers (at start or after a stall). */
    BUFFERING,
    /** libVLC is playing. */
    PLAYING,
    /** Paused by the user. */
    PAUSED,
    /** Stopped by the user (or by {@code close()}). */
    STOPPED,
    /** The media reached its end (a VOD ended, or libVLC gave up reading it). */
    ENDED,
    /** libVLC reported an error (its error event). */
    ERROR;

    /** Whether the player is expected to make progress in this state (the watchdog only watches these). */
    public boolean expectsProgress() {
        return this == OPENING || this == BUFFERING || this == PLAYING;
    }
}
