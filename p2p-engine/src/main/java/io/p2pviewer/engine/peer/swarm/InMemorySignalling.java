package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.transport.PeerTransport;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Signalling without a tracker, for tests and the simulator, connecting members of a swarm through their
 * {@link PeerTransport}s (offer, answer, channel) as a tracker would arrange.
 *
 * <p>By default every member connects at once to every member that joined before it. With a {@link Tracker}
 * model it behaves like a WebTorrent tracker instead: each announce (on joining, then every announce interval)
 * pairs the member with up to {@code peersPerAnnounce} members picked at random, and each connection opens after a
 * random delay in [connectDelayMin, connectDelayMax] (tracker round trips and ICE). Unlike a real tracker, a pair
 * is not offered again within one announce interval, so two members never connect to each other twice at once
 * (the engine would refuse the second channel on both sides); later, a pair still connected is offered again and
 * refused by the engine, and a pair whose connection was dropped reconnects, as with a real tracker.
 *
 * <p>Thread-safe; listeners are called on the thread that completes the transport's futures (with a tracker
 * model, on the scheduler's thread).
 */
public final class InMemorySignalling {
    /**
     * How the simulated tracker hands out peers.
     *
     * @param peersPerAnnounce most peers one announce connects to (browsers make 5 offers per announce)
     * @param announceInterval time between announces of a member (trackers ask for 120 s)
     * @param connectDelayMin shortest time from announce to open channel
     * @param connectDelayMax longest time from announce to open channel
     * @param seed seeds the random choice of peers and delays
     */
    public record Tracker(int peersPerAnnounce, Duration announceInterval, Duration connectDelayMin,
                          Duration connectDelayMax, long seed) {
        public Tracker {
            if (peersPerAnnounce < 1) {
                throw new IllegalArgumentException("peersPerAnnounce must be at least 1, got " + peersPerAnnounce);
            }
            if (announceInterval.isNegative() || announceInterval.isZero()) {
                throw new IllegalArgumentException("announceInterval must be positive, got " + announceInterval);
            }
            if (connectDelayMin.isNegative() || connectDelayMax.compareTo(connectDelayMin) < 0) {
                throw new IllegalArgumentException("connect delays must satisfy 0 <= min <= max, got "
                        + connectDelayMin + " and " + connectDelayMax);
            }
        }
    }

    /** One engine in one swarm, and the members it is paired with (tracker model only). */
    private static final class Member {
        final String peerId;
        final PeerTransport transport;
        final SwarmSignalling.PeerListener listener;
        /** Members paired with this one, and when (scheduler clock millis). */
        final Map<Member, Long> partners = new HashMap<>();

        Member(String peerId, PeerTransport transport, SwarmSignalling.PeerListener listener) {
            this.peerId = peerId;
            this.transport = transport;
            this.listener = listener;
        }
    }

    /** The members of one swarm: a list for random picks, an index for removal in constant time. */
    private static final class Roster {
        final List<Member> list = new ArrayList<>();
        final Map<Member, Integer> index = new HashMap<>();

        void add(Member m) {
            index.put(m, list.size());
            list.add(m);
        }

        void remove(Member m) {
            Integer i = index.remove(m);
            if (i == null) {
                return;
            }
            Member last = list.remove(list.size() - 1);
            if (last != m) {
                list.set(i, last);
                index.put(last, i);
            }
        }

        boolean contains(Member m) {
            return index.containsKey(m);
        }
    }

    private final Map<String, Roster> swarms = new HashMap<>();
    private final TaskScheduler scheduler;
    private final Tracker tracker;
    private final Random random;

    /** Every member connects at once to every earlier member. */
    public InMemorySignalling() {
        this.scheduler = null;
        this.tracker = null;
        this.random = null;
    }

    /** Members are paired as {@code tracker} says, with delays on {@code scheduler}. */
    public InMemorySignalling(TaskScheduler scheduler, Tracker tracker) {
        this.scheduler = scheduler;
        this.tracker = tracker;
        this.random = new Random(tracker.seed());
    }

