package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.integrity.Verdict;
import io.p2pviewer.engine.peer.swarm.PeerIds;
import io.p2pviewer.engine.peer.swarm.Swarm;
import io.p2pviewer.engine.peer.swarm.SwarmHost;
import io.p2pviewer.engine.peer.swarm.SwarmSignalling;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.scheduler.Action;
import io.p2pviewer.engine.scheduler.DeliveryPlanner;
import io.p2pviewer.engine.scheduler.SegmentState;
import io.p2pviewer.engine.stats.TrafficStats;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer-to-peer delivery of one track: its swarm, its signalling, the hash list of its segments, and the
 * scheduler tick that plans which segment comes from where. It serves its {@link TrackP2pHost} (the stream) as the
 * swarm's {@link SwarmHost}. Engine thread only.
 */
@EngineThread
final class TrackP2p implements SwarmHost {
    private static final Logger log = LoggerFactory.getLogger(TrackP2p.class);
    static final Duration TICK = Duration.ofMillis(250);
    /**
     * Swarm events (announcements, finished or failed transfers) plan again at most this often: with tens of
     * peers announcing every second, planning on each one costs more than it gains.
     */
    static final Duration SWARM_TICK_GAP = Duration.ofMillis(50);
    /** An engine whose measured uplink is below this many times the variant's bitrate does not seed. */
    static final double SEED_UPLINK_OVER_BITRATE = 1.0;
    /**
     * Live: an engine too slow to seed ({@link #slowUplink}) does not prefetch this many of the playlist's newest
     * segments. Their first copies are few and every holder is busy; engines that pass a segment on within its
     * duration should get them first. The slow engine asks once a newer segment appears, from more holders.
     * The player's own requests are planned as before. n100 simulated, 8 seeds: 84.9 % offload against 82.7 %;
     * n1000 86.0 % against 83.7 %; with 79 % of uplinks slow (n100-u0.8r, 2 seeds) 39.0 % against 39.9 %.
     */
    static final int FRESH_LEFT_TO_FAST_UPLINKS = 1;
    /** Cancelled transfers' bytes still coming in above which no new peer transfer starts. */
    static final long TAIL_BYTES_TOLERATED = 64 << 10;
    /** How many of our newest segments we announce. */
    private static final int ANNOUNCE_MAX = 60;
    /**
     * Live: segments that left the playlist more than this many places ago are not announced. No player can ask
     * for them (a peer's playlist may be a reload older than ours, hence the margin), and a full list of 60 ids
     * in every announcement cost each of 30 peers decoding and indexing it: the simulator ran 7 % faster with
     * the same offload (n1000 x 180 s, 73.7 % against 72.7 %; n100, 4 seeds, 84.1 % against 83.8 %).
     */
    static final int ANNOUNCE_BEFORE_PLAYLIST = 2;
    /**
     * Below this many connected peers the engine asks the trackers for more every {@link #MORE_PEERS_EVERY}
     * instead of waiting for their interval (browsers get 5 peers per announce every 120 s, too few for a live
     * segment to spread through a large swarm within seconds).
     */
    static final int WANTED_PEERS = 20;
    static final Duration MORE_PEERS_EVERY = Duration.ofSeconds(15);

    private final TrackP2pHost host;
    private final Track track;
    private final P2pConfig config;
    private final TaskScheduler scheduler;
    private final SegmentCache cache;
    private final TrafficStats traffic;
    private final DeliveryEventListener events;
    private final Swarm swarm;
    private final DeliveryPlanner planner;
    /** When each segment ahead was first planned ({@link SegmentState#listedAt}), by media sequence. */
    private final NavigableMap<Long, Instant> firstListed = new TreeMap<>();
    private final SegmentHashes hashes;
    private final String infoHash;
    private SwarmSignalling signalling;
    private Cancellable ticker = Cancellable.NONE;
    private boolean announcePending;
    /** Segments delivered by peers and waiting for their verdict (the hash list may be being refreshed). */
    private final java.util.Set<Long> verifying = new HashSet<>();
    private boolean closed;
    private Instant joinedAt;
    private long announcedChanges = -1;
    private boolean swarmTickPending;
    private Instant morePeersAt;
    private Instant lastTickAt;

