package io.p2pviewer.sim;

import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One direction of an access link (a viewer's uplink or downlink, the CDN's uplink): its capacity is shared equally
 * among the queues that have bytes to send (processor sharing), and each queue sends its own pieces first in, first
 * out. Exact in virtual time: every backlogged queue receives {@code capacity / backlogged} bytes per second, so a
 * queue's head piece finishes when the link's "virtual service" reaches the piece's finish tag; one timer stands
 * for the earliest finish.
 *
 * <p>Its host's partition's thread only. Completion callbacks run after the link's state is updated and may add
 * pieces to any link of the partition, this one included.
 */
final class SharedLink {
    private static final double EPSILON_BYTES = 1e-3;

    /** A stream of pieces through this link (one channel direction, one HTTP response). */
    static final class Queue {
        private final long id;
        private final ArrayDeque<Piece> pieces = new ArrayDeque<>();
        private double finishTag;
        private long bytes;
        private boolean backlogged;

        private Queue(long id) {
            this.id = id;
        }

        boolean idle() {
            return pieces.isEmpty();
        }
    }

    private record Piece(long wireBytes, Runnable done) {
    }

    private final VirtualTimeScheduler scheduler;
    private final double bytesPerNano;
    private final PriorityQueue<Queue> backlog = new PriorityQueue<>((a, b) -> a.finishTag != b.finishTag
            ? Double.compare(a.finishTag, b.finishTag) : Long.compare(a.id, b.id));
    private double service;
    private long updatedAt;
    private Cancellable timer = Cancellable.NONE;
    private long timerAt = Long.MAX_VALUE;
    private long carriedBytes;
    /** Wire bytes of the pieces queued and not finished, the head pieces' served parts included. */
    private long queuedBytes;
    /** Sum over the backlogged queues of the service at which their head piece began: see {@link #queuedNanos}. */
    private double startTags;
    private long queues;
    /** The pieces one {@link #fire} finished (kept between fires: a link fires thousands of times). */
    private final List<Runnable> finished = new ArrayList<>();

    /** @param bytesPerSecond capacity in wire bytes per second; must be positive */
    SharedLink(VirtualTimeScheduler scheduler, double bytesPerSecond) {
        if (!(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("link capacity must be positive, got " + bytesPerSecond);
        }
        this.scheduler = scheduler;
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.updatedAt = scheduler.nanos();
    }

    /** A new queue through this link, served in turn with the others. */
    Queue newQueue() {
        return new Queue(queues++);
    }

    /** Queues a piece of {@code wireBytes} on {@code queue}; {@code done} runs when its last byte has left. */
    void add(Queue queue, long wireBytes, Runnable done) {
        advance();
        queue.pieces.add(new Piece(wireBytes, done));
        queue.bytes += wireBytes;
        queuedBytes += wireBytes;
        if (!queue.backlogged) {
            queue.backlogged = true;
            queue.finishTag = service + wireBytes;
            startTags += service;
            backlog.add(queue);
            // one more sharer delays every finish: a timer already set can only be early, and fire() copes
            rescheduleIfEarlier();
        }
    }

    /** Drops the queue's pieces (their callbacks never run) and frees its share. */
    void remove(Queue queue) {
        Piece head = queue.pieces.peek();
        queue.pieces.clear();
        queuedBytes -= queue.bytes;
        queue.bytes = 0;
        if (queue.backlogged) {
            advance();
            queue.backlogged = false;
            startTags -= queue.finishTag - head.wireBytes;
            backlog.remove(queue);
            if (backlog.isEmpty()) {
                startTags = 0; // exact again whenever the link goes idle
            }
            reschedule();
        }
    }

    /**
     * How long the bytes queued on this link right now take to leave it at its full capacity, at most {@code
     * atMostNanos}: what a packet entering a FIFO queue of that depth behind them waits (0 on an idle link). Exact
     * under processor sharing: each backlogged queue's head piece has been served {@code service - its start tag}.
     */
    long queuedNanos(long atMostNanos) {
        if (atMostNanos <= 0 || backlog.isEmpty()) {
            return 0;
        }
        double now = service + (scheduler.nanos() - updatedAt) * bytesPerNano / backlog.size();
        double served = backlog.size() * now - startTags;
        double left = Math.min(queuedBytes, Math.max(0, queuedBytes - served));
        return Math.min(atMostNanos, (long) Math.ceil(left / bytesPerNano));
    }

    /** Queues with bytes to send right now. */
    int backlogged() {
        return backlog.size();
    }

    /** Its partition's virtual time. */
    long nanos() {
        return scheduler.nanos();
    }

    /** Wire bytes that have left through this link. */
    long carriedBytes() {
        return carriedBytes;
    }

    private void advance() {
        long now = scheduler.nanos();
        if (!backlog.isEmpty() && now > updatedAt) {
            service += (now - updatedAt) * bytesPerNano / backlog.size();
        }
        updatedAt = now;
    }

    private void reschedule() {
        timer.cancel();
        timer = Cancellable.NONE;
        timerAt = Long.MAX_VALUE;
        rescheduleIfEarlier();
    }

    private void rescheduleIfEarlier() {
        Queue head = backlog.peek();
        if (head == null) {
            return;
        }
        double left = Math.max(0, head.finishTag - service);
        long at = scheduler.nanos() + Math.max(1, (long) Math.ceil(left * backlog.size() / bytesPerNano));
        if (at < timerAt) {
            timer.cancel();
            timerAt = at;
            timer = scheduler.scheduleNanos(at - scheduler.nanos(), this::fire);
        }
    }

    private void fire() {
        timerAt = Long.MAX_VALUE;
        timer = Cancellable.NONE;
        advance();
        while (!backlog.isEmpty() && backlog.peek().finishTag <= service + EPSILON_BYTES) {
            Queue q = backlog.poll();
            Piece p = q.pieces.poll();
            carriedBytes += p.wireBytes;
            q.bytes -= p.wireBytes;
            queuedBytes -= p.wireBytes;
            startTags -= q.finishTag - p.wireBytes;
            finished.add(p.done);
            Piece next = q.pieces.peek();
            if (next == null) {
                q.backlogged = false;
            } else {
                startTags += q.finishTag; // the next piece begins where this one finished
                q.finishTag += next.wireBytes;
                backlog.add(q);
            }
        }
        if (backlog.isEmpty()) {
            startTags = 0;
        }
        reschedule();
        for (Runnable done : finished) {
            done.run(); // never fires this link again within (its timer only runs as a task of its own)
        }
        finished.clear();
    }
}
