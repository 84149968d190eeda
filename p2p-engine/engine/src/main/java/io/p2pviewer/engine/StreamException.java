package io.p2pviewer.engine;

/** Opening a stream failed; {@link #kind()} says why and the message says it in words a person can act on. */
public final class StreamException extends Exception {
    /** Why a stream could not be opened or a playlist could not be loaded. */
    public enum Kind { BAD_URL, UNREACHABLE, HTTP_STATUS, MALFORMED_PLAYLIST, TOO_LARGE, TIMEOUT, CLOSED }

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
