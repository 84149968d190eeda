package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.time.EngineThread;
import java.util.HashMap;
import java.util.Map;

/**
 * How many of a swarm's peer slots one remote address may take ({@link #MAX_PER_ADDRESS}): a Sybil that reconnects
 * under ever new peer ids from one machine fills at most that many of the {@link Swarm#MAX_PEERS} slots, and the
 * rest stay for other viewers. Several honest viewers behind one NAT share an address, hence more than one.
 * Addresses are {@code PeerChannel.remoteHost()}; an unknown address ("", e.g. a browser's mDNS name) is not
 * limited. Engine thread only.
 */
@EngineThread
final class AddressSlots {
    /** Connected peers one remote address may have in a swarm. */
    static final int MAX_PER_ADDRESS = 4;

    private final Map<String, Integer> taken = new HashMap<>();

    /** Whether {@code host} already has all the slots it may have. */
    boolean full(String host) {
        return !host.isEmpty() && taken.getOrDefault(host, 0) >= MAX_PER_ADDRESS;
    }

    /** Takes a slot for a peer from {@code host} (check {@link #full} first). */
    void take(String host) {
        if (!host.isEmpty()) {
            taken.merge(host, 1, Integer::sum);
        }
    }

    /** Gives back the slot of a peer from {@code host} that left. */
    void release(String host) {
        if (!host.isEmpty()) {
            taken.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** Addresses holding slots (for bounds checks). */
    int addresses() {
        return taken.size();
    }
}