    /** The signalling factory of one engine, which connects through {@code transport}. */
    public SwarmSignalling.Factory factory(PeerTransport transport) {
        return (infoHash, peerId, listener) -> new SwarmSignalling() {
            private final Member me = new Member(peerId, transport, listener);
            private Cancellable reannounce = Cancellable.NONE;
            private boolean closed;

            @Override
            public void start() {
                if (tracker == null) {
                    List<Member> before;
                    synchronized (InMemorySignalling.this) {
                        Roster swarm = swarms.computeIfAbsent(infoHash, k -> new Roster());
                        before = List.copyOf(swarm.list);
                        swarm.add(me);
                    }
                    for (Member other : before) {
                        connect(me, other);
                    }
                    return;
                }
                synchronized (InMemorySignalling.this) {
                    swarms.computeIfAbsent(infoHash, k -> new Roster()).add(me);
                }
                announce();
            }

            @Override
            public void morePeers(int connected) {
                int members;
                synchronized (InMemorySignalling.this) {
                    Roster swarm = swarms.get(infoHash);
                    members = swarm == null ? 0 : swarm.list.size();
                }
                if (tracker != null && members - 1 > connected) {
                    reannounce.cancel();
                    announce();
                }
            }

            private void announce() {
                List<Member> picked = new ArrayList<>();
                List<Duration> delays = new ArrayList<>();
                synchronized (InMemorySignalling.this) {
                    if (closed) {
                        return;
                    }
                    long now = scheduler.clock().millis();
                    for (Member m : pick(swarms.get(infoHash), me, now)) {
                        me.partners.put(m, now);
                        m.partners.put(me, now);
                        picked.add(m);
                        long span = tracker.connectDelayMax().minus(tracker.connectDelayMin()).toNanos();
                        long jitter = span == 0 ? 0 : (long) (random.nextDouble() * span);
                        delays.add(tracker.connectDelayMin().plusNanos(jitter));
                    }
                }
                for (int i = 0; i < picked.size(); i++) {
                    Member other = picked.get(i);
                    scheduler.schedule(delays.get(i), () -> {
                        if (stillMembers(infoHash, me, other)) {
                            connect(me, other);
                        }
                    });
                }
                reannounce = scheduler.schedule(tracker.announceInterval(), this::announce);
            }

            @Override
            public void close() {
                synchronized (InMemorySignalling.this) {
                    closed = true;
                    Roster swarm = swarms.get(infoHash);
                    if (swarm != null) {
                        swarm.remove(me);
                    }
                    for (Member m : me.partners.keySet()) {
                        m.partners.remove(me);
                    }
                    me.partners.clear();
                }
                reannounce.cancel();
            }
        };
    }

    /**
     * Up to peersPerAnnounce members of the roster other than {@code me} and its recent partners, at random: random
     * probes first (large swarms), then a scan of what is left (small swarms). Caller holds the lock.
     */
    private List<Member> pick(Roster roster, Member me, long now) {
        List<Member> out = new ArrayList<>();
        int want = tracker.peersPerAnnounce();
        int size = roster.list.size();
        if (size > 4 * want) {
            for (int probe = 0; probe < 8 * want && out.size() < want; probe++) {
                Member m = roster.list.get(random.nextInt(size));
                if (m != me && !recent(me, m, now) && !out.contains(m)) {
                    out.add(m);
                }
            }
            if (out.size() == want) {
                return out;
            }
        }
        List<Member> candidates = new ArrayList<>();
        for (Member m : roster.list) {
            if (m != me && !recent(me, m, now) && !out.contains(m)) {
                candidates.add(m);
            }
        }
        while (out.size() < want && !candidates.isEmpty()) {
            out.add(candidates.remove(random.nextInt(candidates.size())));
        }
        return out;
    }

    private boolean recent(Member me, Member other, long now) {
        Long at = me.partners.get(other);
        return at != null && now - at < tracker.announceInterval().toMillis();
    }

    private synchronized boolean stillMembers(String infoHash, Member a, Member b) {
        Roster swarm = swarms.get(infoHash);
        return swarm != null && swarm.contains(a) && swarm.contains(b);
    }

    private static void connect(Member offerer, Member answerer) {
        offerer.transport.createOffer().thenAccept(offer ->
                answerer.transport.answer(offer.sdp()).thenAccept(answered -> {
                    answered.channel().thenAccept(ch -> answerer.listener.onPeer(offerer.peerId, ch));
                    offer.accept(answered.sdp()).thenAccept(ch -> offerer.listener.onPeer(answerer.peerId, ch));
                }));
    }
}
