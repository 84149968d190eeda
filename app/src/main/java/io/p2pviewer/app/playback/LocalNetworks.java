package io.p2pviewer.app.playback;

import io.p2pviewer.engine.peer.tracker.PeerReachability;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether this machine has a network WebRTC can use. libwebrtc (webrtc-java 0.14.0) ignores loopback interfaces and
 * offers no way to use them (measured: LoopbackOnlyWebRtcIT), so on a machine whose only interface is loopback the
 * demo's peers cannot connect and the demo shows CDN only, and no TURN server would help either.
 */
public final class LocalNetworks {
    /** What stands for the engine's {@link PeerReachability#UNREACHABLE} on a machine with only loopback. */
    public static final String UNREACHABLE_LOOPBACK_ONLY = "peers found but unreachable: this machine has no network"
            + " besides loopback, which WebRTC ignores (playing from the CDN)";

    private LocalNetworks() {
    }

    /**
     * The engine's notices about reaching peers, with its advice to configure a TURN server replaced by the cause
     * when the machine has only loopback (an offline laptop: a demo, or a tracker and peers on this machine).
     * {@code onlyLoopback} is asked only when that notice is there.
     */
    public static List<String> explained(List<String> notices, BooleanSupplier onlyLoopback) {
        if (!notices.contains(PeerReachability.UNREACHABLE) || !onlyLoopback.getAsBoolean()) {
            return notices;
        }
        return notices.stream().map(n -> n.equals(PeerReachability.UNREACHABLE) ? UNREACHABLE_LOOPBACK_ONLY : n)
                .toList();
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
