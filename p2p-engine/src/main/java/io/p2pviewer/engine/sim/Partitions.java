package io.p2pviewer.engine.sim;

import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
    /**
     * A thread waiting at the barrier busy-waits this long before yielding its core. Windows last a few
     * milliseconds of wall time; a thread that yields may lose its core to another runnable thread (a collector's,
     * the compiler's) for a whole time slice while the next window waits for it.
     */
    private static final long SPIN_NANOS = 20_000_000;
    /** A thread waiting this long sleeps between checks instead of yielding. */
    private static final long IDLE_NANOS = 200_000_000;

    private record Posted(long due, Runnable task) {
    }

    private final VirtualTimeScheduler[] schedulers;
    private final long lookahead;
    /**
     * What partition {@code from} posted to partition {@code to}: {@code outbox[w % 2][from][to]} during window
     * {@code w}, drained by {@code to} (on whichever thread runs it) at the start of window {@code w + 1}.
     */
    @SuppressWarnings("unchecked")
    private final List<Posted>[][][] outbox;
    /** Window parity: which half of {@link #outbox} this window posts into. */
    private int parity;
    private final List<Thread> workers = new ArrayList<>();
    private final int threads;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
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
        this.outbox = new List[2][count][count];
        for (int p = 0; p < count; p++) {
            schedulers[p] = new VirtualTimeScheduler();
            for (int q = 0; q < count; q++) {
                outbox[0][p][q] = new ArrayList<>();
                outbox[1][p][q] = new ArrayList<>();
            }
        }
        this.lookahead = count == 1 ? Long.MAX_VALUE / 4 : lookahead;
        this.threads = Math.min(threads, count);
        for (int t = 1; t < this.threads; t++) {
            Thread w = new Thread(this::work, "sim-partitions-" + t);
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
        outbox[parity][from][to].add(new Posted(due, task));
    }

    /** As {@link #post}, {@code delayNanos} after the present time of partition {@code from}. */
    void postAfter(int from, int to, long delayNanos, Runnable task) {
        post(from, to, schedulers[from].nanos() + delayNanos, task);
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
        parity ^= 1;
        windowEnd = end;
        next.set(0);
        running.set(workers.size());
        generation++; // starts the workers
        runShare(end);
        long since = 0;
        while (running.get() > 0) {
            since = pause(since);
        }
        Throwable f = failure;
        if (f != null) {
            throw f instanceof RuntimeException r ? r : new IllegalStateException("a partition failed", f);
        }
    }

    /**
     * Schedules what crossed to partition {@code to} during the previous window, in a fixed order (by source
     * partition, then in posting order); run by the thread that runs {@code to} next, before its tasks.
     */
    private void handOver(int to) {
        List<Posted>[][] last = outbox[parity ^ 1];
        for (int from = 0; from < schedulers.length; from++) {
            List<Posted> posted = last[from][to];
            for (Posted p : posted) {
                schedulers[to].scheduleAt(p.due(), p.task());
            }
            posted.clear();
        }
    }

    /**
     * Runs partitions up to {@code end} until none is left to start: each thread takes the next one, so a partition
     * busier than the others in this window does not leave a thread idle while several wait their turn.
     */
    private void runShare(long end) {
        for (int p = next.getAndIncrement(); p < schedulers.length; p = next.getAndIncrement()) {
            handOver(p);
            schedulers[p].runUntilNanos(end);
        }
    }

    private void work() {
        long seen = 0;
        while (true) {
            long since = 0;
            while (generation == seen && !stopping) {
                since = pause(since);
            }
            if (stopping) {
                return;
            }
            seen = generation;
            try {
                runShare(windowEnd);
            } catch (Throwable t) {
                failure = t;
            }
            running.decrementAndGet();
        }
    }

    /** One step of waiting: {@code since} is when the wait began (0 before the first step); returns it. */
    private static long pause(long since) {
        long now = System.nanoTime();
        if (since == 0) {
            return now;
        }
        if (now - since < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (now - since < IDLE_NANOS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(IDLE_NANOS / 1000); // long idle (between runs, before close): a core for others
        }
        return since;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        stopping = true;
    }
}
