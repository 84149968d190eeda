package io.p2pviewer.engine;

/**
 * The identity of a media segment: the track (variant or rendition) it belongs to and its media sequence number.
 *
 * <p>Never derived from the segment URL: CDNs put per-viewer tokens in query strings, so two viewers see different
 * URLs for the same bytes.
 */
public record SegmentId(String track, long mediaSequence) {
    @Override
    public String toString() {
        return track + "#" + mediaSequence;
    }
}
