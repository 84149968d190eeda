package io.p2pviewer.engine.metrics;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's counters summed over its open streams, as /metrics shows them. Immutable.
 *
 * @param bufferSeconds buffer ahead of the playhead of the stream that played last
 */
public record EngineTotals(Map<DeliverySource, Long> downloaded, Map<DeliverySource, Long> served, long uploaded,
                           int peers, double bufferSeconds, long missedDeadlines, int stalls, double stallSeconds,
                           double offload) {
    public static final EngineTotals ZERO = of(java.util.List.of(), 0, 0);

    /** Sums stream snapshots; stalls come from the player, which reports them to the engine. */
    public static EngineTotals of(Collection<EngineSnapshot> snapshots, int stalls, double stallSeconds) {
        Map<DeliverySource, Long> down = new EnumMap<>(DeliverySource.class);
        Map<DeliverySource, Long> served = new EnumMap<>(DeliverySource.class);
        for (DeliverySource s : DeliverySource.values()) {
            down.put(s, 0L);
            served.put(s, 0L);
        }
        long up = 0;
        int peers = 0;
        double buffer = 0;
        long missed = 0;
        for (EngineSnapshot snap : snapshots) {
            for (DeliverySource s : DeliverySource.values()) {
                down.merge(s, snap.source(s).downloadedBytes(), Long::sum);
                served.merge(s, snap.source(s).servedBytes(), Long::sum);
            }
            up += snap.uploadedBytes();
            peers += (int) snap.peers().stream().filter(p -> p.connected()).count();
            buffer = snap.bufferAheadSeconds();
            missed += snap.missedDeadlines();
        }
        long total = served.values().stream().mapToLong(Long::longValue).sum();
        double offload = total == 0 ? 0 : (double) served.get(DeliverySource.PEER) / total;
        return new EngineTotals(Map.copyOf(down), Map.copyOf(served), up, peers, buffer, missed, stalls,
                stallSeconds, offload);
    }
}
