package io.p2pviewer.engine.stats;

import java.time.Instant;

/**
 * Bytes per second over a sliding window of whole seconds, from counts recorded with their time. Engine thread only.
 */
public final class RateMeter {
    private final long[] buckets;
    private long newestSecond = Long.MIN_VALUE;

    public RateMeter(int windowSeconds) {
        this.buckets = new long[windowSeconds + 1];
    }

    public void record(Instant at, long bytes) {
        long second = at.getEpochSecond();
        advanceTo(second);
        buckets[(int) Math.floorMod(second, (long) buckets.length)] += bytes;
    }

    /** Average rate over the last full seconds of the window, excluding the second still in progress. */
    public double ratePerSecond(Instant now) {
        long second = now.getEpochSecond();
        advanceTo(second);
        long sum = 0;
        for (int i = 1; i < buckets.length; i++) {
            sum += buckets[(int) Math.floorMod(second - i, (long) buckets.length)];
        }
        return (double) sum / (buckets.length - 1);
    }

    private void advanceTo(long second) {
        if (newestSecond == Long.MIN_VALUE) {
            newestSecond = second;
            return;
        }
        if (second <= newestSecond) {
            return;
        }
        long steps = Math.min(second - newestSecond, buckets.length);
        for (long s = 1; s <= steps; s++) {
            buckets[(int) Math.floorMod(newestSecond + s, (long) buckets.length)] = 0;
        }
        newestSecond = second;
    }
}
