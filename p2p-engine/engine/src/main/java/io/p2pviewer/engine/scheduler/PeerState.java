package io.p2pviewer.engine.scheduler;

/**
 * What the scheduler knows of one connected peer.
 *
 * @param downloading true while we download from it (one download per peer at a time, as browsers do)
 * @param busy true for a moment after it answered that it cannot send a segment it announced (it is uploading to
 *             another peer): it is not asked for anything meanwhile
 * @param bytesPerSecond measured speed of its past transfers to us, 0 when unknown
 */
public record PeerState(String id, boolean downloading, boolean busy, double bytesPerSecond) {
    public PeerState(String id, boolean downloading, double bytesPerSecond) {
        this(id, downloading, false, bytesPerSecond);
    }
}
