package io.p2pviewer.engine;

import io.p2pviewer.engine.peer.swarm.PeerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a stream session looks like at one instant: counters by source, uploads, peers, the current variant, the
 * buffer ahead of the playhead, deadlines and recent errors. Immutable; safe to hand to any thread.
 *
 * @param bufferAheadSeconds media seconds served to the player beyond the playhead it reported, 0 if unknown
 * @param uploadedBytes segment bytes sent to peers
 * @param uploadRate bytes per second sent to peers over the last seconds
 * @param peers connected peers
 * @param missedDeadlines player segment requests that waited longer than the engine's deadline grace
 * @param maxPlayerWaitMillis the longest a player segment request waited (startup excluded)
 * @param bannedPeers peers banned this session (corrupt data)
 */
public record EngineSnapshot(Instant at, Map<DeliverySource, SourceStats> sources, String currentVariant,
                             double bufferAheadSeconds, long segmentsServed, long cacheBytes, int cacheSegments,
                             List<StreamError> recentErrors, long uploadedBytes, double uploadRate,
                             List<PeerInfo> peers, long missedDeadlines, long maxPlayerWaitMillis,
                             int bannedPeers) {
    public EngineSnapshot {
        sources = Map.copyOf(sources);
        recentErrors = List.copyOf(recentErrors);
        peers = List.copyOf(peers);
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

    /**
     * Peer bytes received through a TURN relay (counted as PEER too): the part of the offload the operator pays
     * for as for the CDN. Summed over the peers listed (those connected and those that left).
     */
    public long relayedBytes() {
        return peers.stream().mapToLong(PeerInfo::relayedBytes).sum();
    }

    /** Share of served bytes that came from peers, 0..1. */
    public double offload() {
        long total = totalServedBytes();
        return total == 0 ? 0 : (double) source(DeliverySource.PEER).servedBytes() / total;
    }
}
