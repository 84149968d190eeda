package io.p2pviewer.engine.peer.swarm;

/**
 * What one swarm holds in memory for its peers, for bounds checks (the adversary tests) and soak numbers. Immutable.
 *
 * @param peers             connected peers
 * @param indexedIds        entries in the announcement indexes (one per peer per segment id it announced)
 * @param downloadBytes     bytes of downloads in flight received so far (held until the segment is whole)
 * @param downloadCapacity  bytes reserved by the buffers of those downloads
 * @param departed          peers kept for the session's totals after they left
 */
public record SwarmFootprint(int peers, long indexedIds, long downloadBytes, long downloadCapacity, int departed) {
}
