package io.p2pviewer.engine.peer.tracker;

import java.nio.charset.StandardCharsets;

/**
 * Conversions for the tracker protocol's "binary strings": byte arrays carried in JSON strings, one character
 * per byte (code points 0..255, that is ISO-8859-1), the way browsers' bittorrent-tracker encodes info_hash,
 * peer_id and offer_id.
 */
public final class BinaryString {
    /** Length of info hashes, peer ids and offer ids in the protocol. */
    public static final int ID_LENGTH = 20;

    private BinaryString() {
    }

    /** The binary string of these bytes (one char per byte). */
    public static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of a binary string.
     *
     * @throws IllegalArgumentException if a character is above U+00FF (not a binary string)
     */
    public static byte[] toBytes(String binary) {
        if (!isBinary(binary)) {
            throw new IllegalArgumentException("not a binary string (a character is above U+00FF)");
        }
        return binary.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True if every character is at most U+00FF. */
    public static boolean isBinary(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** True if the string is a binary string of exactly {@link #ID_LENGTH} characters. */
    public static boolean isId(String s) {
        return s != null && s.length() == ID_LENGTH && isBinary(s);
    }

    /**
     * Checks an id given by a caller.
     *
     * @return the id
     * @throws IllegalArgumentException naming the field when the id is not 20 binary characters
     */
    static String requireId(String field, String id) {
        if (id == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (id.length() != ID_LENGTH) {
            throw new IllegalArgumentException(field + " must be " + ID_LENGTH + " characters, got " + id.length());
        }
        if (!isBinary(id)) {
            throw new IllegalArgumentException(field + " has a character above U+00FF");
        }
        return id;
    }

    /** A printable form for logs: printable ASCII as is, other characters as \xNN. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c & 0xFFFF));
            }
        }
        return b.toString();
    }
}
