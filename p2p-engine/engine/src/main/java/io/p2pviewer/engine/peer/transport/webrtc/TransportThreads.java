package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one {@link WebRtcPeerTransport}: a control thread and a delivery pool, all daemons.
 *
 * <p>The control thread makes every native call of the transport's connections (create, negotiate, send, close),
 * runs their timers and feeds their send queues. webrtc-java callbacks only post to it. The delivery pool runs
 * listener calls (through one {@link SerialExecutor} per channel) and completes the futures given to callers,
 * so caller code never runs on the control thread or on a WebRTC thread. Posting never blocks; after
 * {@link #shutdown} posts are dropped.
 */
final class TransportThreads {
    private static final Logger log = LoggerFactory.getLogger(TransportThreads.class);

    private final ScheduledThreadPoolExecutor control;
    private final ExecutorService delivery;
    private final Set<Thread> deliveryThreads = ConcurrentHashMap.newKeySet();
    private volatile Thread controlThread;

    TransportThreads(String name) {
        control = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name + "-control");
            t.setDaemon(true);
            controlThread = t;
            return t;
        });
        control.setRemoveOnCancelPolicy(true);
        control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory deliveryFactory = r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    deliveryThreads.remove(Thread.currentThread());
                }
            }, name + "-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            deliveryThreads.add(t);
            return t;
        };
        delivery = Executors.newCachedThreadPool(deliveryFactory);
    }

    /** Runs the task on the control thread after those already queued; dropped after shutdown. */
    void onControl(Runnable task) {
        try {
            control.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("control thread stopped; task dropped");
        }
    }

    /** The control thread as an executor (for {@code ...Async} stages). */
    Executor control() {
        return this::onControl;
    }

    /** The control thread as the engine's scheduler interface (its clock is the system clock, unused here). */
    TaskScheduler controlScheduler() {
        return new TaskScheduler() {
            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public void execute(Runnable task) {
                onControl(task);
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                Future<?> f = TransportThreads.this.schedule(delay, task);
                return () -> f.cancel(false);
            }

            @Override
            public boolean inEngineThread() {
                return inControl();
            }
        };
    }

    /** Runs the task on the control thread after the delay; the handle cancels it. */
    Future<?> schedule(Duration delay, Runnable task) {
        try {
            return control.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    boolean inControl() {
        return Thread.currentThread() == controlThread;
    }

    /** A new order-preserving executor on the delivery pool. */
    SerialExecutor newSerialExecutor() {
        return new SerialExecutor(delivery);
    }

    /** Completes the future on a delivery thread (inline when the pool has stopped). */
    <T> void complete(CompletableFuture<T> future, T value) {
        deliver(() -> future.complete(value));
    }

    /** Fails the future on a delivery thread (inline when the pool has stopped). */
    void fail(CompletableFuture<?> future, Throwable error) {
        deliver(() -> future.completeExceptionally(error));
    }

    private void deliver(Runnable r) {
        try {
            delivery.execute(r);
        } catch (RejectedExecutionException e) {
            r.run();
        }
    }

    /**
     * Runs the task on the control thread and waits for it (inline when already there).
     *
     * @return false if it did not finish in time
     */
    boolean runOnControlAndWait(Runnable task, Duration timeout) {
        if (inControl()) {
            task.run();
            return true;
        }
        try {
            control.submit(guarded(task)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            log.warn("control task did not complete: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops both pools: queued control work is dropped, queued deliveries (the last onClose calls) still run.
     * Waits a little for them unless called from one of these threads.
     */
    void shutdown() {
        control.shutdown();
        delivery.shutdown();
        boolean own = inControl() || deliveryThreads.contains(Thread.currentThread());
        if (own) {
            return;
        }
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
            if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("a channel listener is still running 2 s after its transport closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task that throws is logged and does not kill the control thread. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("WebRTC control task failed", e);
            }
        };
    }
}
