package io.p2pviewer.engine.time;

import java.time.Clock;
import java.time.Duration;

/**
 * The engine thread: runs tasks one at a time, now or after a delay, and tells the time.
 *
 * <p>All engine state is owned by the thread behind this interface, so engine logic needs no locks.
 * Production uses {@link ExecutorTaskScheduler}; tests use a fake that runs tasks in virtual time.
 * Tasks must not block.
 */
public interface TaskScheduler {
    /** The clock tasks read the time from; in tests it moves only when the fake advances it. */
    Clock clock();

    /** Runs the task on the engine thread as soon as possible, after the tasks already queued. */
    void execute(Runnable task);

    /** Runs the task on the engine thread after the delay. */
    Cancellable schedule(Duration delay, Runnable task);

    /** True when called from the engine thread. */
    boolean inEngineThread();
}
