package io.p2pviewer.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The AES-128 content keys of the demo streams: one key, or with rotation a new key every {@code rotationSegments}
 * segments. Key period {@code p} covers segments {@code p*N .. p*N+N-1}; its key is the first 16 bytes of
 * SHA-256(configured key || p), so the same period always has the same key. Key files are {@code demo.key} without
 * rotation and {@code demo-<p>.key} with it.
 *
 * <p>Immutable and thread-safe; arrays returned are fresh copies.
 */
final class ContentKeys {
    /** The period of the one key when keys do not rotate. */
    static final long SINGLE = -1;

    private final byte[] key;
    private final int rotationSegments;

    /** @param rotationSegments segments per key, 0 for one key for the whole stream */
    ContentKeys(byte[] key, int rotationSegments) {
        if (rotationSegments < 0) {
            throw new IllegalArgumentException("rotationSegments must not be negative: " + rotationSegments);
        }
        this.key = key.clone();
        this.rotationSegments = rotationSegments;
    }

    /** Segments per key; 0 when keys do not rotate. */
    int rotationSegments() {
        return rotationSegments;
    }

    /** The key period of segment {@code mediaSequence}; {@link #SINGLE} without rotation. */
    long period(long mediaSequence) {
        return rotationSegments == 0 ? SINGLE : mediaSequence / rotationSegments;
    }

    /** Whether a key period exists in this configuration (a rotating stream has no single key, and vice versa). */
    boolean valid(long period) {
        return rotationSegments == 0 ? period == SINGLE : period >= 0;
    }

    /** The key of a period; {@link #SINGLE} for the one key. */
    byte[] key(long period) {
        if (period == SINGLE) {
            return key.clone();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(Long.toString(period).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(), DemoOriginConfig.KEY_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The key that encrypts segment {@code mediaSequence}. */
    byte[] keyFor(long mediaSequence) {
        return key(period(mediaSequence));
    }

    /** The key file name of a period: {@code demo.key} for {@link #SINGLE}, else {@code demo-<p>.key}. */
    static String keyFile(long period) {
        return period == SINGLE ? DemoPlaylists.KEY_FILE : "demo-" + period + ".key";
    }
}
