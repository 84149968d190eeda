package io.p2pviewer.sim;

import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated tracker, as a WebTorrent tracker pairs browsers: each announce (on joining, then every announce
 * interval, or sooner when an engine asks for more peers) pairs the member with up to {@code peersPerAnnounce}
 * members of its swarm picked at random, and each pair's connection opens {@code connectDelay} (drawn in
 * [min, max]: tracker round trips and ICE) after the announce. Two members both behind NAT are paired but never
 * connect (ICE fails). Unlike a real tracker, a pair is not offered again within one announce interval, so two
 * members never connect to each other twice at once (the engine would refuse the second channel on both sides);
 * later, a pair still connected is offered again and refused by the engine, and a pair whose connection was
 * dropped reconnects, as with a real tracker.
 *
 * <p>It runs in partition 0. Engines reach it, and it reaches them, one {@code hop} later (at least the
 * simulation's lookahead), and the connect delay counts both hops, so a connection opens {@code connectDelay}
 * after the engine's announce as before. Its state (rosters, pairings, its random draws) is touched by the
 * tracker's tasks only, so its choices are the same whatever the thread timing.
 */
final class SimTracker {
    private static final int TRACKER_PARTITION = 0;

    /** One engine in one swarm. */
    private static final class Member {
        final String peerId;
        final SimNode node;
        final SwarmSignalling.PeerListener listener;
        /** The engine's side (its partition): true once it stopped announcing. */
        boolean closed;
        /** The tracker's side: members paired with this one, and when (virtual ns). */
        final Map<Member, Long> partners = new HashMap<>();
        Cancellable reannounce = Cancellable.NONE;
        boolean gone;

        Member(String peerId, SimNode node, SwarmSignalling.PeerListener listener) {
            this.peerId = peerId;
            this.node = node;
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

    private final LinkNetwork links;
    private final Partitions partitions;
    private final VirtualTimeScheduler scheduler;
    private final Scenario.Tracker config;
    private final long hop;
    private final Random random;
    private final Map<String, Roster> swarms = new HashMap<>();

    /**
     * @param hop one-way delay between an engine and the tracker, virtual ns: at least the partitions' lookahead
     *            (when there are several), and at most half the shortest connect delay
     */
    SimTracker(LinkNetwork links, Partitions partitions, Scenario.Tracker config, long seed, long hop) {
        if (2 * hop > config.connectDelayMin().toNanos()) {
            throw new IllegalArgumentException("the tracker hop (" + hop + " ns) must be at most half the shortest "
                    + "connect delay (" + config.connectDelayMin() + ")");
        }
        this.links = links;
        this.partitions = partitions;
        this.scheduler = partitions.scheduler(TRACKER_PARTITION);
        this.config = config;
        this.hop = hop;
        this.random = new Random(seed);
    }

    /** The signalling of the engine on {@code node}. */
    SwarmSignalling.Factory factory(SimNode node) {
        return (infoHash, peerId, listener) -> new SwarmSignalling() {
            private final Member me = new Member(peerId, node, listener);

            @Override
            public void start() {
                toTracker(node, () -> {
                    swarms.computeIfAbsent(infoHash, k -> new Roster()).add(me);
                    announce(infoHash, me);
                });
            }

            @Override
            public void morePeers(int connected) {
                toTracker(node, () -> {
                    Roster swarm = swarms.get(infoHash);
                    if (!me.gone && swarm != null && swarm.list.size() - 1 > connected) {
                        me.reannounce.cancel();
                        announce(infoHash, me);
                    }
                });
            }

            @Override
            public void close() {
                me.closed = true;
                toTracker(node, () -> {
                    me.gone = true;
                    me.reannounce.cancel();
                    Roster swarm = swarms.get(infoHash);
                    if (swarm != null) {
                        swarm.remove(me);
                    }
                    for (Member m : me.partners.keySet()) {
                        m.partners.remove(me);
                    }
                    me.partners.clear();
                });
            }
        };
    }

    private void toTracker(SimNode from, Runnable task) {
        partitions.postAfter(from.partition(), TRACKER_PARTITION, hop, task);
    }

    /** Tracker partition: pairs {@code me} with members at random and schedules their connections. */
    private void announce(String infoHash, Member me) {
        if (me.gone) {
            return;
        }
        long now = scheduler.nanos();
        long span = config.connectDelayMax().minus(config.connectDelayMin()).toNanos();
        for (Member m : pick(swarms.get(infoHash), me, now)) {
            me.partners.put(m, now);
            m.partners.put(me, now);
            long jitter = span == 0 ? 0 : (long) (random.nextDouble() * span);
            long delay = config.connectDelayMin().toNanos() + jitter;
            scheduler.scheduleNanos(delay - 2 * hop, () -> connect(infoHash, me, m));
        }
        me.reannounce = scheduler.scheduleNanos(config.announceInterval().toNanos(), () -> announce(infoHash, me));
    }

    /**
     * Up to peersPerAnnounce members of the roster other than {@code me} and its recent partners, at random: random
     * probes first (large swarms), then a scan of what is left (small swarms).
     */
    private List<Member> pick(Roster roster, Member me, long now) {
        List<Member> out = new ArrayList<>();
        int want = config.peersPerAnnounce();
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
        return at != null && now - at < config.announceInterval().toNanos();
    }

    /** Tracker partition: opens a connection between two members still in the swarm, unless both are behind NAT. */
    private void connect(String infoHash, Member offerer, Member answerer) {
        Roster swarm = swarms.get(infoHash);
        if (swarm == null || !swarm.contains(offerer) || !swarm.contains(answerer)
                || (offerer.node.behindNat() && answerer.node.behindNat())) {
            return;
        }
        SimChannel[] ends = SimChannel.pair(links, offerer.node, answerer.node);
        partitions.postAfter(TRACKER_PARTITION, answerer.node.partition(), hop,
                () -> opened(answerer, offerer.peerId, ends[1]));
        partitions.postAfter(TRACKER_PARTITION, offerer.node.partition(), hop,
                () -> opened(offerer, answerer.peerId, ends[0]));
    }

    /** The member's partition: hands the open channel to its engine, or closes it if the engine left. */
    private static void opened(Member m, String remotePeerId, SimChannel channel) {
        if (m.closed) {
            channel.close();
        } else {
            m.listener.onPeer(remotePeerId, channel);
        }
    }
}
