package io.p2pviewer.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a stream session looks like at one instant: counters by source, the current variant, the buffer ahead of
 * the playhead and recent errors. Immutable; safe to hand to any thread.
 *
 * @param bufferAheadSeconds media seconds served to the player beyond the playhead it reported, 0 if unknown
 */
public record EngineSnapshot(Instant at, Map<DeliverySource, SourceStats> sources, String currentVariant,
                             double bufferAheadSeconds, long segmentsServed, long cacheBytes, int cacheSegments,
                             List<StreamError> recentErrors) {
    public EngineSnapshot {
        sources = Map.copyOf(sources);
        recentErrors = List.copyOf(recentErrors);
    }

    public SourceStats source(DeliverySource s) {
        return sources.getOrDefault(s, SourceStats.ZERO);
    }

    public long totalDownloadedBytes() {
        return sources.values().stream().mapToLong(SourceStats::downloadedBytes).sum();
    }

    public long totalServedBytes() {
        return sources.values().stream().mapToLong(SourceStats::servedBytes).sum();
    }
}