    /** The stream's {@code traffic} counts peer downloads and uploads; {@code events} gets its delivery events. */
    TrackP2p(Track track, StreamContext context, TrafficStats traffic, DeliveryEventListener events,
             TrackP2pHost host) {
        this.host = host;
        this.track = track;
        this.config = context.p2p();
        this.scheduler = context.scheduler();
        this.cache = context.cache();
        this.traffic = traffic;
        this.events = events;
        this.swarm = new Swarm(track.name, this, scheduler, context.banned(), config.upload(),
                config.uploadBytesPerSecond(), config.relay());
        this.planner = new DeliveryPlanner(config.scheduler(), new Random(config.peerId().hashCode()),
                config.relay().sources());
        this.hashes = new SegmentHashes(scheduler, context.cdn(), track);
        this.infoHash = track.infoHash;
    }

    Swarm swarm() {
        return swarm;
    }

    void start() {
        log.info("{}", joiningLine(track));
        joinedAt = now();
        signalling = config.signalling().create(infoHash, config.peerId(),
                (remoteId, channel) -> scheduler.execute(() -> {
                    if (closed) {
                        channel.close();
                    } else {
                        swarm.addPeer(remoteId, channel);
                    }
                }));
        signalling.start();
        hashes.refresh();
        scheduleTick();
    }

    /**
     * The INFO line of a track joining its swarm. It names the swarm by {@link Track#shownSwarmId}: the swarm id's
     * base is the master URL, whose path may hold a subscriber's user name and password.
     */
    static String joiningLine(Track track) {
        return "[" + track.name + "] joining swarm " + track.shownSwarmId + " (info_hash " + track.infoHash + ")";
    }

    /**
     * Plans at least every {@link #TICK}: the timer ticks only if no other tick (a player request, a swarm event)
     * came in between, and otherwise waits until {@code TICK} after that one.
     */
    private void scheduleTick() {
        ticker = scheduler.schedule(TICK, this::timerTick);
    }

    private void timerTick() {
        if (closed) {
            return;
        }
        Duration sinceLast = lastTickAt == null ? TICK : Duration.between(lastTickAt, now());
        if (sinceLast.compareTo(TICK) < 0) {
            ticker = scheduler.schedule(TICK.minus(sinceLast), this::timerTick);
            return;
        }
        tick();
        scheduleTick();
    }

    void playlistChanged() {
        hashes.playlistChanged();
        tick();
    }

    /** True while a peer-delivered segment awaits its verdict: the player waits for it rather than refetching. */
    boolean verifying(long mediaSequence) {
        return verifying.contains(mediaSequence);
    }

    /**
     * True for a short while after joining the swarm ({@link io.p2pviewer.engine.scheduler.SchedulerConfig#joinGrace}):
     * connections to the peers the tracker names are still being made, so what we cannot see yet may well be held
     * by a peer.
     */
    boolean young(Instant now) {
        return joinedAt != null && now.isBefore(joinedAt.plus(config.scheduler().joinGrace()));
    }

    /**
     * The deadline of a segment the player asks for now, given the player's estimated need of it
     * ({@link Track#playerNeed}). A player filling or keeping a buffer asks for segments seconds before it plays
     * them: the deadline is then the estimated need, but at most {@code highDemand} plus the patience from now, so
     * the request waits at most that patience for peers before the CDN fetches it. The patience is
     * {@code startupPatience} while the engine is young (its peers are still connecting) and {@code patience} after
     * that; zero means the request time is the deadline.
     */
    Instant playerDue(Instant need, Instant now) {
        var sc = config.scheduler();
        Duration patience = young(now) ? sc.startupPatience() : sc.patience();
        if (patience.isZero()) {
            return now;
        }
        Instant latest = now.plus(sc.highDemand()).plus(patience);
        return need.isAfter(latest) ? latest : need;
    }

    Duration highDemand() {
        return config.scheduler().highDemand();
    }

