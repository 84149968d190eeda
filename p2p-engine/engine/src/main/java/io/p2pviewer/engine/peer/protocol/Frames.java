package io.p2pviewer.engine.peer.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The four-byte ASCII markers that frame commands on the data channel.
 *
 * <p>A message is a command part when it starts with {@code cstr} or {@code dstr} and ends with {@code cend} or
 * {@code dend} (so it is at least 8 bytes long); any other message is raw segment payload. A whole command is
 * {@code cstr} body {@code cend}; a split one is {@code cstr} part {@code dend}, then {@code dstr} part {@code dend}
 * any number of times, then {@code dstr} part {@code cend}.
 */
final class Frames {

    static final int MARKER_LENGTH = 4;
    static final byte[] COMMAND_START = ascii("cstr");
    static final byte[] COMMAND_END = ascii("cend");
    static final byte[] PART_START = ascii("dstr");
    static final byte[] PART_END = ascii("dend");

    private Frames() {
    }

    /** Whether {@code message} is framed as (a part of) a command rather than raw payload. */
    static boolean isCommandPart(byte[] message) {
        return message.length >= 2 * MARKER_LENGTH
                && (startsWith(message, COMMAND_START) || startsWith(message, PART_START))
                && (endsWith(message, COMMAND_END) || endsWith(message, PART_END));
    }

    static boolean startsWith(byte[] message, byte[] marker) {
        if (message.length < MARKER_LENGTH) {
            return false;
        }
        for (int k = 0; k < MARKER_LENGTH; k++) {
            if (message[k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(byte[] message, byte[] marker) {
        int from = message.length - MARKER_LENGTH;
        if (from < 0) {
            return false;
        }
        for (int k = 0; k < MARKER_LENGTH; k++) {
            if (message[from + k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code body[from, to)} between {@code start} and {@code end}, as one new array. */
    static byte[] frame(byte[] start, byte[] body, int from, int to, byte[] end) {
        int length = to - from;
        byte[] message = new byte[length + 2 * MARKER_LENGTH];
        System.arraycopy(start, 0, message, 0, MARKER_LENGTH);
        System.arraycopy(body, from, message, MARKER_LENGTH, length);
        System.arraycopy(end, 0, message, MARKER_LENGTH + length, MARKER_LENGTH);
        return message;
    }

    private static byte[] ascii(String marker) {
        return marker.getBytes(StandardCharsets.US_ASCII);
    }
}
