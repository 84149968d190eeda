package io.p2pviewer.engine;

/** Opening a stream failed; {@link #kind()} says why and the message says it in words a person can act on. */
public final class StreamException extends Exception {
    /** Why a stream could not be opened or a playlist could not be loaded. */
    /**
     * {@code NOT_TEXT}: the URL serves a media stream or file (MPEG-TS, MP4, audio) or other binary data, not an HLS
     * playlist; {@code MALFORMED_PLAYLIST}: text that is no valid HLS playlist (perhaps a channel list).
     */
    public enum Kind { BAD_URL, UNREACHABLE, HTTP_STATUS, MALFORMED_PLAYLIST, NOT_TEXT, TOO_LARGE, TIMEOUT, CLOSED }

    private final Kind kind;

    public StreamException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StreamException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
