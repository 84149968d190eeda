package io.p2pviewer.engine.sim;

/**
 * A host of the simulated internet (a viewer or the CDN): its access link in both directions, its one-way latency
 * to the core (a message between two hosts pays the sum of theirs), and whether it is behind a NAT that blocks
 * incoming connections. The links are mutable (simulation thread only); the record itself never changes.
 */
record SimNode(String name, SharedLink uplink, SharedLink downlink, long latencyNanos, boolean behindNat) {
}
