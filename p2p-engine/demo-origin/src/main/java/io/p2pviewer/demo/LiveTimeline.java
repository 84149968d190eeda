package io.p2pviewer.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Maps wall-clock time to the demo live stream's window of media sequence numbers.
 *
 * <p>The live edge (the newest segment listed) is {@code floor((now - epoch) / slot)}. The epoch is
 * placed {@code windowSegments - 1} slots before the start instant, so the window is already full
 * when the origin starts: at start it lists sequence numbers {@code 0..windowSegments-1}. If the
 * clock goes back before that, the window stays at its first position.
 *
 * <p>Besides the window, the origin keeps serving {@link #HISTORY_SEGMENTS} older segments for
 * viewers that lag behind.
 *
 * @param epoch          the instant at which segment 0 became the live edge
 * @param windowSegments how many segments a live playlist lists
 * @param slot           how often the live edge advances (the nominal segment duration)
 */
record LiveTimeline(Instant epoch, int windowSegments, Duration slot) {

    /** How many segments older than the window are still served. */
    static final int HISTORY_SEGMENTS = 30;

    LiveTimeline {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(slot, "slot");
        if (windowSegments < 1) {
            throw new IllegalArgumentException("windowSegments must be positive: " + windowSegments);
        }
        if (slot.toMillis() <= 0) {
            throw new IllegalArgumentException("slot must be at least 1 ms: " + slot);
        }
    }

    /** A timeline whose window is full at {@code start}. */
    static LiveTimeline startingAt(Instant start, int windowSegments, Duration slot) {
        return new LiveTimeline(start.minus(slot.multipliedBy(windowSegments - 1L)), windowSegments, slot);
    }

    /** The newest media sequence number listed at {@code now}. */
    long edge(Instant now) {
        long elapsedMillis = Duration.between(epoch, now).toMillis();
        return Math.max(windowSegments - 1L, Math.floorDiv(elapsedMillis, slot.toMillis()));
    }

    /** The media sequence numbers a live playlist lists at {@code now}. */
    SequenceRange window(Instant now) {
        long edge = edge(now);
        return new SequenceRange(edge - windowSegments + 1, edge);
    }

    /** The media sequence numbers served at {@code now}: the window plus up to 30 older ones. */
    SequenceRange servable(Instant now) {
        SequenceRange window = window(now);
        return new SequenceRange(Math.max(0, window.first() - HISTORY_SEGMENTS), window.last());
    }
}
