package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor that runs its tasks one at a time, in submission order, on threads of a shared pool. One per
 * channel keeps that channel's listener calls ordered without a thread per channel. A task that throws is logged
 * and does not stop the others. Thread-safe; {@link #execute} never blocks.
 */
final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    /** Tasks run per turn before the pool thread is handed back, so one busy channel cannot hog it. */
    private static final int BATCH = 64;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::runBatch);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                log.debug("pool stopped; {} task(s) dropped", tasks.size());
                tasks.clear();
            }
        }
    }

    private void runBatch() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("listener task failed", e);
                }
            }
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
