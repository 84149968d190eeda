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

    /**
     * Checks, when Java assertions are on (the tests run with {@code -ea}), that the caller is on the engine thread,
     * and throws {@link AssertionError} naming the caller's thread if not: the entry points of the
     * {@link EngineThread} classes call it (OkHttp's assertLockHeld idea). Free when assertions are off.
     */
    default void assertCurrentThread() {
        if (Assertions.ON && !inEngineThread()) {
            throw new AssertionError("called on thread '" + Thread.currentThread().getName()
                    + "', not on the engine thread");
        }
    }

    /** Whether Java assertions are enabled for this package. */
    final class Assertions {
        static final boolean ON = assertionsOn();

        private Assertions() {
        }

        @SuppressWarnings({"AssertWithSideEffects", "UnusedAssignment"})
        private static boolean assertionsOn() {
            boolean on = false;
            assert on = true;
            return on;
        }
    }
}
