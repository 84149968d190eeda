package io.p2pviewer.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A scheduler in virtual time for tests: tasks run on the calling thread, one at a time, only when the
 * test calls {@link #runUntilIdle()} or {@link #advance(Duration)}.
 */
public final class FakeTaskScheduler implements TaskScheduler {
    private record Entry(Instant due, long order, Runnable task, boolean[] cancelled) { }

    private final FakeClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private long order;

    public FakeTaskScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeTaskScheduler(Instant start) {
        this.clock = new FakeClock(start);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Entry(clock.instant().plus(delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public boolean inEngineThread() {
        return true;
    }

    /** Runs every task due now, including tasks they queue for now. */
    public void runUntilIdle() {
        advance(Duration.ZERO);
    }

    /** Moves time forward, running each task at its due time in order. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (!queue.isEmpty() && !queue.peek().due.isAfter(end)) {
            Entry e = queue.poll();
            if (e.due.isAfter(clock.instant())) {
                clock.set(e.due);
            }
            if (!e.cancelled[0]) {
                e.task.run();
            }
        }
        clock.set(end);
    }

    public int pendingTasks() {
        return (int) queue.stream().filter(e -> !e.cancelled[0]).count();
    }

    /** A clock the fake scheduler moves. */
    public static final class FakeClock extends Clock {
        private volatile Instant now;

        FakeClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
