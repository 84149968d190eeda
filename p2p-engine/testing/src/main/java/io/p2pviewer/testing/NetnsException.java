package io.p2pviewer.testing;

/** A network namespace could not be made, used or removed; the message names the command and its output. */
public final class NetnsException extends RuntimeException {
    public NetnsException(String message) {
        super(message);
    }

    public NetnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
