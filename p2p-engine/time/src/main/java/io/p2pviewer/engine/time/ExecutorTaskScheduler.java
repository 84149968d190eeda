package io.p2pviewer.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production engine thread: one daemon thread of a scheduled executor, with the system clock. */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorTaskScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    public ExecutorTaskScheduler(String threadName, Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("engine thread stopped; task dropped");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
    }

    @Override
    public boolean inEngineThread() {
        return Thread.currentThread() == thread;
    }

    /** A task that throws is logged and does not kill the engine thread. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("engine task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
