package io.p2pviewer.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The encrypted segments the demo origin serves, made on demand and kept in bounded LRU caches,
 * with their SHA-256 digests.
 *
 * <p>Segment {@code (variant, m)} is clip segment {@code m mod clipSegments} encrypted with its content
 * key ({@link ContentKeys#keyFor}) and the HLS default IV for {@code m}; the result depends on nothing else, so the same bytes come
 * back for the same pair whether cached or not.
 *
 * <p>Thread-safe. Arrays returned by {@link #bytes} are shared with the cache: callers must not modify
 * them. Encryption runs outside the cache lock, so two threads missing the same entry both encrypt.
 */
final class EncryptedSegments {

    /** At most this many encrypted segments are kept (about 25 MB for the bundled 720p clip). */
    static final int MAX_CACHED_SEGMENTS = 32;
    /** At most this many digests are kept. */
    static final int MAX_CACHED_DIGESTS = 4096;

    private record SegmentId(String variant, long mediaSequence) {
    }

    private final DemoClip clip;
    private final ContentKeys keys;
    private final Map<SegmentId, byte[]> segments = lruMap(MAX_CACHED_SEGMENTS);
    private final Map<SegmentId, String> digests = lruMap(MAX_CACHED_DIGESTS);

    EncryptedSegments(DemoClip clip, byte[] key) {
        this(clip, new ContentKeys(key, 0));
    }

    EncryptedSegments(DemoClip clip, ContentKeys keys) {
        this.clip = Objects.requireNonNull(clip, "clip");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The exact bytes served for a segment (shared, do not modify).
     *
     * @throws IllegalArgumentException for an unknown variant or a negative sequence number
     */
    byte[] bytes(String variant, long mediaSequence) {
        SegmentId id = id(variant, mediaSequence);
        synchronized (segments) {
            byte[] cached = segments.get(id);
            if (cached != null) {
                return cached;
            }
        }
        ClipVariant clipVariant = clip.variant(variant).orElseThrow();
        byte[] encrypted = SegmentCipher.encrypt(keys.keyFor(mediaSequence), mediaSequence, clipVariant.segmentAt(mediaSequence).bytes());
        synchronized (segments) {
            segments.put(id, encrypted);
        }
        return encrypted;
    }

    /** The lowercase hex SHA-256 of {@link #bytes}. */
    String sha256(String variant, long mediaSequence) {
        SegmentId id = id(variant, mediaSequence);
        synchronized (digests) {
            String cached = digests.get(id);
            if (cached != null) {
                return cached;
            }
        }
        String digest = sha256Hex(bytes(variant, mediaSequence));
        synchronized (digests) {
            digests.put(id, digest);
        }
        return digest;
    }

    /** The lowercase hex SHA-256 of {@code data}. */
    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private SegmentId id(String variant, long mediaSequence) {
        if (clip.variant(variant).isEmpty()) {
            throw new IllegalArgumentException("unknown variant '" + variant + "'");
        }
        if (mediaSequence < 0) {
            throw new IllegalArgumentException("media sequence must not be negative: " + mediaSequence);
        }
        return new SegmentId(variant, mediaSequence);
    }

    private static <K, V> Map<K, V> lruMap(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
