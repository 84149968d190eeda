package io.p2pviewer.engine.peer.protocol;

/**
 * The answer to a request for a segment the sender does not have (command 4; fields {@code i}, {@code r}): the
 * requester should try elsewhere.
 *
 * @param segmentId the segment's id
 * @param requestId the request id of the {@link SegmentRequest} concerned
 */
public record SegmentAbsent(long segmentId, int requestId) implements PeerCommand {
    public SegmentAbsent {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENT_ABSENT;
    }
}
