package io.p2pviewer.engine.peer.protocol;

/**
 * A command of the p2p-media-loader 2.3 peer protocol, sent over a WebRTC data channel between two viewers of one
 * stream swarm.
 *
 * <p>Segment ids and byte counts travel as JavaScript numbers in browser peers, so every such value is limited to
 * {@code 0..}{@link #MAX_SAFE_INTEGER}; the records check this when they are built.
 */
public sealed interface PeerCommand
        permits SegmentsAnnouncement, SegmentRequest, SegmentData, SegmentDataSendingCompleted, SegmentAbsent,
        CancelSegmentRequest {

    /** JavaScript's {@code Number.MAX_SAFE_INTEGER} (2^53 - 1): the largest id or count a browser holds exactly. */
    long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** The wire type of this command. */
    PeerCommandType type();
}
