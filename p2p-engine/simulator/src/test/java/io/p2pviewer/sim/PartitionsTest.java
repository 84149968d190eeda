package io.p2pviewer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    private static final long LOOKAHEAD = 20_000_000;

    @Test
    void messagesBouncedAcrossPartitionsAtTheLookaheadArriveAtTheirDueTimes() {
        for (int threads = 1; threads <= 2; threads++) {
            try (Partitions three = new Partitions(3, LOOKAHEAD, threads)) {
                List<String> log = Collections.synchronizedList(new ArrayList<>());
                three.scheduler(0).scheduleNanos(1, () -> bounce(three, 0, 1, log));
                three.runUntil(1_000_000_000L);
                // sent at 1 ns, then every 20 ms: 0 -> 1 -> 2 -> 0 ...
                assertThat(log).hasSize(49);
                assertThat(log.get(0)).isEqualTo("1@20000001");
                assertThat(log.get(1)).isEqualTo("2@40000001");
                assertThat(log.get(48)).isEqualTo("1@980000001");
                assertThat(three.nanos()).isEqualTo(1_000_000_000L);
            }
        }
    }

    private static void bounce(Partitions partitions, int from, int to, List<String> log) {
        partitions.postAfter(from, to, LOOKAHEAD, () -> {
            log.add(to + "@" + partitions.scheduler(to).nanos());
            bounce(partitions, to, (to + 1) % 3, log);
        });
    }

    @Test
    void aPartitionRunsAWindowAheadOfOneThatIsStillBusy() throws InterruptedException {
        try (Partitions two = new Partitions(2, LOOKAHEAD, 2)) {
            CountDownLatch ahead = new CountDownLatch(1);
            boolean[] sawIt = new boolean[1];
            // windows are 10 ms: partition 0 holds its first window until partition 1 has run into its second
            two.scheduler(0).scheduleNanos(5_000_000, () -> {
                try {
                    sawIt[0] = ahead.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            two.scheduler(1).scheduleNanos(15_000_000, ahead::countDown);
            two.runUntil(100_000_000);
            assertThat(sawIt[0]).isTrue();
        }
    }

    @Test
    void aPostDueInTheSourcesNextWindowIsRefusedAndOneAtTheLookaheadIsNot() {
        try (Partitions two = new Partitions(2, LOOKAHEAD, 1)) {
            List<Long> arrived = new ArrayList<>();
            two.scheduler(0).scheduleNanos(3_000_000,
                    () -> two.postAfter(0, 1, LOOKAHEAD, () -> arrived.add(two.scheduler(1).nanos())));
            two.runUntil(100_000_000);
            assertThat(arrived).containsExactly(23_000_000L);
        }
        try (Partitions two = new Partitions(2, LOOKAHEAD, 1)) {
            two.scheduler(0).scheduleNanos(3_000_000, () -> two.postAfter(0, 1, LOOKAHEAD - 4_000_000, () -> { }));
            assertThatThrownBy(() -> two.runUntil(100_000_000)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shorter than the lookahead");
        }
    }

    @Test
    void aFailingPartitionStopsTheRunWithItsError() {
        try (Partitions two = new Partitions(2, LOOKAHEAD, 2)) {
            two.scheduler(1).scheduleNanos(30_000_000, () -> {
                throw new IllegalArgumentException("boom");
            });
            assertThatThrownBy(() -> two.runUntil(1_000_000_000L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("boom");
        }
    }
}
