package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server for ICE, as in the browser's RTCIceServer.
 *
 * @param urls     one or more {@code stun:}, {@code turn:} or {@code turns:} URLs
 * @param username TURN user name, or {@code null}
 * @param password TURN credential, or {@code null}; never shown by {@link #toString()}
 */
public record IceServer(List<String> urls, String username, String password) {
    public IceServer {
        Objects.requireNonNull(urls, "urls");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
        for (String url : urls) {
            if (!url.startsWith("stun:") && !url.startsWith("turn:") && !url.startsWith("turns:")) {
                throw new IllegalArgumentException("not a STUN/TURN URL: " + url);
            }
        }
    }

    /** A server without credentials (typically STUN). */
    public static IceServer of(String... urls) {
        return new IceServer(List.of(urls), null, null);
    }

    @Override
    public String toString() {
        return "IceServer" + urls + (username == null ? "" : " user " + username);
    }
}
