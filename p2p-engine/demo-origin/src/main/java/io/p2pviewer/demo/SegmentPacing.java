package io.p2pviewer.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * How the demo origin slows segment responses down, to stage a slow CDN.
 *
 * @param delay          waited before a segment response starts; {@link Duration#ZERO} for none
 * @param bytesPerSecond the segment body rate per response, 0 for unlimited
 */
record SegmentPacing(Duration delay, long bytesPerSecond) {

    /** No delay, no rate limit. */
    static final SegmentPacing NONE = new SegmentPacing(Duration.ZERO, 0);

    SegmentPacing {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
    }

    SegmentPacing withDelay(Duration newDelay) {
        return new SegmentPacing(newDelay, bytesPerSecond);
    }

    SegmentPacing withBytesPerSecond(long newBytesPerSecond) {
        return new SegmentPacing(delay, newBytesPerSecond);
    }
}
