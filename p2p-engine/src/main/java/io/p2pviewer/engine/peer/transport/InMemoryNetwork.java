package io.p2pviewer.engine.peer.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network in memory for {@link InMemoryPeerTransport}s: offers are looked up by the id in their SDP, and
 * messages are delivered through one executor (in order, off the sender's thread), when its {@link LinkModel}
 * says they arrive (at once by default). For unit tests and the simulator; real connections are tested with
 * {@code WebRtcPeerTransport}.
 */
public final class InMemoryNetwork {
    private final Executor delivery;
    private final LinkModel links;
    private final AtomicLong ids = new AtomicLong();
    final Map<String, InMemoryPeerTransport.Offer> offers = new ConcurrentHashMap<>();

    /** @param delivery runs every message delivery and every close notification, in submission order */
    public InMemoryNetwork(Executor delivery) {
        this(delivery, LinkModel.immediate(delivery));
    }

    /**
     * @param delivery runs every close notification, and every message delivery of the default link model
     * @param links when messages arrive and which transports can connect
     */
    public InMemoryNetwork(Executor delivery, LinkModel links) {
        this.delivery = delivery;
        this.links = links;
    }

    public InMemoryPeerTransport transport(String name) {
        return new InMemoryPeerTransport(this, name);
    }

    Executor delivery() {
        return delivery;
    }

    LinkModel links() {
        return links;
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }
}
