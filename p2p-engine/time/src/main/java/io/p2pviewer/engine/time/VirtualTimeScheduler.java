package io.p2pviewer.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A {@link TaskScheduler} in virtual time, for tests and the swarm simulator: tasks run on the calling thread, one at
 * a time, in due-time order (ties in submission order), only when the owner calls {@link #advance} or
 * {@link #runUntil}. Time jumps from one due task to the next, so idle stretches cost nothing.
 *
 * <p>Not thread-safe: every call comes from the one thread that drives the simulation, which is also the "engine
 * thread" ({@link #inEngineThread()} is always true).
 */
public class VirtualTimeScheduler implements TaskScheduler {
    /** One scheduled task; also its own cancellation handle. Runs only from {@link #runUntilNanos}. */
    private static final class Entry implements Cancellable, Runnable {
        final long due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void run() {
            task.run();
        }
    }

    private final Instant start;
    private final VirtualClock clock;
    private final TaskHeap queue = new TaskHeap();
    /**
     * Tasks due now, submitted now, in submission order. Most tasks (message deliveries, posts to the engine
     * thread) are due at once; a queue spares them the priority queue. Every task in {@link #queue} due now was
     * submitted before them, so it runs first, which keeps the order of the single queue this replaces. Holds the
     * task itself when nothing can cancel it ({@link #execute}), else its {@link Entry}.
     */
    private final ArrayDeque<Runnable> now = new ArrayDeque<>();
    private long nowNanos;
    private Instant nowInstant;
    private long nowInstantNanos = -1;
    private long order;
    private long executed;

    /** Starts at 2026-01-01T00:00:00Z. */
    public VirtualTimeScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public VirtualTimeScheduler(Instant start) {
        this.start = start;
        this.clock = new VirtualClock(this);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        if (nowInstantNanos != nowNanos) { // engines read the clock many times per task: one Instant per time step
            nowInstant = start.plusNanos(nowNanos);
            nowInstantNanos = nowNanos;
        }
        return nowInstant;
    }

    /** Virtual nanoseconds since the start. */
    public long nanos() {
        return nowNanos;
    }

    @Override
    public void execute(Runnable task) {
        now.add(task); // no entry: nothing can cancel it, and its place in the queue is its order
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return scheduleNanos(delay.toNanos(), task);
    }

    /** As {@link #schedule}, with the delay in nanoseconds (negative counts as zero). */
    public Cancellable scheduleNanos(long delayNanos, Runnable task) {
        Entry e = new Entry(nowNanos + Math.max(0, delayNanos), order++, task);
        if (delayNanos <= 0) {
            now.add(e);
        } else {
            queue.add(e);
        }
        return e;
    }

    /**
     * Schedules a task at an absolute virtual time (nanoseconds since the start), not before now. The swarm
     * simulator hands tasks between schedulers this way (one scheduler per partition of the viewers).
     */
    public Cancellable scheduleAt(long dueNanos, Runnable task) {
        return scheduleNanos(dueNanos - nowNanos, task);
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
        runUntilNanos(nowNanos + duration.toNanos());
    }

    /** Runs tasks due up to {@code end} (virtual nanoseconds since the start), then sets the time to it. */
    public void runUntilNanos(long end) {
        while (true) {
            Runnable task;
            if (!queue.isEmpty() && queue.peek().due <= nowNanos) {
                task = queue.poll(); // due now and submitted before everything in the queue of now
            } else if (!now.isEmpty()) {
                task = now.poll();
            } else if (!queue.isEmpty() && queue.peek().due <= end) {
                Entry e = queue.poll();
                nowNanos = e.due;
                task = e;
            } else {
                break;
            }
            if (!cancelled(task)) {
                executed++;
                task.run();
            }
        }
        nowNanos = Math.max(nowNanos, end);
    }

    /** Tasks queued and not cancelled. */
    public int pendingTasks() {
        return queue.live() + (int) now.stream().filter(t -> !cancelled(t)).count();
    }

    /** Whether a queued task was cancelled: only tasks queued with their entry can be. */
    private static boolean cancelled(Runnable queued) {
        return queued instanceof Entry e && e.cancelled;
    }

    /** Tasks run so far (a cost measure for the simulator). */
    public long executedTasks() {
        return executed;
    }

    /**
     * A 4-ary min-heap of entries by (due, order). The keys sit in arrays of their own, so sifting reads
     * contiguous memory instead of one scattered entry per comparison (a simulation keeps tens of thousands of
     * tasks queued; a {@code PriorityQueue} with a comparator spent most of its time waiting for memory); four
     * children a node halve the levels an insert or a removal walks, and a node's children sit side by side.
     * (due, order) is a total order, so the tasks come out in the same order as from any other heap.
     */
    static final class TaskHeap {
        private long[] dues = new long[1024];
        private long[] orders = new long[1024];
        private Entry[] entries = new Entry[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        /** The entry that comes first; the heap must not be empty. */
        Entry peek() {
            return entries[0];
        }

        void add(Entry e) {
            if (size == entries.length) {
                dues = Arrays.copyOf(dues, size * 2);
                orders = Arrays.copyOf(orders, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 2;
                if (!before(e.due, e.order, dues[parent], orders[parent])) {
                    break;
                }
                set(i, dues[parent], orders[parent], entries[parent]);
                i = parent;
            }
            set(i, e.due, e.order, e);
        }

        Entry poll() {
            Entry first = entries[0];
            int last = --size;
            long due = dues[last];
            long order = orders[last];
            Entry moved = entries[last];
            entries[last] = null;
            if (last > 0) {
                int i = 0;
                while (true) {
                    int child = 4 * i + 1;
                    if (child >= last) {
                        break;
                    }
                    for (int c = child + 1, end = Math.min(last, child + 4); c < end; c++) {
                        if (before(dues[c], orders[c], dues[child], orders[child])) {
                            child = c;
                        }
                    }
                    if (!before(dues[child], orders[child], due, order)) {
                        break;
                    }
                    set(i, dues[child], orders[child], entries[child]);
                    i = child;
                }
                set(i, due, order, moved);
            }
            return first;
        }

        /** Entries not cancelled. */
        int live() {
            int n = 0;
            for (int i = 0; i < size; i++) {
                n += entries[i].cancelled ? 0 : 1;
            }
            return n;
        }

        private void set(int i, long due, long order, Entry e) {
            dues[i] = due;
            orders[i] = order;
            entries[i] = e;
        }

        private static boolean before(long due, long order, long otherDue, long otherOrder) {
            return due < otherDue || (due == otherDue && order < otherOrder);
        }
    }

    /** The clock of a virtual-time scheduler: reads its current virtual time. */
    public static final class VirtualClock extends Clock {
        private final VirtualTimeScheduler owner;

        VirtualClock(VirtualTimeScheduler owner) {
            this.owner = owner;
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
            return owner.now();
        }

        @Override
        public long millis() {
            return owner.start.toEpochMilli() + owner.nowNanos / 1_000_000;
        }
    }
}
