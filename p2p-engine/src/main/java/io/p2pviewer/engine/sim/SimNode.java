package io.p2pviewer.engine.sim;

/**
 * A host of the simulated internet (a viewer or the CDN): its access link in both directions, its one-way latency
 * to the core (a message between two hosts pays the sum of theirs), and whether it is behind a NAT that blocks
 * incoming connections. Simulation thread only.
 */
final class SimNode {
    final String name;
    final SharedLink uplink;
    final SharedLink downlink;
    final long latencyNanos;
    final boolean behindNat;

    SimNode(String name, SharedLink uplink, SharedLink downlink, long latencyNanos, boolean behindNat) {
        this.name = name;
        this.uplink = uplink;
        this.downlink = downlink;
        this.latencyNanos = latencyNanos;
        this.behindNat = behindNat;
    }
}
