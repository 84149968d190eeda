package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The encryption ({@code EXT-X-KEY}) in effect for a segment; {@link #NONE} for clear segments.
 *
 * <p>The engine never fetches keys: the rewriter makes key URIs absolute and the player fetches them from the
 * origin. This record is informational.
 *
 * @param method    how the segment is encrypted
 * @param uri       absolute key URI; null only for {@link KeyMethod#NONE}
 * @param iv        the 16-byte IV from the {@code IV} attribute, or null when absent (then the IV is the segment's
 *                  media sequence number, see {@link #effectiveIv(long)})
 * @param keyFormat the {@code KEYFORMAT}, {@code "identity"} when absent; null only for {@link KeyMethod#NONE}
 */
public record SegmentKey(KeyMethod method, URI uri, byte[] iv, String keyFormat) {
    /** No encryption. */
    public static final SegmentKey NONE = new SegmentKey(KeyMethod.NONE, null, null, null);

    /** The IV length of AES-128, in bytes. */
    public static final int IV_LENGTH = 16;

    public SegmentKey {
        Objects.requireNonNull(method, "method");
        if (iv != null) {
            if (iv.length != IV_LENGTH) {
                throw new IllegalArgumentException("IV must be " + IV_LENGTH + " bytes, got " + iv.length);
            }
            iv = iv.clone();
        }
    }

    /** A copy of the explicit IV, or null when the playlist gives none. */
    @Override
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }

    /** Whether segments under this key are encrypted. */
    public boolean encrypted() {
        return method != KeyMethod.NONE;
    }

    /**
     * The IV to decrypt the segment with media sequence number {@code mediaSequence}: the explicit IV if there is
     * one, otherwise the sequence number as a 128-bit big-endian integer (RFC 8216 §5.2).
     */
    public byte[] effectiveIv(long mediaSequence) {
        if (iv != null) {
            return iv.clone();
        }
        byte[] result = new byte[IV_LENGTH];
        for (int i = 0; i < Long.BYTES; i++) {
            result[IV_LENGTH - 1 - i] = (byte) (mediaSequence >>> (8 * i));
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentKey k && method == k.method && Objects.equals(uri, k.uri)
                && Arrays.equals(iv, k.iv) && Objects.equals(keyFormat, k.keyFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, Arrays.hashCode(iv), keyFormat);
    }

    @Override
    public String toString() {
        return "SegmentKey[method=" + method + ", uri=" + uri
                + ", iv=" + (iv == null ? "null" : "0x" + HexFormat.of().formatHex(iv))
                + ", keyFormat=" + keyFormat + "]";
    }
}
