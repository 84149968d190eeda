package io.p2pviewer.engine.scheduler;

/**
 * What the scheduler knows of one connected peer.
 *
 * @param downloading true while we download from it (one download per peer at a time, as browsers do)
 * @param bytesPerSecond measured speed of its past transfers to us, 0 when unknown
 */
public record PeerState(String id, boolean downloading, double bytesPerSecond) {
}
