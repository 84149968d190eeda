package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StallTrackerTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StallTracker tracker = new StallTracker(Duration.ofSeconds(1));

    private Instant at(long millis) {
        return t0.plusMillis(millis);
    }

    @Test
    void slowStartupIsNotAStall() {
        tracker.sample(at(0), false, 0, 0);
        tracker.sample(at(5000), false, 0, 0);
        assertThat(tracker.started()).isFalse();
        tracker.sample(at(5200), false, 40, 1);
        assertThat(tracker.started()).isTrue();
        assertThat(tracker.count()).isZero();
    }

    @Test
    void steadyProgressHasNoStall() {
        for (int i = 0; i <= 50; i++) {
            tracker.sample(at(i * 200L), false, i * 200L + 1, i * 5L + 1);
        }
        assertThat(tracker.count()).isZero();
        assertThat(tracker.total(at(10_000))).isZero();
    }

    @Test
    void frozenTimeAndFramesCountOneStallWithItsDuration() {
        tracker.sample(at(0), false, 100, 3);
        tracker.sample(at(200), false, 300, 8);
        for (int i = 2; i <= 15; i++) { // frozen from 200 ms to 3000 ms
            tracker.sample(at(i * 200L), false, 300, 8);
        }
        assertThat(tracker.stalled()).isTrue();
        tracker.sample(at(3200), false, 500, 13);
        assertThat(tracker.count()).isEqualTo(1);
        assertThat(tracker.total(at(4000))).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void pauseIsNotAStall() {
        tracker.sample(at(0), false, 100, 3);
        tracker.sample(at(200), false, 300, 8);
        for (int i = 2; i <= 30; i++) {
            tracker.sample(at(i * 200L), true, 300, 8);
        }
        tracker.sample(at(6200), false, 500, 13);
        assertThat(tracker.count()).isZero();
    }

    @Test
    void stallInProgressIsClosedByFinish() {
        tracker.sample(at(0), false, 100, 3);
        tracker.sample(at(200), false, 300, 8);
        tracker.sample(at(2000), false, 300, 8);
        tracker.finish(at(2500));
        assertThat(tracker.count()).isEqualTo(1);
        assertThat(tracker.total(at(9999))).isEqualTo(Duration.ofMillis(2300));
    }
}
