package io.p2pviewer.engine.proxy;

/** Why the proxy cannot answer a request: an HTTP status for the player and a message for the log. */
public final class ProxyFailure extends RuntimeException {
    private final int status;

    public ProxyFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