    /** Plans and acts: called every tick, after player requests and when the swarm changes. */
    void tick() {
        if (closed) {
            return;
        }
        announce();
        Instant now = now();
        lastTickAt = now;
        wantMorePeers(now);
        List<SegmentState> states = new ArrayList<>();
        if (track.playhead >= 0 && track.playheadDue != null) {
            Instant deadline = track.playheadDue;
            MediaSegment previous = track.known.get(track.playhead);
            if (previous != null && host.playerWaits(new SegmentId(track.name, track.playhead))) {
                addUnlessCached(states, previous, deadline, now); // a patient request: peers may still deliver it
            }
            long freshFrom = firstLeftToFastUplinks(track.live() && slowUplink(), track.known);
            for (MediaSegment s : track.segmentsAhead()) {
                if (s.mediaSequence() >= freshFrom) {
                    break; // ascending: the rest are fresh too
                }
                deadline = deadline.plusMillis((long) ((previous == null ? s.duration() : previous.duration()) * 1000));
                previous = s;
                addUnlessCached(states, s, deadline, now);
            }
        }
        boolean plannable = false;
        boolean noHolders = true;
        for (SegmentState st : states) {
            plannable |= plannable(st);
            noHolders &= st.holders().isEmpty();
        }
        if (!plannable) {
            return; // every segment ahead is held or on its way: the planner would do nothing
        }
        boolean downlinkClear = noHolders || swarm.cancelledTailBytes() <= TAIL_BYTES_TOLERATED;
        firstListed.headMap(states.get(0).mediaSequence()).clear(); // behind the first segment ahead
        int seedShares = seedShares(now);
        Duration seedDelay = DeliveryPlanner.seedDelay(seedShares, swarm.uplinkBytesPerSecond(), swarm.peerStates());
        for (Action a : planner.plan(now, states, swarm.peerStatesById(), config.peerId(), seedShares, seedDelay,
                downlinkClear)) {
            switch (a) {
                case Action.FetchCdn f -> host.fetchFromCdn(track, f.mediaSequence(),
                        f.fallback() ? DeliverySource.FALLBACK : DeliverySource.CDN, f.reason(), f.seed());
                case Action.RequestPeer r -> {
                    events.onEvent(new DeliveryEvent.PeerRequested(new SegmentId(track.name, r.mediaSequence()),
                            r.peer()));
                    swarm.request(r.peer(), r.mediaSequence(), wireId(r.mediaSequence()));
                }
                case Action.RequestParts r -> {
                    List<String> peers = new ArrayList<>(r.parts().size());
                    long[] froms = new long[r.parts().size()];
                    for (Action.Part part : r.parts()) {
                        events.onEvent(new DeliveryEvent.PeerRequested(new SegmentId(track.name, r.mediaSequence()),
                                part.peer()));
                        froms[peers.size()] = part.from();
                        peers.add(part.peer());
                    }
                    swarm.requestParts(peers, froms, r.mediaSequence(), wireId(r.mediaSequence()));
                }
                case Action.AbandonPeer ab -> {
                    events.onEvent(new DeliveryEvent.PeerAbandoned(new SegmentId(track.name, ab.mediaSequence()),
                            ab.peer(), ab.reason()));
                    swarm.abandon(ab.peer(), ab.reason(), ab.silent());
                }
            }
        }
    }

    /** Segments the planner may act on: missing ones, and peer transfers it may give up. */
    private static boolean plannable(SegmentState s) {
        return s.status() == SegmentState.Status.MISSING || s.status() == SegmentState.Status.PEER_LOADING;
    }

    /** Adds the segment's state unless we hold it (most segments ahead, most of the time: nothing to plan). */
    private void addUnlessCached(List<SegmentState> states, MediaSegment s, Instant deadline, Instant now) {
        long seq = s.mediaSequence();
        SegmentId sid = new SegmentId(track.name, seq);
        if (cache.contains(sid)) {
            return;
        }
        long wire = wireId(seq);
        SegmentState.PeerTransfer transfer = swarm.transfer(seq);
        SegmentState.Status status = host.cdnLoading(sid) ? SegmentState.Status.CDN_LOADING
                : verifying.contains(seq) ? SegmentState.Status.VERIFYING
                : transfer != null ? SegmentState.Status.PEER_LOADING
                : SegmentState.Status.MISSING;
        boolean missing = status == SegmentState.Status.MISSING; // the planner looks at holders of these only
        states.add(new SegmentState(seq, sizeHint(s), deadline, status, transfer,
                missing ? swarm.holders(wire) : Set.of(), missing ? swarm.httpLoaders(wire) : Set.of(),
                host.peerFailed(sid), listedAt(seq, now)));
    }

    /** When the segment was first planned: now, the first time (no lambda per segment and tick: a hot path). */
    private Instant listedAt(long seq, Instant now) {
        Instant first = firstListed.putIfAbsent(seq, now);
        return first != null ? first : now;
    }

    private void wantMorePeers(Instant now) {
        if (morePeersAt == null) {
            morePeersAt = now.plus(MORE_PEERS_EVERY);
        } else if (!now.isBefore(morePeersAt) && swarm.size() < WANTED_PEERS) {
            morePeersAt = now.plus(MORE_PEERS_EVERY);
            signalling.morePeers(swarm.size());
        }
    }

    /** Bytes the segment should have, from the variant's declared bandwidth: 0 when the master did not say. */
    private long sizeHint(MediaSegment s) {
        return (long) (track.bandwidth / 8.0 * s.duration());
    }

    /** Our share of the seeding: none while young or slower than the stream, else {@link DeliveryPlanner#seedShares}. */
    private int seedShares(Instant now) {
        if (young(now) || slowUplink()) {
            return 0;
        }
        return DeliveryPlanner.seedShares(swarm.uplinkBytesPerSecond(), swarm.peerStates());
    }

