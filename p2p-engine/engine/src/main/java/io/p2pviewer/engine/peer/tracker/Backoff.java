package io.p2pviewer.engine.peer.tracker;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The reconnect schedule: exponential from a minimum to a maximum, with jitter so that many clients cut off
 * by the same tracker restart do not come back in lockstep. Retry n (from 0) waits a random time between half
 * and all of min(max, min * 2^n). Pure function of its inputs.
 */
record Backoff(Duration min, Duration max) {
    Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + ", " + max);
        }
    }

    /** The ceiling of retry {@code retry}, before jitter. */
    Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry, 0), 30);
        long millis = min.toMillis();
        long grown = millis << shift;
        if (grown >>> shift != millis || grown > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(grown);
    }

    /** The delay before retry {@code retry}: uniformly in [ceiling/2, ceiling]. */
    Duration delay(int retry, RandomGenerator random) {
        long ceiling = ceiling(retry).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
