package io.p2pviewer.engine.scheduler;

import io.p2pviewer.engine.scheduler.SegmentState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides, for the segments ahead of the player, which to fetch from peers, which from the CDN and which
 * transfers to give up. A pure function of the state it is given (plus a seeded random for peer choice), so it
 * is tested in fake time without a network; the engine thread calls it every tick and carries out its actions.
 *
 * <p>Rules, in order, per segment ahead of the playhead:
 * <ol>
 *   <li>A peer transfer that stalled, or that will not finish before deadline minus the safety margin (judged
 *       once it has run {@link #JUDGE_AFTER} or its segment is in high demand), is abandoned; if the segment is
 *       then in high demand it is fetched from the CDN as FALLBACK.</li>
 *   <li>A missing segment in the high-demand window is fetched from the CDN at once (FALLBACK if a peer fetch of
 *       it failed before).</li>
 *   <li>A missing segment in the P2P window that an idle peer holds is requested from one of them, chosen at
 *       random weighted by measured speed.</li>
 *   <li>A missing segment nobody holds or loads is fetched from the CDN early by the few peers whose hash rank
 *       for it is lowest among the swarm (deterministic per segment, so about
 *       {@code seedersPerSegment} peers of a swarm pay for it); the others wait for their announcements. An
 *       engine that has just joined its swarm does not seed: it cannot yet see who holds what. A narrow seeder
 *       that sees a much wider uplink announced waits {@link #SEED_DEFERRAL} first ({@link #seedDelay}).</li>
 *   <li>While a segment in high demand loads from the CDN (or is sent there in the same plan), rules 3 and 4 ask
 *       nothing for the segments after it: a new transfer would share our downlink with the fetch the player
 *       waits for. On a 10 Mbit/s downlink a lone segment fetch takes 0.6 s, within the 1 s deadline grace;
 *       sharing it with one or two peer downloads of later segments made it 1.0-1.6 s (n100-u0.8r simulated:
 *       84 missed deadlines, 73 with this rule, CDN-only 29). Transfers already running go on. The same holds from
 *       {@link #OWED_LEAD} before the high-demand window for a fetch rule 7 started.</li>
 *   <li>Multi-source (rule 3 when no idle holder alone is in time): a missing segment that two or three idle engine
 *       holders ({@link PeerState#sendsParts}) deliver in time together, by their measured speeds, is asked of all
 *       of them at once, each for a part sized by its speed ({@link Action.RequestParts}); it takes one of the
 *       {@link #MAX_PEER_DOWNLOADS}. A 625 kB segment takes 5 s from a 1 Mbit/s uplink, longer than a neighbour
 *       can wait, so such holders are skipped and their uplinks half idle; three of them deliver it in under 2 s.
 *       The engine asks up to 3 ({@code RelayConfig.DEFAULT_SOURCES}, where the measured gain is written down).</li>
 *   <li>Owed soon: a missing segment within {@link #OWED_LEAD} of its high-demand window (a patient player request
 *       is owed then, and missed 1 s later) is asked of peers only if they end it by {@link #OWED_SLACK} after that
 *       moment, the time a running transfer is judged against; if none can (or no download slot or the tails
 *       forbid asking) it is fetched from the CDN at once, up to a second before it is owed, rather than asked of a
 *       holder whose transfer would be judged too slow a moment later. On 10 Mbit/s downlinks the fallback that
 *       came at the owed moment took 1.0-2.0 s beside one to three peer transfers of later segments (n100-u0.8r
 *       simulated with the wire model, seed 1: 37 missed deadlines, all such; 17 with this rule; CDN only 29).</li>
 * </ol>
 */
public final class DeliveryPlanner {
    /** Speed assumed for a peer never measured: makes new peers eligible without favouring them. */
    static final double UNKNOWN_PEER_SPEED = 1_000_000;
    /** Peer downloads in flight at once, all peers together (as browsers: 3). */
    static final int MAX_PEER_DOWNLOADS = 3;
    /** See {@link #seeders}. */
    static final int PEERS_PER_SEEDER = 10;
    /**
     * Peers an engine must see before a wide uplink takes extra shares of the seeding. A smaller view has one seed
     * per segment anyway, and there one engine with a few shares would seed most segments, though on a LAN or in
     * the demo uplinks differ by measurement noise only (in one CI run of the demo window the app sent its three
     * peers 18 MB and got 2 MB from them: 11 % offload).
     */
    static final int VIEW_FOR_SEED_SHARES = 10;
    /**
     * How long a seeder waits, from when it first planned a segment, before it seeds it, while a peer it sees
     * announces an uplink {@link #WIDER_UPLINK} times ours or more ({@link #seedDelay}). The wide engine seeds every
     * segment nobody holds (it has {@link #WIDE_SEEDER_SHARES} shares or more) and announces the fetch at once; a
     * narrower engine that waits for that announcement asks the wide one instead of paying a copy that then races it
     * for its neighbours' requests. Without announced uplinks an engine cannot tell: it measures its peers through
     * its own downlink, never above about 12 Mbit/s. n100 simulated (seeds 1-4): 83.1 % offload against 81.1 %,
     * the thin-uplink swarm (n100-u0.8r) unchanged; waiting 1 s gained more on n100 and lost 0.6 points thin,
     * 250 ms gained 1 point; waiting j x 250 ms for j lower seeding ranks, with no wide uplink in view as well,
     * lost 2-5 points where the widest uplinks are 20 Mbit/s and on thin uplinks (docs/BENCHMARKS.md).
     */
    static final Duration SEED_DEFERRAL = Duration.ofMillis(500);
    /** See {@link #SEED_DEFERRAL}: how many times our uplink a peer's announced one must be for us to wait. */
    static final double WIDER_UPLINK = 4;
    /** Seed shares from which an engine counts as a wide seeder: it never waits ({@link #seedDelay}). */
    static final int WIDE_SEEDER_SHARES = 10;
    /**
     * A peer transfer is judged too slow only once it has run this long, or once its segment is in high demand.
     * Its first bytes come after the request's round trip and often behind the tail of the peer's previous
     * upload, so an early rate predicts a late finish for transfers that end in time; and each wrong verdict also
     * wastes what the peer had already queued of that upload (before uploads were paced, all of it). Judging from the
     * first bytes: n100 simulated (4 seeds) 68.9 % offload, 556 missed deadlines; after 2 s 76.9 % and 458;
     * after 3 s 79.8 % and 325 (after 4 s, seeds 1-2: more offload, more missed deadlines). Since a given-up
     * transfer's bytes are kept and the CDN sends only the rest, letting it run longer pays: with a 500 ms safety
     * margin, judging after 4 s gave 89.3 % on n100 seeds 1-4 against 88.3 % after 3 s (after 5 s: 88.8 %).
     * A stalled transfer is still given up after {@code stallTimeout}.
     */
    static final Duration JUDGE_AFTER = Duration.ofSeconds(4);
    /**
     * A peer transfer is also judged once its segment is within the high-demand window plus this of its deadline,
     * against finishing by {@link #OWED_SLACK} after the high-demand window begins. A player request made ahead of
     * its need waits for peers until that window begins and is owed from then (the engine's deadline grace, 1 s,
     * counts from there): a transfer first judged at that moment left the CDN fallback under a second, shared with
     * the given-up transfer's tail, and missed it (n100-u0.8r: 65 of 95 missed deadlines, none with CDN only).
     */
    static final Duration OWED_LEAD = Duration.ofMillis(1000);
    /** See {@link #OWED_LEAD}. */
    static final Duration OWED_SLACK = Duration.ofMillis(500);

    private final SchedulerConfig config;
    private final Random random;
    /** Peers that may send parts of one segment at once (rule 6); 1: one peer per segment. */
    private final int maxSources;

    /** A planner that asks one peer per segment. */
    public DeliveryPlanner(SchedulerConfig config, Random random) {
        this(config, random, 1);
    }

    /** @param maxSources how many peers may send parts of one segment at once (rule 6); 1 turns rule 6 off */
    public DeliveryPlanner(SchedulerConfig config, Random random, int maxSources) {
        if (maxSources < 1) {
            throw new IllegalArgumentException("sources per segment must be at least 1: " + maxSources);
        }
        this.config = config;
        this.random = random;
        this.maxSources = maxSources;
    }

    /** Plans for an engine past its join grace (seeding allowed). */
    public List<Action> plan(Instant now, List<SegmentState> segments, Collection<PeerState> peers, String selfId) {
        return plan(now, segments, peers, selfId, true);
    }

    /**
     * @param segments the segments the player waits for or will ask for next, in order, with their deadlines
     * @param peers connected, unbanned peers
     * @param selfId our peer id (for the seeding rank)
     * @param maySeed false while the engine has just joined its swarm: no early CDN fetch of segments nobody
     *                seems to hold (peers that hold them may still be connecting)
     */
    public List<Action> plan(Instant now, List<SegmentState> segments, Collection<PeerState> peers, String selfId,
                             boolean maySeed) {
        return plan(now, segments, peers, selfId, maySeed, true);
    }

    /**
     * @param mayAskPeers false while our downlink still carries the tails of peer transfers we cancelled: a new
     *                    peer transfer would share it with them, look too slow and be cancelled in turn, adding
     *                    a tail (what is due still goes to the CDN)
     */
    public List<Action> plan(Instant now, List<SegmentState> segments, Collection<PeerState> peers, String selfId,
                             boolean maySeed, boolean mayAskPeers) {
        return plan(now, segments, peers, selfId, maySeed ? 1 : 0, mayAskPeers);
    }

    /**
     * @param seedShares how many shares of the seeding we take: 0 while we must not seed, else about how many
     *                   copies of the stream our uplink carries at once (at least 1). The seeding rank threshold
     *                   scales with it, so an engine with a 100 Mbit/s uplink seeds far more of the live edge
     *                   than one with 5 Mbit/s: a segment spreads fastest from where the uplink is widest.
     */
    public List<Action> plan(Instant now, List<SegmentState> segments, Collection<PeerState> peers, String selfId,
                             int seedShares, boolean mayAskPeers) {
        Map<String, PeerState> byId = new LinkedHashMap<>();
        for (PeerState p : peers) {
            byId.putIfAbsent(p.id(), p);
        }
        return plan(now, segments, byId, selfId, seedShares, mayAskPeers);
    }

    /** As above, with the connected peers by id (the swarm keeps them so, saving a map per tick). */
    public List<Action> plan(Instant now, List<SegmentState> segments, Map<String, PeerState> byId, String selfId,
                             int seedShares, boolean mayAskPeers) {
        return plan(now, segments, byId, selfId, seedShares, Duration.ZERO, mayAskPeers);
    }

    /**
     * @param seedDelay how long after a segment was first planned ({@link SegmentState#listedAt}) we may seed it:
     *                  {@link #seedDelay}
     */
    public List<Action> plan(Instant now, List<SegmentState> segments, Map<String, PeerState> byId, String selfId,
                             int seedShares, Duration seedDelay, boolean mayAskPeers) {
        boolean maySeed = seedShares > 0;
        List<Action> actions = new ArrayList<>();
        Busy busy = new Busy();
        int peerDownloads = -1; // counted when first needed: most plans ask no peer
        int peerDownloadsChange = 0;
        long prefetching = 0;
        int extraParts = 0; // peers beyond the first of multi-source transfers: a segment takes one download
        for (SegmentState s : segments) {
            prefetching += s.status() == Status.CDN_LOADING && !inHighDemand(now, s) ? 1 : 0;
            if (s.status() == Status.PEER_LOADING && s.peerTransfer() != null) {
                extraParts += s.peerTransfer().sources() - 1;
            }
        }

        boolean downlinkForUrgent = false; // rule 5
        for (SegmentState s : segments) {
            if (s.deadline() == null) {
                continue;
            }
            Duration left = Duration.between(now, s.deadline());
            if (left.compareTo(config.p2pWindow()) > 0) {
                break;
            }
            boolean urgent = inHighDemand(now, s);
            boolean owedSoon = owedSoon(now, s);
            switch (s.status()) {
                case CACHED, VERIFYING -> { }
                case CDN_LOADING -> downlinkForUrgent |= owedSoon;
                case PEER_LOADING -> {
                    String problem = transferProblem(now, s);
                    if (problem != null) {
                        actions.add(new Action.AbandonPeer(s.mediaSequence(), s.peerTransfer().peer(), problem,
                                silence(now, s.peerTransfer()).compareTo(config.stallTimeout()) >= 0));
                        busy.remove(s.peerTransfer().peer());
                        peerDownloadsChange--;
                        if (urgent) {
                            actions.add(new Action.FetchCdn(s.mediaSequence(), true, problem));
                            downlinkForUrgent = true;
                        }
                    }
                }
                case MISSING -> {
                    if (urgent) {
                        actions.add(new Action.FetchCdn(s.mediaSequence(), s.peerFailed(),
                                s.peerFailed() ? "peer fetch failed, due in " + left.toMillis() + " ms"
                                        : "due in " + left.toMillis() + " ms, no peer delivery planned"));
                        downlinkForUrgent = true;
                        continue;
                    }
                    if (downlinkForUrgent) {
                        continue; // rule 5: nothing new shares the downlink with a due CDN fetch
                    }
                    long budgetMs = budgetMs(now, s, owedSoon);
                    List<PeerState> idle = new ArrayList<>();
                    for (String h : s.holders()) {
                        PeerState p = byId.get(h);
                        if (p != null && !busy.contains(h, p) && inTime(p, s, budgetMs)) {
                            idle.add(p);
                        }
                    }
                    List<PeerState> parts = idle.isEmpty() ? sharedInTime(byId, busy, s, budgetMs) : null;
                    boolean askable = !idle.isEmpty() || parts != null;
                    if (askable && peerDownloads < 0) {
                        peerDownloads = downloading(byId.values()) - extraParts;
                    }
                    if (owedSoon && (!askable || !mayAskPeers
                            || peerDownloads + peerDownloadsChange >= MAX_PEER_DOWNLOADS)) {
                        // rule 7: no peer delivers it before the player's wait is owed; the CDN has a second more
                        actions.add(new Action.FetchCdn(s.mediaSequence(), s.peerFailed(), "due in " + left.toMillis()
                                + " ms, no peer delivers it before it is owed"));
                        downlinkForUrgent = true;
                        continue;
                    }
                    if (askable && !mayAskPeers) {
                        continue; // holders exist: wait for the tails to drain, then ask them
                    }
                    if (askable && peerDownloads + peerDownloadsChange < MAX_PEER_DOWNLOADS) {
                        if (parts != null) {
                            actions.add(new Action.RequestParts(s.mediaSequence(), split(parts, s.sizeHint())));
                            parts.forEach(p -> busy.add(p.id()));
                        } else {
                            PeerState chosen = weightedChoice(idle);
                            actions.add(new Action.RequestPeer(s.mediaSequence(), chosen.id()));
                            busy.add(chosen.id());
                        }
                        peerDownloadsChange++;
                    } else if (maySeed && s.holders().isEmpty() && s.httpLoaders().isEmpty() && !s.peerFailed()
                            && prefetching < config.maxPrefetchCdn()
                            && isSeeder(selfId, byId.keySet(), s.mediaSequence(),
                                    seeders(byId.size()) * seedShares)
                            && listedFor(now, s, seedDelay)) {
                        actions.add(new Action.FetchCdn(s.mediaSequence(), false, "nobody has it; we seed it", true));
                        prefetching++;
                    }
                }
            }
        }
        return actions;
    }

    /**
     * Rule 6: two to {@link #maxSources} idle holders that send parts and whose measured speeds together deliver the
     * segment before its deadline minus the safety margin, drawn at random weighted by speed (so that engines do not
     * all pick the same ones), the fewest that suffice; null when there are none or rule 6 is off. Holders of
     * unknown speed are not here: rule 3 takes them alone.
     */
    private List<PeerState> sharedInTime(Map<String, PeerState> byId, Busy busy, SegmentState s, long budgetMs) {
        if (maxSources < 2 || s.sizeHint() <= 0 || s.holders().size() < 2) {
            return null;
        }
        List<PeerState> candidates = new ArrayList<>();
        for (String h : s.holders()) {
            PeerState p = byId.get(h);
            if (p != null && p.sendsParts() && p.bytesPerSecond() > 0 && !busy.contains(h, p)) {
                candidates.add(p);
            }
        }
        if (candidates.size() < 2) {
            return null;
        }
        List<PeerState> chosen = new ArrayList<>();
        double speed = 0;
        while (chosen.size() < maxSources && !candidates.isEmpty()) {
            PeerState p = weightedChoice(candidates);
            candidates.remove(p);
            chosen.add(p);
            speed += p.bytesPerSecond();
            if (chosen.size() >= 2 && s.sizeHint() * 1000.0 / speed <= budgetMs) {
                return chosen;
            }
        }
        return null;
    }

    /** The parts of a segment of about {@code size} bytes, in the order given, each sized by the peer's speed. */
    static List<Action.Part> split(List<PeerState> peers, long size) {
        double total = 0;
        for (PeerState p : peers) {
            total += p.bytesPerSecond();
        }
        List<Action.Part> parts = new ArrayList<>(peers.size());
        double before = 0;
        for (PeerState p : peers) {
            parts.add(new Action.Part(p.id(), (long) (size * before / total)));
            before += p.bytesPerSecond();
        }
        return parts;
    }

    /** How many of the peers we download from now. */
    private static int downloading(Iterable<PeerState> peers) {
        int n = 0;
        for (PeerState p : peers) {
            n += p.downloading() ? 1 : 0;
        }
        return n;
    }

    /**
     * Peers not to ask in this plan: those downloading or busy, plus those chosen, minus those abandoned in it.
     * Asked with the peer's state rather than built from every peer's state each tick.
     */
    private static final class Busy {
        private final Set<String> added = new HashSet<>(4);
        private final Set<String> removed = new HashSet<>(4);

        /** Whether the peer, whose state is {@code p}, is busy now. */
        boolean contains(String id, PeerState p) {
            if (added.contains(id)) {
                return true;
            }
            return (p.downloading() || p.busy()) && !removed.contains(id);
        }

        void add(String id) {
            added.add(id);
        }

        void remove(String id) {
            added.remove(id);
            removed.add(id);
        }
    }

    /** False when the peer's measured speed says it would not deliver the segment within {@code budgetMs}. */
    private static boolean inTime(PeerState p, SegmentState s, long budgetMs) {
        if (p.bytesPerSecond() <= 0 || s.sizeHint() <= 0) {
            return true;
        }
        double seconds = s.sizeHint() / p.bytesPerSecond();
        return seconds * 1000 <= budgetMs;
    }

    /**
     * How long from now a new peer transfer of the segment may take: until its deadline minus the safety margin, or,
     * once it is owed soon ({@link #OWED_LEAD}), until {@link #OWED_SLACK} after its high-demand window begins, the
     * time {@link #transferProblem} then judges a running transfer against.
     */
    private long budgetMs(Instant now, SegmentState s, boolean owedSoon) {
        Instant latest = owedSoon ? s.deadline().minus(config.highDemand()).plus(OWED_SLACK)
                : s.deadline().minus(config.safetyMargin());
        return Duration.between(now, latest).toMillis();
    }

    /** Whether the segment is within the high-demand window plus {@link #OWED_LEAD} of its deadline. */
    private boolean owedSoon(Instant now, SegmentState s) {
        return Duration.between(now, s.deadline()).compareTo(config.highDemand().plus(OWED_LEAD)) <= 0;
    }

    private boolean inHighDemand(Instant now, SegmentState s) {
        return s.deadline() != null && Duration.between(now, s.deadline()).compareTo(config.highDemand()) <= 0;
    }

    /** How long the transfer has received nothing. */
    private static Duration silence(Instant now, SegmentState.PeerTransfer t) {
        return Duration.between(t.lastBytesAt() == null ? t.startedAt() : t.lastBytesAt(), now);
    }

    /** Why a peer transfer should be given up, or null while it is on time. */
    private String transferProblem(Instant now, SegmentState s) {
        SegmentState.PeerTransfer t = s.peerTransfer();
        Duration silent = silence(now, t);
        if (silent.compareTo(config.stallTimeout()) >= 0) {
            return "peer " + shortId(t.peer()) + " sent nothing for " + silent.toMillis() + " ms";
        }
        long elapsedMs = Math.max(1, Duration.between(t.startedAt(), now).toMillis());
        boolean owedSoon = owedSoon(now, s);
        boolean judged = elapsedMs >= JUDGE_AFTER.toMillis() || owedSoon;
        if (judged && t.received() > 0 && t.total() > 0) {
            double rate = t.received() * 1000.0 / elapsedMs;
            long remainingMs = (long) ((t.total() - t.received()) * 1000.0 / rate);
            Instant finish = now.plusMillis(remainingMs);
            Instant latest = owedSoon ? s.deadline().minus(config.highDemand()).plus(OWED_SLACK)
                    : s.deadline().minus(config.safetyMargin());
            if (finish.isAfter(latest)) {
                return "peer " + shortId(t.peer()) + " too slow: would finish " + remainingMs + " ms from now, due in "
                        + Duration.between(now, s.deadline()).toMillis() + " ms";
            }
        }
        return null;
    }

    private PeerState weightedChoice(List<PeerState> candidates) {
        double total = 0;
        double[] weights = new double[candidates.size()];
        for (int i = 0; i < weights.length; i++) {
            double speed = candidates.get(i).bytesPerSecond();
            weights[i] = speed > 0 ? speed : UNKNOWN_PEER_SPEED;
            total += weights[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(weights.length - 1);
    }

    /**
     * How many of the lowest ranks seed, for a view of {@code peers} peers plus us: {@code seedersPerSegment} per
     * {@link #PEERS_PER_SEEDER} engines seen (at least one set). A small swarm where all see all gets about one
     * seed per segment; in a large swarm each engine sees a part, and more seeds per part let a live segment
     * spread from several places at once.
     */
    int seeders(int peers) {
        return config.seedersPerSegment() * Math.max(1, (peers + 1) / PEERS_PER_SEEDER);
    }

    /**
     * The seeding shares of an engine allowed to seed ({@link #plan}'s {@code seedShares}): how many times wider
     * its measured uplink is than the typical peer's (the median of the speeds it measured downloading from its
     * peers), at least 1, and 1 until both are known or while it sees fewer than {@link #VIEW_FOR_SEED_SHARES}
     * peers.
     *
     * @param uplinkBytesPerSecond our measured uplink, 0 if not yet measured
     */
    public static int seedShares(double uplinkBytesPerSecond, Collection<PeerState> peers) {
        if (peers.size() < VIEW_FOR_SEED_SHARES || uplinkBytesPerSecond <= 0) {
            return 1;
        }
        double[] speeds = new double[peers.size()];
        int n = 0;
        for (PeerState p : peers) {
            if (p.bytesPerSecond() > 0) {
                speeds[n++] = p.bytesPerSecond();
            }
        }
        if (n == 0) {
            return 1;
        }
        Arrays.sort(speeds, 0, n);
        return (int) Math.max(1, Math.floor(uplinkBytesPerSecond / speeds[n / 2]));
    }

    /**
     * How long after first planning a segment we wait before seeding it ({@link #SEED_DEFERRAL}): while we seed
     * with fewer than {@link #WIDE_SEEDER_SHARES} shares and a peer announces an uplink at least
     * {@link #WIDER_UPLINK} times our measured one; zero otherwise (also while our uplink is not measured).
     *
     * @param seedShares our seed shares ({@link #plan}'s; 0 while we may not seed)
     * @param uplinkBytesPerSecond our measured uplink, 0 if not yet measured
     */
    public static Duration seedDelay(int seedShares, double uplinkBytesPerSecond, Collection<PeerState> peers) {
        if (seedShares <= 0 || seedShares >= WIDE_SEEDER_SHARES || uplinkBytesPerSecond <= 0) {
            return Duration.ZERO;
        }
        for (PeerState p : peers) {
            if (p.announcedBytesPerSecond() >= WIDER_UPLINK * uplinkBytesPerSecond) {
                return SEED_DEFERRAL;
            }
        }
        return Duration.ZERO;
    }

    /** Whether the segment was first planned at least {@code delay} ago (or we do not know when). */
    private static boolean listedFor(Instant now, SegmentState s, Duration delay) {
        return delay.isZero() || s.listedAt() == null || !now.isBefore(s.listedAt().plus(delay));
    }

    /**
     * True when our hash rank for the segment is among the lowest {@code seeders} of the swarm we see. Every peer
     * computes the same ranks, so with a full view exactly that many peers seed; with partial views a few more.
     */
    public static boolean isSeeder(String selfId, Collection<String> others, long mediaSequence, int seeders) {
        long mine = rank(selfId, mediaSequence);
        int lower = 0;
        for (String other : others) {
            if (rank(other, mediaSequence) < mine && ++lower >= seeders) {
                return false;
            }
        }
        return true;
    }

    static long rank(String peerId, long mediaSequence) {
        long z = peerId.hashCode() * 0x9E3779B97F4A7C15L + mediaSequence;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(id.length() - 6);
    }
}