    /**
     * The first segment this engine does not prefetch ({@link #FRESH_LEFT_TO_FAST_UPLINKS}): the playlist's newest
     * ones when it leaves them to faster engines, none ({@link Long#MAX_VALUE}) otherwise.
     *
     * @param leaves a live track and a slow uplink
     * @param known the track's segments by media sequence
     */
    static long firstLeftToFastUplinks(boolean leaves, NavigableMap<Long, ?> known) {
        return leaves && !known.isEmpty() ? known.lastKey() - FRESH_LEFT_TO_FAST_UPLINKS + 1 : Long.MAX_VALUE;
    }

    /**
     * True once our uploads showed that we cannot send a segment to a peer within its duration: such an engine
     * does not seed live-edge segments (a seed's value is in passing them on quickly), and waits for faster peers.
     */
    private boolean slowUplink() {
        double up = swarm.uplinkBytesPerSecond();
        return up > 0 && track.bandwidth > 0 && up < track.bandwidth / 8.0 * SEED_UPLINK_OVER_BITRATE;
    }

    void announceSoon() {
        if (!announcePending && !closed) {
            announcePending = true;
            scheduler.execute(() -> {
                announcePending = false;
                announce();
            });
        }
    }

    private void announce() {
        if (host.changes() == announcedChanges) {
            return; // nothing we hold or load has changed since the last announcement
        }
        announcedChanges = host.changes();
        // The newest ANNOUNCE_MAX segments up to the newest we hold, live ones no older than the playlist allows
        // (oldestAnnounced): the window moves when we get a segment, not again when the playlist grows. Only
        // seeding fetches are announced as loading over HTTP: peers wait for those; a segment we fetch because it
        // is due is announced once we hold it.
        long newest = track.newestHeld;
        long[] held = new long[ANNOUNCE_MAX];
        int n = 0;
        for (long seq = oldestAnnounced(newest); seq <= newest; seq++) {
            if (cache.contains(track.name, seq)) {
                held[n++] = wireId(seq); // ascending: the wire id grows with the media sequence
            }
        }
        Set<Long> seeding = host.seeding(track);
        long[] loading = new long[seeding.size()];
        int k = 0;
        for (long seq : seeding) {
            loading[k++] = wireId(seq);
        }
        Arrays.sort(loading);
        swarm.announce(Arrays.copyOf(held, n), loading);
    }

    /** The oldest segment an announcement may name: {@link #ANNOUNCE_MAX}, {@link #ANNOUNCE_BEFORE_PLAYLIST}. */
    private long oldestAnnounced(long newest) {
        long oldest = Math.max(0, newest - ANNOUNCE_MAX + 1);
        if (track.live() && track.latest != null) {
            oldest = Math.max(oldest, track.latest.mediaSequence() - ANNOUNCE_BEFORE_PLAYLIST);
        }
        return oldest;
    }

    /** Wire segment id: the media sequence for live, the position in the playlist for VOD (as p2p-media-loader). */
    long wireId(long mediaSequence) {
        return track.live() || track.latest == null ? mediaSequence : mediaSequence - track.latest.mediaSequence();
    }

    // ---- SwarmHost ----

    @Override
    public Instant now() {
        return scheduler.clock().instant();
    }

    @Override
    public byte[] cachedByWireId(long wireId) {
        long seq = mediaSequenceOf(wireId);
        return cache.get(new SegmentId(track.name, seq)).map(c -> c.data()).orElse(null);
    }

    @Override
    public boolean lacks(long wireId) {
        SegmentId id = new SegmentId(track.name, mediaSequenceOf(wireId));
        return !cache.contains(id) && !host.cdnLoading(id);
    }

    @Override
    public long mediaSequenceOf(long wireId) {
        return track.live() || track.latest == null ? wireId : wireId + track.latest.mediaSequence();
    }

    @Override
    public void peerBytes(String peer, int count) {
        traffic.downloaded(DeliverySource.PEER, count, now());
    }

