package io.p2pviewer.engine.sim;

import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulation split into partitions that run side by side on the machine's cores, each with its own
 * {@link VirtualTimeScheduler} (its viewers' engines, links, CDN edge and players), in windows of virtual time no
 * longer than the lookahead: the shortest delay with which anything in one partition can affect another (two hosts'
 * latencies, a tracker hop). Conservative synchronisation: nothing posted to another partition during a window can
 * be due within it, so each partition runs its window alone, and what crossed is handed over at the barrier.
 *
 * <p>Deterministic whatever the thread timing: a partition's tasks run in its scheduler's order, and what crossed
 * during a window is scheduled at the barrier in a fixed order (by source partition, then in posting order), so a
 * scenario gives the same run for the same number of partitions on any number of threads.
 *
 * <p>{@link #post} is called on the source partition's thread; everything else on the driving thread.
 */
final class Partitions implements AutoCloseable {
    /** Busy-waits this many times before yielding the core (windows last a millisecond or two of wall time). */
    private static final int SPINS = 20_000;

    private record Posted(long due, Runnable task) {
    }

    private final VirtualTimeScheduler[] schedulers;
    private final long lookahead;
    /** What partition {@code from} posted to partition {@code to} in this window: {@code outbox[from][to]}. */
    private final List<List<List<Posted>>> outbox = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int threads;
    private final AtomicInteger running = new AtomicInteger();
    private volatile long generation;
    private volatile long windowEnd = -1;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private long done = -1;

    /**
     * @param count partitions (at least 1)
     * @param lookahead virtual nanoseconds a window may span: the least delay of any cross-partition post; at least
     *                  1 when there are several partitions
     * @param threads threads to run them on (at most {@code count}); the calling thread is one of them
     */
    Partitions(int count, long lookahead, int threads) {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one partition and one thread, got " + count + " and "
                    + threads);
        }
        if (count > 1 && lookahead < 1) {
            throw new IllegalArgumentException("several partitions need a lookahead of at least 1 ns, got "
                    + lookahead);
        }
        this.schedulers = new VirtualTimeScheduler[count];
        for (int p = 0; p < count; p++) {
            schedulers[p] = new VirtualTimeScheduler();
            List<List<Posted>> row = new ArrayList<>();
            for (int q = 0; q < count; q++) {
                row.add(new ArrayList<>());
            }
            outbox.add(row);
        }
        this.lookahead = count == 1 ? Long.MAX_VALUE / 4 : lookahead;
        this.threads = Math.min(threads, count);
        for (int t = 1; t < this.threads; t++) {
            int index = t;
            Thread w = new Thread(() -> work(index), "sim-partitions-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
    }

    int count() {
        return schedulers.length;
    }

    int threads() {
        return threads;
    }

    VirtualTimeScheduler scheduler(int partition) {
        return schedulers[partition];
    }

    /** Virtual time every partition has reached. */
    long nanos() {
        return schedulers[0].nanos();
    }

    /**
     * Runs {@code task} at virtual time {@code due} in partition {@code to}; called from partition {@code from}'s
     * thread while it runs. Across partitions {@code due} must lie beyond the running window (at least the
     * lookahead ahead).
     */
    void post(int from, int to, long due, Runnable task) {
        if (from == to) {
            schedulers[to].scheduleAt(due, task);
            return;
        }
        if (due <= windowEnd) {
            throw new IllegalStateException("a post from partition " + from + " to " + to + " is due at " + due
                    + " ns, within the running window (ends at " + windowEnd + " ns): shorter than the lookahead");
        }
        outbox.get(from).get(to).add(new Posted(due, task));
    }

    /** Runs every partition's tasks due up to {@code end} (virtual nanoseconds), window by window. */
    void runUntil(long end) {
        while (done < end) {
            long e = Math.min(end, done + lookahead);
            runWindow(e);
            done = e;
        }
    }

    /** Tasks run so far, all partitions. */
    long executedTasks() {
        long n = 0;
        for (VirtualTimeScheduler s : schedulers) {
            n += s.executedTasks();
        }
        return n;
    }

    private void runWindow(long end) {
        windowEnd = end;
        running.set(workers.size());
        generation++; // starts the workers
        runShare(0, end);
        int spins = 0;
        while (running.get() > 0) {
            spins = pause(spins);
        }
        Throwable f = failure;
        if (f != null) {
            throw f instanceof RuntimeException r ? r : new IllegalStateException("a partition failed", f);
        }
        handOver();
    }

    /** Schedules what crossed during the window, in a fixed order. */
    private void handOver() {
        int n = schedulers.length;
        for (int to = 0; to < n; to++) {
            for (int from = 0; from < n; from++) {
                List<Posted> posted = outbox.get(from).get(to);
                for (Posted p : posted) {
                    schedulers[to].scheduleAt(p.due(), p.task());
                }
                posted.clear();
            }
        }
    }

    /** Runs the partitions of thread {@code thread} up to {@code end}. */
    private void runShare(int thread, long end) {
        for (int p = thread; p < schedulers.length; p += threads) {
            schedulers[p].runUntilNanos(end);
        }
    }

    private void work(int thread) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !stopping) {
                spins = pause(spins);
            }
            if (stopping) {
                return;
            }
            seen = generation;
            try {
                runShare(thread, windowEnd);
            } catch (Throwable t) {
                failure = t;
            }
            running.decrementAndGet();
        }
    }

    private static int pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        stopping = true;
    }
}
