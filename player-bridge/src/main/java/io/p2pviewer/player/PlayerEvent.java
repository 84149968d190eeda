package io.p2pviewer.player;

import java.time.Duration;
import java.util.Objects;

/**
 * An event a {@link PlayerBridge} reports to its {@link PlayerListener}s.
 *
 * <p>Events are delivered on the bridge's single event thread, in the order libVLC produced them.
 */
public sealed interface PlayerEvent {

    /** libVLC started opening the media. */
    record Opening() implements PlayerEvent {}

    /**
     * libVLC is filling its buffers.
     *
     * @param percent how full the buffer is, 0 to 100
     */
    record Buffering(float percent) implements PlayerEvent {}

    /** libVLC is playing (also after a resume). */
    record Playing() implements PlayerEvent {}

    /** Playback is paused. */
    record Paused() implements PlayerEvent {}

    /** Playback was stopped. */
    record Stopped() implements PlayerEvent {}

    /** The media reached its end. */
    record Finished() implements PlayerEvent {}

    /**
     * The first video frame of the current {@code play()} reached the video surface.
     *
     * @param sincePlay time from the {@code play()} call to that frame, measured with the bridge's clock
     */
    record FirstFrame(Duration sincePlay) implements PlayerEvent {
        public FirstFrame {
            Objects.requireNonNull(sincePlay, "sincePlay");
        }
    }

    /**
     * The true size of the video became known or changed (not libVLC's padded buffer size).
     *
     * @param width  picture width in pixels
     * @param height picture height in pixels
     */
    record VideoSizeChanged(int width, int height) implements PlayerEvent {}

    /**
     * Something went wrong; the player itself is left as it is (the application decides whether
     * to stop, retry or show the message).
     *
     * @param kind    what went wrong
     * @param message a sentence for humans (shown in the UI and logs)
     */
    record Error(ErrorKind kind, String message) implements PlayerEvent {
        public Error {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
