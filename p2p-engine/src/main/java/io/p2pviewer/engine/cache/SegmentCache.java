package io.p2pviewer.engine.cache;

import io.p2pviewer.engine.SegmentId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cache of segments bounded by total bytes, evicting the least recently used first. Engine thread only.
 */
public final class SegmentCache {
    private final long maxBytes;
    private final LinkedHashMap<SegmentId, CachedSegment> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public SegmentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Optional<CachedSegment> get(SegmentId id) {
        return Optional.ofNullable(entries.get(id));
    }

    public boolean contains(SegmentId id) {
        return entries.containsKey(id);
    }

    /** Stores a segment, evicting older ones to stay within the bound; a segment larger than the bound is not kept. */
    public void put(CachedSegment segment) {
        CachedSegment old = entries.remove(segment.id());
        if (old != null) {
            bytes -= old.size();
        }
        if (segment.size() > maxBytes) {
            return;
        }
        entries.put(segment.id(), segment);
        bytes += segment.size();
        Iterator<Map.Entry<SegmentId, CachedSegment>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            CachedSegment victim = it.next().getValue();
            it.remove();
            bytes -= victim.size();
        }
    }

    public long bytes() {
        return bytes;
    }

    public int size() {
        return entries.size();
    }
}
