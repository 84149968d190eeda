package io.p2pviewer.engine.peer.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network in memory for {@link InMemoryPeerTransport}s, for unit tests: offers are looked up by the id in their
 * SDP, and every message and close notification is delivered at once through one executor (in order, off the
 * sender's thread). Real connections are tested with {@code WebRtcPeerTransport}; the swarm simulator has
 * channels of its own that charge latency and link capacity ({@code sim.SimChannel}).
 */
public final class InMemoryNetwork {
    private final Executor delivery;
    private final AtomicLong ids = new AtomicLong();
    final Map<String, InMemoryPeerTransport.Offer> offers = new ConcurrentHashMap<>();

    /** @param delivery runs every message delivery and every close notification, in submission order */
    public InMemoryNetwork(Executor delivery) {
        this.delivery = delivery;
    }

    public InMemoryPeerTransport transport(String name) {
        return new InMemoryPeerTransport(this, name);
    }

    Executor delivery() {
        return delivery;
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }
}
