package io.p2pviewer.app.demo;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/**
 * Whether this machine has a network WebRTC can use. libwebrtc (webrtc-java 0.14.0) ignores loopback interfaces and
 * offers no way to use them (measured: LoopbackOnlyWebRtcIT), so on a machine whose only interface is loopback the
 * demo's peers cannot connect and the demo shows CDN only.
 */
public final class LocalNetworks {
    private LocalNetworks() {
    }

    /** True if no interface is up, other than loopback, with an address (an offline laptop); false if unsure. */
    public static boolean onlyLoopback() {
        try {
            List<NetworkInterface> all = NetworkInterface.networkInterfaces().toList();
            for (NetworkInterface i : all) {
                if (i.isUp() && !i.isLoopback() && i.inetAddresses().findAny().isPresent()) {
                    return false;
                }
            }
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
