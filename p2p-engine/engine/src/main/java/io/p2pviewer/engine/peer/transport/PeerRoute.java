package io.p2pviewer.engine.peer.transport;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a connection reaches its peer: the ICE candidate types of the selected candidate pair, ours and the
 * remote's ({@code host}, {@code srflx}, {@code prflx}, {@code relay}), or {@link #UNKNOWN} while not known (or on
 * a transport without ICE). Immutable.
 *
 * @param local  our candidate's type, "" when unknown
 * @param remote the remote candidate's type, "" when unknown
 */
public record PeerRoute(String local, String remote) {
    private static final Set<String> TYPES = Set.of("host", "srflx", "prflx", "relay");
    /** No route known (not connected yet, or a transport without ICE). */
    public static final PeerRoute UNKNOWN = new PeerRoute("", "");

    public PeerRoute {
        local = normalise(local);
        remote = normalise(remote);
    }

    /** Whether bytes on this route pass through a TURN relay (either side's candidate is a relay). */
    public boolean relayed() {
        return local.equals("relay") || remote.equals("relay");
    }

    /** "local/remote", e.g. "relay/relay" or "srflx/prflx"; "" when unknown. */
    public String label() {
        return local.isEmpty() && remote.isEmpty() ? "" : or(local) + "/" + or(remote);
    }

    @Override
    public String toString() {
        return label().isEmpty() ? "unknown" : label();
    }

    private static String or(String type) {
        return type.isEmpty() ? "?" : type;
    }

    private static String normalise(String type) {
        String t = Objects.requireNonNullElse(type, "").trim().toLowerCase(Locale.ROOT);
        return TYPES.contains(t) ? t : "";
    }
}
