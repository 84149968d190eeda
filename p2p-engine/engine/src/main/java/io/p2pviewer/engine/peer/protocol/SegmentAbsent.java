package io.p2pviewer.engine.peer.protocol;

/**
 * The answer to a request for a segment the sender does not have, or cannot send now (command 4; fields {@code i},
 * {@code r}, and from engines to engines {@code w}): the requester should try elsewhere.
 *
 * @param segmentId the segment's id
 * @param requestId the request id of the {@link SegmentRequest} concerned
 * @param busyForMs an engine holder whose uplink is busy with another upload says here (field {@code w}, engine
 *                  peers only) in about how many milliseconds, by its measured uplink speed, it could send: the
 *                  requester then asks it nothing until then instead of trying it again and again; null when
 *                  not given (a browser's answer, a segment not held, an uplink not yet measured). p2p-media-loader
 *                  2.3 never sends it and is never sent it; older engines ignore it (unknown fields are skipped)
 */
public record SegmentAbsent(long segmentId, int requestId, Long busyForMs) implements PeerCommand {
    public SegmentAbsent {
        CommandValues.safeNonNegative(segmentId, "segment id");
        CommandValues.requestId(requestId);
        if (busyForMs != null) {
            CommandValues.safeNonNegative(busyForMs, "busy time");
        }
    }

    /** An answer that says nothing of when the sender could send. */
    public SegmentAbsent(long segmentId, int requestId) {
        this(segmentId, requestId, null);
    }

    @Override
    public PeerCommandType type() {
        return PeerCommandType.SEGMENT_ABSENT;
    }
}
