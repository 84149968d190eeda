package io.p2pviewer.engine.scheduler;

/**
 * What the scheduler knows of one connected peer.
 *
 * @param downloading true while we download from it (one download per peer at a time, as browsers do)
 * @param busy true for a moment after it answered that it cannot send a segment it announced (it is uploading to
 *             another peer): it is not asked for anything meanwhile
 * @param bytesPerSecond measured speed of its past transfers to us, 0 when unknown
 * @param sendsParts it may be asked for a part of a segment (a byte offset): an engine peer, which declares the
 *                   whole segment's size and sends from the offset to its end. p2p-media-loader's browsers declare
 *                   the sliced length instead, so they are asked for whole segments only; so is a peer that took
 *                   part in a segment joined from parts that failed verification (we cannot tell whose part was bad)
 * @param announcedBytesPerSecond the uplink the peer announced it measured (engine peers), 0 when not told
 */
public record PeerState(String id, boolean downloading, boolean busy, double bytesPerSecond, boolean sendsParts,
                        double announcedBytesPerSecond) {
    /** A peer that announced no uplink. */
    public PeerState(String id, boolean downloading, boolean busy, double bytesPerSecond, boolean sendsParts) {
        this(id, downloading, busy, bytesPerSecond, sendsParts, 0);
    }

    public PeerState(String id, boolean downloading, double bytesPerSecond) {
        this(id, downloading, false, bytesPerSecond);
    }

    /** A peer asked for whole segments only. */
    public PeerState(String id, boolean downloading, boolean busy, double bytesPerSecond) {
        this(id, downloading, busy, bytesPerSecond, false);
    }
}
