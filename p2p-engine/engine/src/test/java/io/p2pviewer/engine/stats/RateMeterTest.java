package io.p2pviewer.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateMeterTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void averagesFullSecondsOfTheWindow() {
        RateMeter meter = new RateMeter(3);
        meter.record(t0, 3000);
        meter.record(t0.plusMillis(1500), 3000);
        meter.record(t0.plusMillis(2500), 3000);
        // at 3.2 s the full seconds 0, 1, 2 hold 9000 bytes
        assertThat(meter.ratePerSecond(t0.plusMillis(3200))).isEqualTo(3000.0);
    }

    @Test
    void oldBytesLeaveTheWindow() {
        RateMeter meter = new RateMeter(3);
        meter.record(t0, 9000);
        assertThat(meter.ratePerSecond(t0.plusSeconds(1))).isEqualTo(3000.0);
        assertThat(meter.ratePerSecond(t0.plusSeconds(10))).isZero();
        meter.record(t0.plusSeconds(10), 300);
        assertThat(meter.ratePerSecond(t0.plusSeconds(11))).isEqualTo(100.0);
    }
}
