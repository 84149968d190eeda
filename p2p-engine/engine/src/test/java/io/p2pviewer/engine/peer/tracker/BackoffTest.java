package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void ceilingDoublesFromTheMinimumUpToTheMaximum() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void delayIsJitteredBetweenHalfAndAllOfTheCeiling() {
        RandomGenerator random = new Random(42);
        for (int retry = 0; retry < 12; retry++) {
            Duration ceiling = backoff.ceiling(retry);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(retry, random)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsClientsApart() {
        RandomGenerator random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(4, random)).distinct().count();

        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void rejectsAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
