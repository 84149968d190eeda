package io.p2pviewer.engine.peer.transport;

import java.util.ArrayDeque;

/**
 * The receiving side of an in-process channel end (the tests' in-memory transport, the simulator's channels):
 * messages that arrive before the listener is set wait for it, in order; nothing is delivered once closed. Not
 * thread-safe: the owner calls it on one thread or under its lock.
 */
public final class ChannelInbox {
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private PeerChannelListener listener;
    private boolean closed;

    /** A message arrived: to the listener, or queued until there is one. */
    public void deliver(byte[] message) {
        if (closed) {
            return;
        }
        if (listener == null) {
            early.add(message);
        } else {
            listener.onMessage(message);
        }
    }

    /** Sets the listener and hands it what arrived before. */
    public void setListener(PeerChannelListener l) {
        listener = l;
        while (!early.isEmpty() && !closed) {
            l.onMessage(early.poll());
        }
    }

    /** The listener, null before one is set. */
    public PeerChannelListener listener() {
        return listener;
    }

    /** Delivers nothing more. */
    public void close() {
        closed = true;
        early.clear();
    }
}
