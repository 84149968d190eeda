package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server for ICE, as in the browser's RTCIceServer.
 *
 * @param urls     one or more {@code stun:}, {@code turn:} or {@code turns:} URLs
 * @param username TURN user name, or {@code null}
 * @param password TURN credential, or {@code null}; neither it nor the user name is shown by {@link #toString()}
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
                throw new IllegalArgumentException("not a STUN/TURN URL: " + withoutQuery(url));
            }
            int q = url.indexOf('?');
            if (q >= 0 && !url.substring(q).matches("\\?transport=(udp|tcp)")) {
                // libwebrtc takes only this query; given another (a "&token=..." after it) it crashed the JVM
                throw new IllegalArgumentException("unusable STUN/TURN URL " + withoutQuery(url)
                        + ": the only query WebRTC takes is ?transport=udp or ?transport=tcp");
            }
        }
    }

    /** The URL without its query, where some deployments put tokens: for messages. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    /** A server without credentials (typically STUN). */
    public static IceServer of(String... urls) {
        return new IceServer(List.of(urls), null, null);
    }

    /** Whether one of its URLs is a TURN server ({@code turn:} or {@code turns:}). */
    public boolean isTurn() {
        return urls.stream().anyMatch(u -> u.startsWith("turn:") || u.startsWith("turns:"));
    }

    /** The URLs, without their queries, and whether credentials are set; never the credentials themselves. */
    @Override
    public String toString() {
        List<String> shown = urls.stream().map(u -> u.indexOf('?') < 0 ? u : u.substring(0, u.indexOf('?')))
                .toList(); // the query: only ?transport=, nothing secret, but no need to show it
        return "IceServer" + shown + (username == null && password == null ? "" : " (with credentials)");
    }
}
