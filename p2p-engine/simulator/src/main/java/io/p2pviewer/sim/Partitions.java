package io.p2pviewer.sim;

import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulation split into partitions that run side by side on the machine's cores, each with its own
 * {@link VirtualTimeScheduler} (its viewers' engines, links, CDN edge and players), in windows of virtual time.
 *
 * <p>Conservative synchronisation with {@link #SLACK} windows of slack. A window lasts at most a third of the
 * lookahead (the shortest delay with which anything in one partition can affect another: two hosts' latencies, a
 * tracker hop), so what a partition posts during window {@code g} is due after window {@code g + 2} ends. Partition
 * {@code p} may therefore run window {@code g} once every partition has finished window {@code g - 3}: it first
 * schedules what was posted to it during that window, and nothing posted later can be due before window
 * {@code g + 1}. A thread that finishes its part of a window early goes on with the next windows of the partitions
 * that are done, instead of waiting at a barrier for the slowest partition (a thread that lost its core to the
 * collector or the compiler for a time slice).
 *
 * <p>Deterministic whatever the thread timing: a partition's tasks run in its scheduler's order, and what was posted
 * to it during window {@code g} is scheduled at the start of its window {@code g + 3} in a fixed order (by source
 * partition, then in posting order), so a scenario gives the same run for the same number of partitions on any
 * number of threads.
 *
 * <p>{@link #post} is called on the source partition's thread; everything else on the driving thread.
 */
final class Partitions implements AutoCloseable {
    /**
     * A thread with no partition to run busy-waits this long, then sleeps until a partition finishes a window. A
     * partition's window takes some tens of microseconds of wall time, so a short wait ends spinning; a long one means
     * the thread it waits for lost its core (to a collector, the compiler or another process), and spinning on would
     * keep that core from it. 20 ms of spinning then yielding was 12-17 % of a loaded machine's samples.
     */
    private static final long SPIN_NANOS = 200_000;
    /**
     * Windows a partition may run ahead of the one furthest behind. Two measured 1-2 % faster than one (n1000,
     * BENCHMARKS.md "Eleventh pass"); more windows cost more hand-overs.
     */
    private static final int SLACK = 2;
    /**
     * Outbox slots: posts of window {@code g} are drained in window {@code g + SLACK + 1}, and window
     * {@code g + SLOTS} may only start after every partition started that one.
     */
    private static final int SLOTS = 2 * SLACK + 2;
    /** The least lookahead several partitions can run with: a window of 1 ns. */
    static final long MIN_LOOKAHEAD = SLACK + 1;

    private record Posted(long due, Runnable task) {
    }

    private final VirtualTimeScheduler[] schedulers;
    /** Virtual nanoseconds a window spans at most: the lookahead divided by {@code SLACK + 1}. */
    private final long window;
    /**
     * What partition {@code from} posted to partition {@code to} during window {@code g}:
     * {@code outbox[g % SLOTS][from][to]}, drained by {@code to} (on whichever thread runs it) at the start of its
     * window {@code g + SLACK + 1}.
     */
    @SuppressWarnings("unchecked")
    private final List<Posted>[][][] outbox;
    private final List<Thread> workers = new ArrayList<>();
    private final int threads;

    // Guarded by this: which windows the running call covers, and each partition's progress.
    /** Windows each partition has finished (global count, over all calls of {@link #runUntil}). */
    private final long[] finished;
    private final boolean[] running;
    private long leastFinished;
    /** The running call of {@link #runUntil}: its first window, the window after its last, its span. */
    private long callFirst;
    private long callLast;
    private long callStart;
    private long callEnd;

    /**
     * Moves whenever a partition finishes a window or a call starts: waiting threads look again. Written with this
     * held (an increment racing another could be lost, and a thread waiting for it would wait for ever).
     */
    private volatile long progress;
    /** Threads asleep until {@link #progress} moves. */
    private int waiters;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private long done;

    /**
     * @param count partitions (at least 1)
     * @param lookahead virtual nanoseconds: the least delay of any cross-partition post; at least
     *                  {@link #MIN_LOOKAHEAD} when there are several partitions
     * @param threads threads to run them on (at most {@code count}); the calling thread is one of them
     */
    Partitions(int count, long lookahead, int threads) {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one partition and one thread, got " + count + " and "
                    + threads);
        }
        if (count > 1 && lookahead < MIN_LOOKAHEAD) {
            throw new IllegalArgumentException("several partitions need a lookahead of at least " + MIN_LOOKAHEAD
                    + " ns, got " + lookahead);
        }
        this.schedulers = new VirtualTimeScheduler[count];
        this.outbox = new List[SLOTS][count][count];
        for (int p = 0; p < count; p++) {
            schedulers[p] = new VirtualTimeScheduler();
            for (int slot = 0; slot < SLOTS; slot++) {
                for (int q = 0; q < count; q++) {
                    outbox[slot][p][q] = new ArrayList<>();
                }
            }
        }
        this.finished = new long[count];
        this.running = new boolean[count];
        this.window = count == 1 ? Long.MAX_VALUE / 4 : lookahead / (SLACK + 1);
        this.threads = Math.min(threads, count);
        for (int t = 1; t < this.threads; t++) {
            Thread w = new Thread(() -> runShare(false), "sim-partitions-" + t);
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
     * thread while it runs, or from the driving thread between runs. Across partitions {@code due} must lie beyond
     * the source's next window (at least the lookahead ahead).
     */
    void post(int from, int to, long due, Runnable task) {
        if (from == to || !running[from]) { // running[from] is written by this thread when it is from's
            schedulers[to].scheduleAt(due, task);
            return;
        }
        long g = finished[from];
        long nextEnd = windowEnd(g) + SLACK * window;
        if (due <= nextEnd) {
            throw new IllegalStateException("a post from partition " + from + " to " + to + " is due at " + due
                    + " ns, within the next window (ends by " + nextEnd + " ns): shorter than the lookahead");
        }
        outbox[(int) (g % SLOTS)][from][to].add(new Posted(due, task));
    }

    /** As {@link #post}, {@code delayNanos} after the present time of partition {@code from}. */
    void postAfter(int from, int to, long delayNanos, Runnable task) {
        post(from, to, schedulers[from].nanos() + delayNanos, task);
    }

    /** Runs every partition's tasks due up to {@code end} (virtual nanoseconds), window by window. */
    void runUntil(long end) {
        if (end <= done) {
            return;
        }
        synchronized (this) {
            callStart = done;
            callEnd = end;
            callFirst = callLast;
            callLast = callFirst + (end - done + window - 1) / window;
            advanced();
        }
        runShare(true);
        done = end;
        Throwable f = failure;
        if (f != null) {
            throw f instanceof RuntimeException r ? r : new IllegalStateException("a partition failed", f);
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

    /** Where window {@code g} of the running call ends (virtual nanoseconds). Called with this held or by a runner. */
    private long windowEnd(long g) {
        return Math.min(callEnd, callStart + (g - callFirst + 1) * window);
    }

    /**
     * Runs windows of partitions until every partition has finished the running call's last window or one failed
     * (the driving thread), or until stopped (a worker). Each thread goes on with the partition it ran last while
     * it may, else takes the partition furthest behind among those it may run; it claims its next partition in the
     * same hold of the lock in which it marks the last one's window finished.
     */
    private void runShare(boolean driver) {
        int last = -1;
        int p = -1;
        while (!stopping) {
            if (p < 0) {
                long seen = progress;
                synchronized (this) {
                    if (driver && (leastFinished >= callLast || failure != null)) {
                        return;
                    }
                    p = claim(last);
                }
                if (p < 0) {
                    awaitProgress(seen);
                    continue;
                }
            }
            try {
                runWindow(p);
            } catch (Throwable t) {
                failure = t;
            }
            synchronized (this) {
                finished[p]++;
                running[p] = false;
                long least = Long.MAX_VALUE;
                for (long f : finished) {
                    least = Math.min(least, f);
                }
                leastFinished = least;
                advanced();
                last = p;
                p = driver && (leastFinished >= callLast || failure != null) ? -1 : claim(last);
            }
        }
    }

    /**
     * A partition that may run its next window now (with this held), or -1: not running, not past the call, and no
     * more than {@link #SLACK} windows ahead of the partition furthest behind, whose posts it may otherwise miss.
     * The thread's {@code last} partition if it may (its engines' data is still in this core's caches), else the
     * one furthest behind.
     */
    private int claim(int last) {
        if (failure != null) {
            return -1;
        }
        if (last >= 0 && claimable(last)) {
            running[last] = true;
            return last;
        }
        int best = -1;
        for (int p = 0; p < finished.length; p++) {
            long f = finished[p];
            if (claimable(p) && (best < 0 || f < finished[best])) {
                best = p;
            }
        }
        if (best >= 0) {
            running[best] = true;
        }
        return best;
    }

    private boolean claimable(int p) {
        long f = finished[p];
        return !running[p] && f < callLast && f <= leastFinished + SLACK;
    }

    /**
     * Runs partition {@code to}'s next window: first schedules what was posted to it {@code SLACK + 1} windows
     * before, in a fixed order (by source partition, then in posting order).
     */
    private void runWindow(int to) {
        long g = finished[to];
        if (g >= SLACK + 1) {
            List<Posted>[][] last = outbox[(int) ((g - SLACK - 1) % SLOTS)];
            for (int from = 0; from < schedulers.length; from++) {
                List<Posted> posted = last[from][to];
                for (Posted p : posted) {
                    schedulers[to].scheduleAt(p.due(), p.task());
                }
                posted.clear();
            }
        }
        schedulers[to].runUntilNanos(windowEnd(g));
    }

    /** Moves {@link #progress} and wakes the threads asleep waiting for it (with this held). */
    private void advanced() {
        progress++;
        if (waiters > 0) {
            notifyAll();
        }
    }

    /** Waits until {@link #progress} is no longer {@code seen} or the partitions stop: spins, then sleeps. */
    private void awaitProgress(long seen) {
        long since = System.nanoTime();
        while (progress == seen && !stopping && System.nanoTime() - since < SPIN_NANOS) {
            Thread.onSpinWait();
        }
        synchronized (this) {
            waiters++;
            try {
                while (progress == seen && !stopping) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiters--;
            }
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
    }
}
