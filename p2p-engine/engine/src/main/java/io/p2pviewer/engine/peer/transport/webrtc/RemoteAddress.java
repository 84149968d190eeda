package io.p2pviewer.engine.peer.transport.webrtc;

import java.net.InetAddress;
import java.net.UnknownHostException;

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
     * The unmasked address of the first candidate in the SDP when it is a public IP address, else "": a key for
     * per-address limits, never shown. Not limited (""): mDNS names (random per connection), and private, CGNAT,
     * loopback and link-local addresses, which many unrelated viewers share (every household's 192.168.1.2; all
     * engines of one test namespace). The SDP is the remote's own word: a forged candidate slips past this, so it
     * slows a careless Sybil only; the selected candidate pair's source address would be the stronger key.
     */
    static String hostOf(String sdp) {
        String host = fromSdp(sdp, true);
        return isPublicLiteral(host) ? host : "";
    }

    /** Whether {@code host} is an IP literal of a globally routable address (no name is ever resolved). */
    static boolean isPublicLiteral(String host) {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(host); // a literal: parsed, not looked up
            byte[] b = a.getAddress();
            boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            boolean ula = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return !(a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                    || a.isAnyLocalAddress() || a.isMulticastAddress() || cgnat || ula);
        } catch (UnknownHostException e) {
            return false;
        }
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