    @Override
    public void peerDelivered(String peer, long mediaSequence, byte[] data, long declaredSize, long fetchMillis) {
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment == null) {
            swarm.verified(mediaSequence, false);
            swarm.ban(peer, "sent a segment that is in no playlist we know");
            host.peerFetchFailed(track, mediaSequence);
            return;
        }
        verifyFromPeers(segment, data, declaredSize, peer, fetchMillis, verdict -> rejected(peer, mediaSequence,
                verdict));
    }

    /**
     * A segment joined from parts several peers sent: verified as a peer delivery is. A bad one bans nobody (we
     * cannot tell whose part was bad): its peers are asked for whole segments only from then on
     * ({@link Swarm#partsRejected}), and the segment is fetched again.
     */
    @Override
    public void partsDelivered(List<String> peers, long mediaSequence, byte[] data, long declaredSize,
                               long fetchMillis) {
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment == null) {
            swarm.partsRejected(peers);
            host.peerFetchFailed(track, mediaSequence);
            return;
        }
        verifyFromPeers(segment, data, declaredSize, peers.get(0), fetchMillis, verdict -> {
            log.warn("[{}] #{} joined from parts of {} failed verification ({}: {}): they are asked for whole "
                    + "segments only", track.name, mediaSequence, peers.stream().map(PeerIds::shortId).toList(),
                    verdict.how(), verdict.problem());
            swarm.partsRejected(peers);
            host.peerFetchFailed(track, mediaSequence);
        });
    }

    /**
     * Verifies a segment peers delivered (one whole, or joined from parts); the verdict arrives on the engine thread.
     * Uploads relaying it complete, or fail; a good one goes to the host credited to {@code credited}, a bad one to
     * {@code rejected}.
     */
    private void verifyFromPeers(MediaSegment segment, byte[] data, long declaredSize, String credited,
                                 long fetchMillis, Consumer<Verdict> rejected) {
        long mediaSequence = segment.mediaSequence();
        verifying.add(mediaSequence);
        hashes.verify(segment, data, declaredSize, verdict -> {
            verifying.remove(mediaSequence);
            swarm.verified(mediaSequence, verdict.ok());
            if (verdict.ok()) {
                host.deliveredByPeer(track, mediaSequence, data, Hashes.sha256Hex(data), credited, fetchMillis,
                        verdict.how());
            } else {
                rejected.accept(verdict);
            }
        });
    }

    /**
     * Verifies a segment joined from a peer's first bytes and the CDN's rest, as a peer delivery is verified (the
     * verdict arrives on the engine thread).
     */
    void verifyJoined(long mediaSequence, byte[] data, long declaredSize, Consumer<Verdict> done) {
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment == null) {
            done.accept(Verdict.fail("playlist", "the segment is in no playlist we know"));
            return;
        }
        hashes.verify(segment, data, declaredSize, done);
    }

    /** The first bytes a peer sent of a segment differ from the origin's: banned, as for a bad segment. */
    void rejectedPrefix(String peer, long mediaSequence) {
        host.peerBanned(new StreamError.PeerBanned(now(), peer, new SegmentId(track.name, mediaSequence), true,
                StreamError.PeerBanned.FIRST_BYTES_DIFFER));
        swarm.ban(peer, "sent bytes that differ from the origin's");
    }

    private void rejected(String peer, long mediaSequence, Verdict verdict) {
        host.peerBanned(new StreamError.PeerBanned(now(), peer, new SegmentId(track.name, mediaSequence), false,
                verdict.how() + ": " + verdict.problem()));
        swarm.ban(peer, verdict.how() + ": " + verdict.problem());
        host.peerFetchFailed(track, mediaSequence);
    }

    @Override
    public void peerPartial(String peer, long mediaSequence, byte[] prefix, long totalBytes) {
        host.peerPartial(track, mediaSequence, peer, prefix, totalBytes);
    }

    @Override
    public void peerFailed(String peer, long mediaSequence, String reason) {
        log.debug("[{}] peer fetch of #{} from {} failed: {}", track.name, mediaSequence, peer, reason);
        host.peerFetchFailed(track, mediaSequence);
    }

    @Override
    public void uploaded(String peer, int count) {
        traffic.uploaded(count, now());
    }

    @Override
    public void swarmChanged() {
        if (!closed && !swarmTickPending) {
            swarmTickPending = true; // a burst of swarm events makes one tick, at most one per SWARM_TICK_GAP
            Duration wait = lastTickAt == null ? Duration.ZERO
                    : Duration.between(now(), lastTickAt.plus(SWARM_TICK_GAP));
            Runnable run = () -> {
                swarmTickPending = false;
                long newest = track.known.isEmpty() ? Long.MIN_VALUE : wireId(track.known.lastKey());
                if (swarm.newestAnnounced() > newest) {
                    host.reloadPlaylist(track);
                }
                tick();
            };
            if (wait.isNegative() || wait.isZero()) {
                scheduler.execute(run);
            } else {
                scheduler.schedule(wait, run);
            }
        }
    }

    void close() {
        closed = true;
        ticker.cancel();
        swarm.close();
        if (signalling != null) {
            signalling.close();
        }
    }
}
