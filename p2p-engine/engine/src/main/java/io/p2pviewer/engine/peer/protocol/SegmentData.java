package io.p2pviewer.engine.peer.protocol;

/**
 * The header of a segment upload (command 2; fields {@code i}, {@code s}, {@code r}, in that order on the wire): raw
 * payload messages with {@code totalBytes} bytes in all follow, then {@link SegmentDataSendingCompleted}.
 *
 * <p>{@code totalBytes} may be 0 here (browser peers have been seen sending it); refusing empty or size-mismatched
 * segments is the session's job.
 *
 * @param segmentId  the requested segment's id
 * @param requestId  the request id of the {@link SegmentRequest} being answered
 * @param totalBytes the number of payload bytes that follow (the rest of the segment when the request had an offset)
 */
public record SegmentData(long segmentId, int requestId, long totalBytes) implements PeerCommand {
    public SegmentData {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
        CommandValues.safeNonNegative(totalBytes, "total bytes");
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENT_DATA;
    }
}
