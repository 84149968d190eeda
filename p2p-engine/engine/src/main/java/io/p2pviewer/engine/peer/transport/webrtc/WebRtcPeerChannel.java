package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.peer.transport.PeerRoute;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PeerChannel} of one {@link WebRtcConnection}: a send queue fed to the data channel under flow
 * control, and in-order delivery of received messages to the listener. The native side is a
 * {@link NativeChannel}, so this logic is tested with a fake and virtual time.
 *
 * <p>Sending: {@link #send} queues the caller's array (already exact-size, so it is handed to webrtc-java as is)
 * and nudges the control thread, which hands queued messages to the data channel while its buffered amount is
 * under the threshold. While anything is queued or buffered, the control thread re-checks every poll interval
 * (webrtc-java 0.14.0 never reports buffered-amount changes), and stops polling once both are empty.
 *
 * <p>Receiving: the connection copies each message inside the WebRTC callback and passes it to
 * {@link #received}; messages and the single {@code onClose} go to the listener through the {@code events}
 * executor (a {@link SerialExecutor} on the transport's delivery threads), in order. Messages that arrive before a
 * listener is set wait for it. After a local {@link #close()} no more messages are delivered; after a remote close
 * the messages that arrived before it are delivered first. Received messages queue without bound if the listener
 * is slower than the network.
 *
 * <p>Thread-safe. The fields marked "control" are touched only on the control thread, those marked "events"
 * only inside {@link #events}.
 */
final class WebRtcPeerChannel implements PeerChannel {
    private static final Logger log = LoggerFactory.getLogger(WebRtcPeerChannel.class);

    private final NativeChannel connection;
    private final TaskScheduler control;
    private final Executor events;
    private final long threshold;
    private final Duration pollInterval;

    private final Queue<byte[]> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong outboxBytes = new AtomicLong();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private volatile long nativeBuffered;
    private volatile boolean closed;
    private volatile boolean discardIncoming;
    private boolean pollScheduled; // control

    private PeerChannelListener listener; // events
    private final ArrayDeque<byte[]> early = new ArrayDeque<>(); // events
    private String closeReason; // events
    private boolean closeDelivered; // events

    /**
     * @param connection   the data channel and connection behind this channel
     * @param control      the control thread: the only thread that calls {@code connection}'s native methods
     * @param events       runs listener calls one at a time in order, never on the caller's WebRTC thread
     * @param threshold    bytes the data channel may hold before queued messages wait
     * @param pollInterval how often to re-check the data channel while anything is queued or buffered
     */
    WebRtcPeerChannel(NativeChannel connection, TaskScheduler control, Executor events, long threshold,
            Duration pollInterval) {
        this.connection = connection;
        this.control = control;
        this.events = events;
        this.threshold = threshold;
        this.pollInterval = pollInterval;
    }

    @Override
    public void send(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds the limit of "
                    + MAX_MESSAGE_BYTES);
        }
        if (closed) {
            return;
        }
        outboxBytes.addAndGet(message.length);
        outbox.add(message);
        if (drainRequested.compareAndSet(false, true)) {
            control.execute(() -> {
                drainRequested.set(false);
                drain();
            });
        }
    }

    /** Hands queued messages to the data channel while it is under the threshold; control thread. */
    private void drain() {
        if (closed) {
            return;
        }
        long buffered = connection.bufferedAmount();
        while (buffered < threshold) {
            byte[] next = outbox.poll();
            if (next == null) {
                break;
            }
            outboxBytes.addAndGet(-next.length);
            if (!connection.send(next)) {
                return;
            }
            buffered += next.length;
        }
        nativeBuffered = buffered;
        if ((buffered > 0 || !outbox.isEmpty()) && !pollScheduled) {
            pollScheduled = true;
            control.schedule(pollInterval, () -> {
                pollScheduled = false;
                drain();
            });
        }
    }

    @Override
    public long bufferedAmount() {
        return closed ? 0 : outboxBytes.get() + nativeBuffered;
    }

    @Override
    public void setListener(PeerChannelListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        events.execute(() -> {
            listener = newListener;
            while (!early.isEmpty() && !discardIncoming) {
                deliver(early.poll());
            }
            deliverCloseIfListening();
        });
    }

    /** One received message, already copied; called on a WebRTC thread, never blocks. */
    void received(byte[] message) {
        events.execute(() -> {
            if (closeDelivered || discardIncoming) {
                return;
            }
            if (listener == null) {
                early.add(message);
            } else {
                deliver(message);
            }
        });
    }

    /**
     * Marks the channel closed: sends are dropped from now on and the listener gets {@code onClose(reason)} once
     * (the first reason wins). Any thread; never blocks.
     *
     * @param local true for a close asked for on this side: messages not yet delivered are dropped
     */
    void markClosed(String reason, boolean local) {
        if (local) {
            discardIncoming = true;
        }
        closed = true;
        outbox.clear();
        outboxBytes.set(0);
        nativeBuffered = 0;
        events.execute(() -> {
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            deliverCloseIfListening();
        });
    }

    private void deliver(byte[] message) {
        try {
            listener.onMessage(message);
        } catch (RuntimeException e) {
            log.error("listener of {} failed on a message", describe(), e);
        }
    }

    private void deliverCloseIfListening() {
        if (closeReason == null || listener == null || closeDelivered) {
            return;
        }
        closeDelivered = true;
        early.clear();
        try {
            listener.onClose(closeReason);
        } catch (RuntimeException e) {
            log.error("listener of {} failed on close", describe(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        markClosed("closed locally", true);
        connection.close("closed locally");
    }

    @Override
    public String describe() {
        return connection.describe();
    }

    @Override
    public String remoteHost() {
        return connection.remoteHost();
    }

    @Override
    public PeerRoute route() {
        return connection.route();
    }

    @Override
    public String toString() {
        return describe();
    }
}
