package io.p2pviewer.engine.peer.transport.webrtc;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * What a test peer received since the last {@link #expect}: message and byte counts, a CRC32 over all bytes in
 * arrival order, whether the sequence numbers (first 4 bytes) came in order, and the time from the first to the
 * last message. Thread-safe.
 */
final class ReceiveTally {
    private final CRC32 crc = new CRC32();
    private long messages;
    private long bytes;
    private boolean ordered = true;
    private long firstNanos;
    private long lastNanos;
    private long target = -1;

    /** Starts counting afresh; {@link #add} returns true when {@code count} messages have arrived. */
    synchronized void expect(long count) {
        crc.reset();
        messages = 0;
        bytes = 0;
        ordered = true;
        target = count;
    }

    /** Counts one message (read, not kept); true exactly when the expected count is reached. */
    synchronized boolean add(ByteBuffer message) {
        long now = System.nanoTime();
        if (messages == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        if (message.remaining() < 4 || message.getInt(message.position()) != messages) {
            ordered = false;
        }
        bytes += message.remaining();
        crc.update(message);
        messages++;
        return messages == target;
    }

    /** "messages bytes crc ordered nanos", the arguments of the "received" event. */
    synchronized String report() {
        return messages + " " + bytes + " " + Long.toHexString(crc.getValue()) + " " + ordered + " "
                + (lastNanos - firstNanos);
    }
}
