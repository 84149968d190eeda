package io.p2pviewer.engine.peer.protocol;

/**
 * A request for one segment (command 1; fields {@code i}, {@code r}, {@code b}).
 *
 * @param segmentId the segment's id within the stream swarm (see {@code SwarmIds.segmentId})
 * @param requestId the requester's id for this request, echoed in every answer
 * @param byteFrom  the offset to resume from, or null for the whole segment. Upstream leaves the field out when it is
 *                  0, so 0 is stored as null: a request from offset 0 and a request without an offset are one value
 */
public record SegmentRequest(long segmentId, int requestId, Long byteFrom) implements PeerCommand {
    public SegmentRequest {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
        if (byteFrom != null) {
            CommandValues.safeNonNegative(byteFrom, "byte offset");
            if (byteFrom == 0) {
                byteFrom = null;
            }
        }
    }

    /** A request for the whole segment. */
    public SegmentRequest(long segmentId, int requestId) {
        this(segmentId, requestId, null);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENT_REQUEST;
    }
}
