package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.source.SegmentRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first bytes of segments whose peer transfer was given up, kept so that the CDN fetch after it asks only for
 * the rest (an HTTP range), as p2p-media-loader does. The bytes are the peer's and unverified: the whole segment
 * is verified once the CDN sent the rest. Holds a few segments at most; engine thread only.
 */
final class PeerPrefixes {
    /** Prefixes kept at once: a player waits for few segments, and each prefix holds up to a segment's bytes. */
    static final int MAX_KEPT = 8;

    /**
     * @param peer the peer that sent the bytes
     * @param bytes what it sent, from the segment's first byte
     * @param declaredTotal the segment's size as the peer declared it
     */
    record PeerPrefix(String peer, byte[] bytes, long declaredTotal) {
    }

    private final Map<SegmentId, PeerPrefix> kept = new LinkedHashMap<>();

    /** Keeps a prefix, replacing a shorter one of the same segment; the oldest goes beyond {@link #MAX_KEPT}. */
    void keep(SegmentId id, PeerPrefix prefix) {
        PeerPrefix old = kept.get(id);
        if (old != null && old.bytes().length >= prefix.bytes().length) {
            return;
        }
        kept.remove(id);
        kept.put(id, prefix);
        if (kept.size() > MAX_KEPT) {
            kept.remove(kept.keySet().iterator().next());
        }
    }

    /** Removes and returns the prefix of a segment, or null. */
    PeerPrefix take(SegmentId id) {
        return kept.remove(id);
    }

    void forget(SegmentId id) {
        kept.remove(id);
    }

    /**
     * The request for what follows the prefix in {@code whole}, or null when the prefix does not fit it (a
     * byte-range segment whose length differs from the peer's declared size, or a prefix as long as the segment).
     */
    static SegmentRequest rest(SegmentRequest whole, PeerPrefix prefix) {
        long have = prefix.bytes().length;
        if (have <= 0 || have >= prefix.declaredTotal()
                || (whole.length() >= 0 && whole.length() != prefix.declaredTotal())) {
            return null;
        }
        return new SegmentRequest(whole.id(), whole.uri(), whole.offset() + have,
                whole.length() < 0 ? -1 : whole.length() - have, whole.durationSeconds());
    }

    /** The prefix followed by the rest. */
    static byte[] join(byte[] prefix, byte[] rest) {
        byte[] out = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }

    /** True when {@code whole} starts with exactly the prefix's bytes. */
    static boolean matches(byte[] prefix, byte[] whole) {
        return whole.length >= prefix.length
                && java.util.Arrays.equals(prefix, 0, prefix.length, whole, 0, prefix.length);
    }
}
