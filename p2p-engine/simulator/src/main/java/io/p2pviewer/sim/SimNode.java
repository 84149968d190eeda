package io.p2pviewer.sim;

/**
 * A host of the simulated internet (a viewer or a CDN edge): its access link in both directions, its one-way
 * latency to the core (a message between two hosts pays the sum of theirs), whether it is behind a NAT that blocks
 * incoming connections, and the partition that runs it ({@link Partitions}). The links are mutable (their
 * partition's thread only); the record itself never changes.
 */
record SimNode(String name, SharedLink uplink, SharedLink downlink, long latencyNanos, boolean behindNat,
               int partition) {
}
