package io.p2pviewer.engine.source;

import io.p2pviewer.engine.SegmentId;
import java.net.URI;

/**
 * What a source needs to fetch one segment.
 *
 * @param uri the segment's absolute origin URI (with whatever token the origin put in it)
 * @param offset first byte of a byte-range segment, 0 otherwise
 * @param length length of a byte-range segment, -1 for the whole resource
 */
public record SegmentRequest(SegmentId id, URI uri, long offset, long length, double durationSeconds) {
}
