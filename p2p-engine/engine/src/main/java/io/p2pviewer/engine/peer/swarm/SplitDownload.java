package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.time.EngineThread;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment fetched from several engine peers at once, each sending a part (multi-source): where each part begins
 * and ends, and the joining of their bytes. Each part is a {@link PeerLink.Download} asked from its first byte; the
 * peer sends from there to the segment's end, and the {@link Swarm} stops it (a cancel) once it reaches the next
 * part's first byte. Parts are kept in the order of their first bytes and cover the segment: a part ends where the
 * next begins, the last at the segment's end. A part that fails while the part before it is still receiving is
 * absorbed by that one (its peer sends to the segment's end anyway); otherwise the whole download fails, and the
 * first part's bytes go to the host as a peer prefix, as for a whole transfer given up. Not offered to peers while it
 * is received (only whole downloads are relayed). Engine thread only.
 */
@EngineThread
final class SplitDownload {
    final long mediaSequence;
    final long wireId;
    final Instant startedAt;
    /** The segment's size as the first part's header declared it; every part's must match. -1 until then. */
    long total = -1;
    /** The parts still in the segment, in the order of their first bytes (the first from byte 0). */
    final List<PeerLink.Download> parts = new ArrayList<>(3);

    SplitDownload(long mediaSequence, long wireId, Instant startedAt) {
        this.mediaSequence = mediaSequence;
        this.wireId = wireId;
        this.startedAt = startedAt;
    }

    /** A part's data header came: the segment's size is known, and no part starts past it. */
    void sized(long declared) {
        total = declared;
        for (PeerLink.Download d : parts) {
            d.from = Math.min(d.from, declared);
        }
    }

    /** Where a part ends: the next part's first byte, or the segment's end ({@link Long#MAX_VALUE} while unknown). */
    long endOf(PeerLink.Download part) {
        int i = parts.indexOf(part);
        long end = i + 1 < parts.size() ? parts.get(i + 1).from : Long.MAX_VALUE;
        return total < 0 ? end : Math.min(end, total);
    }

    /** Bytes of a payload chunk that belong to the part (the rest is the next part's, sent anyway). */
    int keep(PeerLink.Download part, int chunk) {
        return (int) Math.max(0, Math.min(chunk, endOf(part) - part.from - part.kept()));
    }

    /** Whether the part holds all its bytes. */
    boolean reachedEnd(PeerLink.Download part) {
        return part.total >= 0 && part.from + part.kept() >= endOf(part);
    }

    /** Whether every part holds all its bytes: the segment can be joined. */
    boolean complete() {
        if (total < 0) {
            return false;
        }
        for (PeerLink.Download d : parts) {
            if (!d.done) {
                return false;
            }
        }
        return true;
    }

    /** The whole segment, once {@link #complete()}. */
    byte[] join() {
        byte[] out = new byte[(int) total];
        for (PeerLink.Download d : parts) {
            System.arraycopy(d.relay.data, 0, out, (int) d.from, d.kept());
        }
        return out;
    }

    /**
     * A part failed: true when the part before it is still receiving and takes its bytes over (the download goes
     * on), false when the whole download fails (the first part failed, or the part before it has stopped).
     */
    boolean absorb(PeerLink.Download failed) {
        int i = parts.indexOf(failed);
        if (i <= 0 || parts.get(i - 1).done) {
            return false;
        }
        parts.remove(i);
        return true;
    }

    /** The parts still receiving. */
    List<PeerLink.Download> running() {
        List<PeerLink.Download> out = new ArrayList<>(parts.size());
        for (PeerLink.Download d : parts) {
            if (!d.done) {
                out.add(d);
            }
        }
        return out;
    }

    /** Bytes kept by all parts. */
    long kept() {
        long n = 0;
        for (PeerLink.Download d : parts) {
            n += d.kept();
        }
        return n;
    }

    /** The latest bytes any part received, or null. */
    Instant lastBytesAt() {
        Instant last = null;
        for (PeerLink.Download d : parts) {
            if (d.lastBytesAt != null && (last == null || d.lastBytesAt.isAfter(last))) {
                last = d.lastBytesAt;
            }
        }
        return last;
    }

    /** The peers that sent parts, first part first. */
    List<String> peers() {
        List<String> out = new ArrayList<>(parts.size());
        for (PeerLink.Download d : parts) {
            out.add(d.source.id);
        }
        return out;
    }
}
