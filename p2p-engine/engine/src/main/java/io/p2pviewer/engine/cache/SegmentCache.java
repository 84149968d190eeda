package io.p2pviewer.engine.cache;

import com.carrotsearch.hppc.LongHashSet;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.time.EngineThread;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cache of segments bounded by total bytes, evicting the least recently used first. Engine thread only.
 */
@EngineThread
public final class SegmentCache {
    private final long maxBytes;
    private final LinkedHashMap<SegmentId, CachedSegment> entries = new LinkedHashMap<>(64, 0.75f, true);
    /**
     * The media sequences held, by track: what {@link #contains} asks, without touching an entry. The engine asks
     * it for every segment ahead on every tick and for every id a peer announces; in large simulations those
     * lookups, each loading an entry and its key from memory, were a tenth of the time. Never iterated (HPPC's
     * iteration order differs between instances).
     */
    private final Map<String, LongHashSet> held = new HashMap<>(4);
    private long bytes;

    public SegmentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Optional<CachedSegment> get(SegmentId id) {
        return Optional.ofNullable(entries.get(id));
    }

    public boolean contains(SegmentId id) {
        return contains(id.track(), id.mediaSequence());
    }

    /** As {@link #contains(SegmentId)}, without making an id. */
    public boolean contains(String track, long mediaSequence) {
        LongHashSet sequences = held.get(track);
        return sequences != null && sequences.contains(mediaSequence);
    }

    /** Stores a segment, evicting older ones to stay within the bound; a segment larger than the bound is not kept. */
    public void put(CachedSegment segment) {
        CachedSegment old = entries.remove(segment.id());
        if (old != null) {
            bytes -= old.size();
            forget(old.id());
        }
        if (segment.size() > maxBytes) {
            return;
        }
        entries.put(segment.id(), segment);
        held.computeIfAbsent(segment.id().track(), t -> new LongHashSet()).add(segment.id().mediaSequence());
        bytes += segment.size();
        Iterator<Map.Entry<SegmentId, CachedSegment>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            CachedSegment victim = it.next().getValue();
            it.remove();
            bytes -= victim.size();
            forget(victim.id());
        }
    }

    /**
     * Drops the track's segments before {@code mediaSequence}: a live playlist's window has moved past them, so
     * neither the player nor a peer will ask for them, and keeping them until the byte bound evicts them only
     * grows the heap (a live channel watched for an hour filled the whole bound). Cheap when nothing is that old.
     *
     * @return how many segments were dropped
     */
    public int dropBefore(String track, long mediaSequence) {
        LongHashSet sequences = held.get(track);
        if (sequences == null || !hasAnyBefore(sequences, mediaSequence)) {
            return 0;
        }
        int dropped = 0;
        Iterator<Map.Entry<SegmentId, CachedSegment>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            CachedSegment segment = it.next().getValue();
            if (segment.id().track().equals(track) && segment.id().mediaSequence() < mediaSequence) {
                it.remove();
                bytes -= segment.size();
                forget(segment.id());
                dropped++;
            }
        }
        return dropped;
    }

    private static boolean hasAnyBefore(LongHashSet sequences, long mediaSequence) {
        for (var cursor : sequences) {
            if (cursor.value < mediaSequence) {
                return true;
            }
        }
        return false;
    }

    private void forget(SegmentId id) {
        LongHashSet sequences = held.get(id.track());
        if (sequences != null && sequences.remove(id.mediaSequence()) && sequences.isEmpty()) {
            held.remove(id.track());
        }
    }

    public long bytes() {
        return bytes;
    }

    public int size() {
        return entries.size();
    }
}
