package io.p2pviewer.engine.stats;

import io.p2pviewer.engine.time.EngineThread;
import java.time.Instant;

/**
 * A token bucket for counting events against a rate: {@code perSecond} tokens a second, at most {@code burst} saved
 * up; each event takes one. Starts full. Time comes from the caller (the engine's clock). Not thread-safe: one
 * thread (the engine thread), or the caller's lock.
 */
@EngineThread
public final class TokenBucket {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant last;

    public TokenBucket(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("bad bucket " + perSecond + "/s, burst " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes a token at {@code now}; false when the bucket is empty (the event exceeds the rate). */
    public boolean take(Instant now) {
        if (last != null && now.isAfter(last)) {
            tokens = Math.min(burst, tokens + nanosBetween(last, now) * perSecond / 1e9);
        }
        last = last == null || now.isAfter(last) ? now : last;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    /**
     * {@code Duration.between(from, to).toNanos()} without the {@code Duration}: every command a peer sends takes a
     * token, and the simulator's thousands of engines spent 2 % of their time in that arithmetic.
     */
    private static long nanosBetween(Instant from, Instant to) {
        return Math.addExact(Math.multiplyExact(to.getEpochSecond() - from.getEpochSecond(), 1_000_000_000L),
                to.getNano() - from.getNano());
    }
}
