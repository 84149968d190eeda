package io.p2pviewer.engine.source;

import io.p2pviewer.engine.SegmentId;
import java.net.URI;

/**
 * What a source needs to fetch one segment.
 *
 * @param uri the segment's absolute origin URI (with whatever token the origin put in it)
 * @param offset the first byte to fetch: 0, the start of a byte-range segment, or where the bytes a peer sent of
 *               it end
 * @param length how many bytes to fetch, -1 for all from {@code offset} to the end of the resource
 */
public record SegmentRequest(SegmentId id, URI uri, long offset, long length, double durationSeconds) {
}
