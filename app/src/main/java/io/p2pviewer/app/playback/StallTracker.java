package io.p2pviewer.app.playback;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts stalls from periodic samples of the player: after playback has started, a stall is a stretch of at
 * least {@code threshold} in which neither the playback time nor the frame count advanced while the user did
 * not pause. Not thread-safe: one sampler thread.
 */
public final class StallTracker {
    private final Duration threshold;
    private boolean started;
    private boolean stalled;
    private Instant lastProgressAt;
    private long lastTime = -1;
    private long lastFrames = -1;
    private Instant stallStart;
    private int count;
    private Duration total = Duration.ZERO;

    public StallTracker(Duration threshold) {
        this.threshold = threshold;
    }

    /**
     * One sample.
     *
     * @param paused true when the user paused (pauses are not stalls)
     * @param timeMillis the player's playback time
     * @param frames frames displayed so far
     */
    public void sample(Instant now, boolean paused, long timeMillis, long frames) {
        boolean progress = (timeMillis > lastTime && lastTime >= 0) || (frames > lastFrames && lastFrames >= 0);
        boolean firstProgress = !started && (timeMillis > 0 || frames > 0);
        lastTime = timeMillis;
        lastFrames = frames;
        if (firstProgress) {
            started = true;
            lastProgressAt = now;
            return;
        }
        if (!started) {
            return;
        }
        if (paused) {
            endStall(now);
            lastProgressAt = now;
            return;
        }
        if (progress) {
            endStall(now);
            lastProgressAt = now;
        } else if (!stalled && Duration.between(lastProgressAt, now).compareTo(threshold) >= 0) {
            stalled = true;
            stallStart = lastProgressAt;
            count++;
        }
    }

    private void endStall(Instant now) {
        if (stalled) {
            total = total.plus(Duration.between(stallStart, now));
            stalled = false;
        }
    }

    /** Closes a stall in progress at the end of a run. */
    public void finish(Instant now) {
        endStall(now);
    }

    public boolean started() {
        return started;
    }

    public boolean stalled() {
        return stalled;
    }

    public int count() {
        return count;
    }

    /** Total stall time, including a stall still in progress up to {@code now}. */
    public Duration total(Instant now) {
        return stalled ? total.plus(Duration.between(stallStart, now)) : total;
    }
}
