package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Deterministic test messages: message i carries i in its first 4 bytes (big-endian) and pseudo-random bytes
 * after, each a fresh exact-size array.
 */
final class TestPayload {
    private TestPayload() {
    }

    /** {@code totalBytes} in messages of {@code size} bytes, the last one shorter if needed (at least 4 bytes). */
    static List<byte[]> messages(long totalBytes, int size) {
        if (size < 4 || totalBytes < 4) {
            throw new IllegalArgumentException("messages need 4 bytes for their sequence number");
        }
        int count = count(totalBytes, size);
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] m = new byte[(int) Math.max(4, Math.min(size, totalBytes - (long) i * size))];
            new SplittableRandom(i * 7919L + size).nextBytes(m);
            m[0] = (byte) (i >>> 24);
            m[1] = (byte) (i >>> 16);
            m[2] = (byte) (i >>> 8);
            m[3] = (byte) i;
            messages.add(m);
        }
        return messages;
    }

    /** How many messages {@link #messages} makes. */
    static int count(long totalBytes, int size) {
        return Math.toIntExact((totalBytes + size - 1) / size);
    }

    /** "messages bytes crc", the arguments of the "queued" event, for comparison with {@link ReceiveTally}. */
    static String summary(List<byte[]> messages) {
        CRC32 crc = new CRC32();
        long bytes = 0;
        for (byte[] m : messages) {
            crc.update(m);
            bytes += m.length;
        }
        return messages.size() + " " + bytes + " " + Long.toHexString(crc.getValue());
    }
}
