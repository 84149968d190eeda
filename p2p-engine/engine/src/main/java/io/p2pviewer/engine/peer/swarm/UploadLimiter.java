package io.p2pviewer.engine.peer.swarm;

import java.time.Duration;
import java.time.Instant;

/** A token bucket for upload bytes: at most {@code bytesPerSecond} on average, bursts of one second. */
public final class UploadLimiter {
    private final long bytesPerSecond;
    private double tokens;
    private Instant last;

    /** @param bytesPerSecond 0 or less means unlimited */
    public UploadLimiter(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
    }

    /** How many bytes may be sent now (at most {@code wanted}); the caller sends them and calls {@link #spend}. */
    public int allowance(Instant now, int wanted) {
        if (bytesPerSecond <= 0) {
            return wanted;
        }
        if (last != null) {
            tokens = Math.min(bytesPerSecond, tokens + bytesPerSecond * Duration.between(last, now).toNanos() / 1e9);
        }
        last = now;
        return (int) Math.max(0, Math.min(wanted, tokens));
    }

    public void spend(int bytes) {
        if (bytesPerSecond > 0) {
            tokens -= bytes;
        }
    }
}
