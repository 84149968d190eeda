package io.p2pviewer.player;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision logic of the no-progress watchdog: a pure state machine fed with observations.
 *
 * <p>While the player is in a state that {@linkplain PlayerState#expectsProgress() expects progress},
 * a stall is reported when neither the displayed frame count nor the playback time changed for the
 * timeout. A stall is reported once; the watchdog re-arms after the next progress. Time spent in
 * other states (paused, ended, ...) does not count. Not thread-safe: the bridge calls it from its
 * event thread only.
 */
final class ProgressWatchdog {

    /** A stall the watchdog reports: how long nothing moved, and where things stood. */
    record Stall(Duration duration, long frames, long timeMillis, PlayerState state) {}

    private final Duration timeout;
    private boolean armed;
    private boolean reported;
    private Instant lastProgressAt;
    private long lastFrames;
    private long lastTimeMillis;

    ProgressWatchdog(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Starts watching a new playback (a {@code play()} call) at {@code now}, from 0 frames and time 0. */
    void start(Instant now) {
        armed = true;
        reported = false;
        lastProgressAt = now;
        lastFrames = 0;
        lastTimeMillis = 0;
    }

    /** Stops watching until the next {@link #start(Instant)}. */
    void disarm() {
        armed = false;
    }

    /** Marks the current stall as already reported (another error explained it). */
    void suppressCurrentStall() {
        reported = true;
    }

    /**
     * Takes one observation and says whether it completes a stall.
     *
     * @param now        the observation time
     * @param frames     frames displayed since {@code play()}
     * @param timeMillis playback time (negative values count as 0)
     * @param state      the player's state
     * @return the stall, once per stall; empty otherwise
     */
    Optional<Stall> check(Instant now, long frames, long timeMillis, PlayerState state) {
        if (!armed) {
            return Optional.empty();
        }
        long time = Math.max(0, timeMillis);
        if (frames != lastFrames || time != lastTimeMillis) {
            lastFrames = frames;
            lastTimeMillis = time;
            lastProgressAt = now;
            reported = false;
            return Optional.empty();
        }
        if (!state.expectsProgress()) {
            lastProgressAt = now;
            return Optional.empty();
        }
        Duration stalledFor = Duration.between(lastProgressAt, now);
        if (reported || stalledFor.compareTo(timeout) < 0) {
            return Optional.empty();
        }
        reported = true;
        return Optional.of(new Stall(stalledFor, frames, time, state));
    }
}
