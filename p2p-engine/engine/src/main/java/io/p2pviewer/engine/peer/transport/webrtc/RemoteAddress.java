package io.p2pviewer.engine.peer.transport.webrtc;

/**
 * The remote address of a connection as shown in logs and the UI, read from the first ICE candidate of the
 * remote SDP and masked by default ({@code 10.200.x.x}, {@code 2001:db8:x:x}); stateless.
 */
final class RemoteAddress {
    /** Shown when the SDP names no usable candidate. */
    static final String UNKNOWN = "unknown";

    private RemoteAddress() {
    }

    /** The address of the first candidate in the SDP, masked unless {@code reveal}. */
    static String fromSdp(String sdp, boolean reveal) {
        if (sdp == null) {
            return UNKNOWN;
        }
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("a=candidate:")) {
                // a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...
                String[] f = line.trim().split(" ");
                if (f.length >= 8) {
                    return reveal ? f[4] : mask(f[4]);
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * The unmasked address of the first candidate in the SDP, "" when none or an mDNS name (random per connection,
     * so it says nothing about who is behind it): a key for per-address limits, never shown.
     */
    static String hostOf(String sdp) {
        String host = fromSdp(sdp, true);
        return host.equals(UNKNOWN) || host.endsWith(".local") ? "" : host;
    }

    /** Keeps the network part a user may recognise (two IPv4 octets, two IPv6 groups) and hides the rest. */
    static String mask(String address) {
        if (address.endsWith(".local")) {
            return "mdns";
        }
        if (address.contains(":")) {
            String[] groups = address.split(":");
            if (groups.length >= 2 && !groups[0].isEmpty()) {
                return groups[0] + ":" + groups[1] + ":x:x";
            }
            return "ipv6";
        }
        String[] octets = address.split("\\.");
        if (octets.length == 4) {
            return octets[0] + "." + octets[1] + ".x.x";
        }
        return UNKNOWN;
    }
}
