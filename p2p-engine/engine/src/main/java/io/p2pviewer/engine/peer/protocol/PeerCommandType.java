package io.p2pviewer.engine.peer.protocol;

/** The command codes of the p2p-media-loader 2.3 peer protocol: the first byte of a command body. */
public enum PeerCommandType {
    /** Which segments the sender stores ({@code l}) and is loading over HTTP ({@code p}). */
    SEGMENTS_ANNOUNCEMENT(0),
    /** A request for one segment ({@code i}) under a request id ({@code r}), maybe from a byte offset ({@code b}). */
    SEGMENT_REQUEST(1),
    /** The start of a segment upload: total byte count ({@code s}); raw payload messages follow. */
    SEGMENT_DATA(2),
    /** The end of a segment upload: every payload byte has been sent. */
    SEGMENT_DATA_SENDING_COMPLETED(3),
    /** The answer to a request for a segment the sender does not have. */
    SEGMENT_ABSENT(4),
    /** The requester gives up a request; the uploader stops sending. */
    CANCEL_SEGMENT_REQUEST(5);

    /** By wire code: {@code values()} copies its array on every call, and every received command looks one up. */
    private static final PeerCommandType[] BY_CODE = values();

    private final int code;

    PeerCommandType(int code) {
        this.code = code;
    }

    /** The command code on the wire. */
    public int code() {
        return code;
    }

    /** The type with wire code {@code code}, or null if there is none. */
    static PeerCommandType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
