package io.p2pviewer.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Virtual time runs tasks in due-time order, ties in submission order, whichever way they were submitted. */
class VirtualTimeSchedulerTest {
    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTasksByDueTimeThenSubmissionOrder() {
        scheduler.schedule(Duration.ofMillis(20), () -> ran.add("b@20"));
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("a@10"));
        scheduler.schedule(Duration.ofMillis(20), () -> ran.add("c@20"));
        scheduler.execute(() -> ran.add("now"));
        scheduler.advance(Duration.ofMillis(30));
        assertThat(ran).containsExactly("now", "a@10", "b@20", "c@20");
        assertThat(scheduler.nanos()).isEqualTo(30_000_000L);
    }

    @Test
    void manyTasksWithRepeatedDueTimesRunInDueThenSubmissionOrder() {
        java.util.Random random = new java.util.Random(7);
        List<long[]> expected = new ArrayList<>();
        List<long[]> order = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long delay = random.nextInt(500); // many ties
            long[] task = {delay, i};
            expected.add(task);
            Cancellable c = scheduler.scheduleNanos(delay, () -> order.add(task));
            if (i % 7 == 0) {
                c.cancel();
                expected.remove(task);
            }
        }
        assertThat(scheduler.pendingTasks()).isEqualTo(expected.size());
        expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        scheduler.advance(Duration.ofMillis(1));
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void aTaskDueNowThatWasScheduledEarlierRunsBeforeTasksPostedNow() {
        scheduler.schedule(Duration.ofMillis(10), () -> {
            ran.add("first@10");
            scheduler.execute(() -> ran.add("posted by first"));
            scheduler.schedule(Duration.ZERO, () -> ran.add("scheduled with no delay by first"));
        });
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("second@10"));
        scheduler.advance(Duration.ofMillis(10));
        assertThat(ran).containsExactly("first@10", "second@10", "posted by first",
                "scheduled with no delay by first");
    }

    @Test
    void tasksPostedWhileRunningRunBeforeTimeMovesOn() {
        scheduler.execute(() -> {
            ran.add("a");
            scheduler.execute(() -> ran.add("b"));
            scheduler.schedule(Duration.ofNanos(1), () -> ran.add("later"));
        });
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("a", "b");
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
        scheduler.advance(Duration.ofNanos(1));
        assertThat(ran).containsExactly("a", "b", "later");
    }

    @Test
    void cancelledTasksDoNotRunNorCount() {
        Cancellable now = scheduler.schedule(Duration.ZERO, () -> ran.add("now"));
        Cancellable later = scheduler.schedule(Duration.ofMillis(5), () -> ran.add("later"));
        scheduler.execute(() -> ran.add("kept"));
        now.cancel();
        later.cancel();
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(10));
        assertThat(ran).containsExactly("kept");
        assertThat(scheduler.executedTasks()).isEqualTo(1);
    }
}
