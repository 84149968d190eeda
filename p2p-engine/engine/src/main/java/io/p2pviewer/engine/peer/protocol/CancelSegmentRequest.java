package io.p2pviewer.engine.peer.protocol;

/**
 * A requester giving up a request (command 5; fields {@code i}, {@code r}): the uploader stops sending payload for it.
 *
 * @param segmentId the segment's id
 * @param requestId the request id of the {@link SegmentRequest} concerned
 */
public record CancelSegmentRequest(long segmentId, int requestId) implements PeerCommand {
    public CancelSegmentRequest {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.CANCEL_SEGMENT_REQUEST;
    }
}
