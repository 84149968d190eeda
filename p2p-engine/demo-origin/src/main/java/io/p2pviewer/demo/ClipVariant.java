package io.p2pviewer.demo;

import java.util.List;
import java.util.Objects;

/**
 * One variant (rendition) of the demo clip with its segments and the attributes its master
 * playlist entry advertises.
 *
 * @param name             the variant's name and directory, e.g. {@code 720p}
 * @param width            the picture width in pixels
 * @param height           the picture height in pixels
 * @param frameRate        frames per second
 * @param bandwidth        peak segment bitrate of the served (encrypted) segments, bits per second
 * @param averageBandwidth mean bitrate of the served segments, bits per second
 * @param codecs           the RFC 6381 codecs string, e.g. {@code avc1.64001f,mp4a.40.2}
 * @param segments         the clip's segments in play order
 */
record ClipVariant(
        String name,
        int width,
        int height,
        int frameRate,
        long bandwidth,
        long averageBandwidth,
        String codecs,
        List<ClipSegment> segments) {

    ClipVariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codecs, "codecs");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("variant " + name + " has no segments");
        }
    }

    /** The clip segment played at the given media sequence number (the clip loops). */
    ClipSegment segmentAt(long mediaSequence) {
        return segments.get((int) Math.floorMod(mediaSequence, (long) segments.size()));
    }
}
