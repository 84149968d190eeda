package io.p2pviewer.engine.peer.protocol;

/**
 * The end of a segment upload (command 3; fields {@code i}, {@code r}): every payload byte announced by
 * {@link SegmentData} has been sent.
 *
 * @param segmentId the segment's id
 * @param requestId the request id of the {@link SegmentRequest} concerned
 */
public record SegmentDataSendingCompleted(long segmentId, int requestId) implements PeerCommand {
    public SegmentDataSendingCompleted {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENT_DATA_SENDING_COMPLETED;
    }
}
