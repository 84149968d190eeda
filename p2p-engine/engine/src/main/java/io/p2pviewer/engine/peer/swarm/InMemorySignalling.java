package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.transport.PeerTransport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signalling without a tracker, for tests: every member of a swarm connects at once, through its
 * {@link PeerTransport} (offer, answer, channel), to every member that joined before it. The swarm simulator models
 * a tracker of its own ({@code sim.SimTracker}).
 *
 * <p>Thread-safe; listeners are called on the thread that completes the transport's futures.
 */
public final class InMemorySignalling {
    /** One engine in one swarm. */
    private record Member(String peerId, PeerTransport transport, SwarmSignalling.PeerListener listener) {
    }

    private final Map<String, List<Member>> swarms = new HashMap<>();

    /** The signalling factory of one engine, which connects through {@code transport}. */
    public SwarmSignalling.Factory factory(PeerTransport transport) {
        return (infoHash, peerId, listener) -> new SwarmSignalling() {
            private final Member me = new Member(peerId, transport, listener);

            @Override
            public void start() {
                List<Member> before;
                synchronized (InMemorySignalling.this) {
                    List<Member> swarm = swarms.computeIfAbsent(infoHash, k -> new ArrayList<>());
                    before = List.copyOf(swarm);
                    swarm.add(me);
                }
                for (Member other : before) {
                    connect(me, other);
                }
            }

            @Override
            public void close() {
                synchronized (InMemorySignalling.this) {
                    List<Member> swarm = swarms.get(infoHash);
                    if (swarm != null) {
                        swarm.remove(me);
                    }
                }
            }
        };
    }

    private static void connect(Member offerer, Member answerer) {
        offerer.transport().createOffer().thenAccept(offer ->
                answerer.transport().answer(offer.sdp()).thenAccept(answered -> {
                    answered.channel().thenAccept(ch -> answerer.listener().onPeer(offerer.peerId(), ch));
                    offer.accept(answered.sdp()).thenAccept(ch -> offerer.listener().onPeer(answerer.peerId(), ch));
                }));
    }
}
