package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.http.OkHttpCdnClient;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.PlaylistException;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.PlaylistRewriter;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.source.SegmentRequest;
import io.p2pviewer.engine.stats.TrafficStats;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one opened stream: its tracks, their playlists, segment fetches in flight, the player's waiting
 * requests, what was served, and the byte counters. With P2P configured, each track the player uses gets a
 * {@link TrackP2p} (its swarm and scheduler). Every method runs on the engine thread; callbacks from HTTP and
 * peer threads are posted back to it.
 */
public final class StreamController {
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    private static final int MAX_ERRORS = 200;
    private static final int RECENT_ERRORS = 20;
    private static final int MAX_SERVED_LOG = 200_000;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(400);
    /** A peer transfer at least this far along is given a short grace when the player asks for its segment. */
    private static final double NEARLY_DONE = 0.5;
    private static final Duration NEARLY_DONE_GRACE = Duration.ofMillis(500);
    /**
     * A peer fetch that fails (most often a busy holder's SegmentAbsent) while the player's patient request has
     * more than this of its patience left goes back to the planner rather than to the CDN at once: another holder
     * may be free. Less than this left, the CDN fetch would come too close to the player's need. n100 simulated,
     * 8 seeds: 90.0 % offload against 88.5 % when every failure while the player waits goes to the CDN; missed
     * deadlines 182 against 114 (0 ms: 89.7 % and 776; 2 s: 89.2 % and 135); 0 stalls either way.
     */
    static final Duration PEERS_RETRIED_WITHIN_PATIENCE = Duration.ofSeconds(1);

    private final String id;
    private final URI sourceUri;
    private final String masterText;
    private final List<Track> tracks;
    final StreamContext context;
    final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final DeliveryEventListener eventLog;
    final SegmentCache cache;
    final TrafficStats stats = new TrafficStats();
    private final Map<SegmentId, Fetch> inflight = new HashMap<>();
    private final Map<SegmentId, Waiting> waiting = new HashMap<>();
    final Set<SegmentId> peerFailed = new HashSet<>();
    private final PeerPrefixes prefixes = new PeerPrefixes();
    private final List<ServedSegment> served = new ArrayList<>();
    private final Set<SegmentId> servedOnce = new HashSet<>();
    private final ArrayDeque<StreamError> errors = new ArrayDeque<>();
    private String currentVariant = "";
    private double servedMediaSeconds;
    private double playbackSeconds = -1;
    private long servedCount;
    private long missedDeadlines;
    /** Bumped whenever the cache, the CDN fetches in flight or a playlist change: announcements follow it. */
    private long changes;
    private int stallCount;
    private double stallSeconds;
    private long maxWaitMillis;
    private boolean closed;
    private boolean draining;
    private final List<CompletableFuture<Void>> drained = new ArrayList<>();

    /** A CDN fetch in flight; {@code kind} is CDN or FALLBACK. */
    private static final class Fetch {
        final SegmentRequest request;
        final DeliverySource kind;
        /** An early fetch of a live-edge segment nobody had, announced to peers as "loading over HTTP". */
        boolean seed;
        /** What a peer sent of the segment before its transfer was given up: this fetch asks for the rest only. */
        PeerPrefixes.PeerPrefix prefix;
        /**
         * A prefix whose join with the CDN's rest failed verification, so this fetch asks for the whole segment:
         * the peer is banned if it sent other bytes than the origin's.
         */
        PeerPrefixes.PeerPrefix suspect;
        int attempt = 1;
        Cancellable handle = Cancellable.NONE;
        Instant startedAt;

        Fetch(SegmentRequest request, DeliverySource kind) {
            this.request = request;
            this.kind = kind;
        }
    }

    /** Player requests waiting for one segment. */
    private static final class Waiting {
        final Instant since;
        final boolean counts;
        /**
         * From when a wait counts against the deadline: the request time, or for a patient request (the player
         * asked ahead of its need and the engine let it wait for peers) the moment the engine stops waiting for them.
         */
        final Instant owedFrom;
        final List<CompletableFuture<CachedSegment>> futures = new ArrayList<>();

        Waiting(Instant since, boolean counts, Instant owedFrom) {
            this.since = since;
            this.counts = counts;
            this.owedFrom = owedFrom;
        }
    }

    StreamController(String id, URI sourceUri, String masterText, List<Track> tracks, StreamContext context) {
        this.id = id;
        this.sourceUri = sourceUri;
        this.masterText = masterText;
        this.tracks = List.copyOf(tracks);
        this.context = context;
        this.scheduler = context.scheduler();
        this.cdn = context.cdn();
        this.cache = context.cache();
        this.eventLog = new LoggingDeliveryEventListener(id);
    }

    public String id() {
        return id;
    }

    public URI sourceUri() {
        return sourceUri;
    }

    public boolean hasMaster() {
        return masterText != null;
    }

    public List<TrackInfo> tracks() {
        return tracks.stream().map(Track::info).toList();
    }

    /** Loads every track's playlist now, in parallel, so the player's first playlist request is answered at once. */
    public void preload() {
        for (Track t : tracks) {
            if (t.rewritten == null) {
                load(t);
            }
        }
    }

    // ---- player requests (engine thread) ----

    public CompletableFuture<String> master() {
        if (masterText == null) {
            return CompletableFuture.failedFuture(new ProxyFailure(404, "stream has no master playlist"));
        }
        return CompletableFuture.completedFuture(masterText);
    }

    public CompletableFuture<String> playlist(int trackIndex) {
        Track track = track(trackIndex);
        if (track == null) {
            return CompletableFuture.failedFuture(new ProxyFailure(404, "no track " + trackIndex));
        }
        Instant now = now();
        activate(track, now);
        if (track.rewritten != null && (!track.live() || age(track, now).compareTo(freshFor(track)) < 0)) {
            return CompletableFuture.completedFuture(track.rewritten);
        }
        return load(track);
    }

    /** The player asks for a segment: from the cache, or it waits for a fetch (started now if none is planned). */
    public CompletableFuture<CachedSegment> segment(int trackIndex, long mediaSequence) {
        Track track = track(trackIndex);
        if (track == null) {
            return CompletableFuture.failedFuture(new ProxyFailure(404, "no track " + trackIndex));
        }
        Instant now = now();
        activate(track, now);
        boolean first = track.playhead < 0;
        Instant due = now;
        if (mediaSequence >= track.playhead) {
            due = track.p2p == null ? now : track.p2p.playerDue(mediaSequence, now);
            track.playhead = mediaSequence;
            track.playheadDue = due;
        }
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        var cached = cache.get(sid);
        event(cached.isPresent() ? new DeliveryEvent.PlayerAskedCached(sid, cached.get().source())
                : new DeliveryEvent.PlayerWaits(sid));
        if (cached.isPresent()) {
            afterPlayerRequest(track, mediaSequence);
            return CompletableFuture.completedFuture(cached.get());
        }
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment == null) {
            StreamError.UnknownSegment unknown = new StreamError.UnknownSegment(now(), sid);
            error(unknown);
            return CompletableFuture.failedFuture(new ProxyFailure(404, unknown.message()));
        }
        CompletableFuture<CachedSegment> result = new CompletableFuture<>();
        // The player asked ahead of its need: peers may deliver it within the patience (TrackP2p.playerDue); after
        // that it is fetched as if the player needed it now.
        Instant patientUntil = track.p2p == null ? now : due.minus(track.p2p.highDemand());
        boolean patient = patientUntil.isAfter(now);
        waiting.computeIfAbsent(sid, k -> new Waiting(now, !first, patient ? patientUntil : now)).futures.add(result);
        if (!inflight.containsKey(sid)) {
            if (track.p2p != null && track.p2p.verifying(mediaSequence)) {
                // delivered by a peer, verdict pending: it is served (or refetched) when the verdict comes
                event(new DeliveryEvent.PlayerWaitsForVerdict(sid));
            } else if (patient) {
                event(new DeliveryEvent.PlayerWaitsForPeers(sid, Duration.between(now, due).toMillis(),
                        Duration.between(now, patientUntil).toMillis()));
                scheduler.schedule(Duration.between(now, patientUntil), () -> patienceOver(track, mediaSequence));
            } else {
                needNow(track, mediaSequence);
            }
        }
        afterPlayerRequest(track, mediaSequence);
        return result;
    }

    /** The player waits for a segment that is not cached, not loading from the CDN and not being verified. */
    private void needNow(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        var transfer = track.p2p == null ? null : track.p2p.swarm().transfer(mediaSequence);
        if (transfer == null) {
            startCdn(track, mediaSequence, peerFailed.contains(sid) ? DeliverySource.FALLBACK : DeliverySource.CDN,
                    "the player needs it now");
        } else if (transfer.total() > 0 && transfer.received() >= transfer.total() * NEARLY_DONE) {
            scheduler.schedule(NEARLY_DONE_GRACE, () -> {
                if (waiting.containsKey(sid) && !inflight.containsKey(sid) && !cache.contains(sid)) {
                    track.p2p.swarm().abandon(transfer.peer(), "player waited " + NEARLY_DONE_GRACE.toMillis()
                            + " ms for it", false);
                }
            });
        } else {
            track.p2p.swarm().abandon(transfer.peer(), "player needs it now", false);
        }
    }

    /** A patient player request's wait for peers is over: unless they delivered, it is fetched now. */
    private void patienceOver(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        if (!closed && waiting.containsKey(sid) && !inflight.containsKey(sid) && !cache.contains(sid)
                && (track.p2p == null || !track.p2p.verifying(mediaSequence))) {
            event(new DeliveryEvent.PeersTooLate(sid));
            needNow(track, mediaSequence);
        }
    }

    private void afterPlayerRequest(Track track, long mediaSequence) {
        if (track.p2p == null) {
            readAhead(track, mediaSequence + 1);
        } else {
            track.p2p.tick();
        }
    }

    /**
     * Players read segments in order: fetching the next one while the player reads this one hides a round trip.
     * (With P2P the scheduler's windows do this.)
     */
    private void readAhead(Track track, long mediaSequence) {
        if (track.known.containsKey(mediaSequence)) {
            startCdn(track, mediaSequence, DeliverySource.CDN, "read ahead");
        }
    }

    /** The proxy handed {@code bytes} bytes of a segment to the player. */
    public void served(CachedSegment segment, long bytes, String sha256) {
        long peerShare = segment.peerShareOf(bytes);
        stats.served(segment.source(), bytes, peerShare);
        servedCount++;
        if (served.size() < MAX_SERVED_LOG) {
            served.add(new ServedSegment(now(), segment.id().track(), segment.id().mediaSequence(), segment.source(),
                    bytes, sha256, segment.durationSeconds(), segment.peer(), segment.fetchMillis(),
                    segment.verifiedBy(), peerShare));
        }
        currentVariant = segment.id().track();
        if (servedOnce.add(segment.id())) {
            servedMediaSeconds += segment.durationSeconds();
        }
    }

    /** The player reports how far it has played (media seconds since it started), for the buffer estimate. */
    public void playback(double seconds) {
        playbackSeconds = seconds;
    }

    /** The player reports its stalls so far (the engine cannot see them), for /metrics. */
    public void stalls(int count, double seconds) {
        stallCount = count;
        stallSeconds = seconds;
    }

    public int stalls() {
        return stallCount;
    }

    public double stallSeconds() {
        return stallSeconds;
    }

    public EngineSnapshot snapshot() {
        Instant now = now();
        double buffer = playbackSeconds < 0 ? 0 : Math.max(0, servedMediaSeconds - playbackSeconds);
        List<StreamError> recent = new ArrayList<>(errors).subList(Math.max(0, errors.size() - RECENT_ERRORS),
                errors.size());
        List<PeerInfo> peers = new ArrayList<>();
        for (Track t : tracks) {
            if (t.p2p != null) {
                peers.addAll(t.p2p.swarm().peerInfos());
            }
        }
        return new EngineSnapshot(now, stats.snapshot(now), currentVariant, buffer, servedCount, cache.bytes(),
                cache.size(), recent, stats.uploadedBytes(), stats.uploadRate(now), peers, missedDeadlines,
                maxWaitMillis, context.banned().size());
    }

    public List<ServedSegment> servedSegments() {
        return List.copyOf(served);
    }

    /** The last {@code n} segments served to the player, oldest first (the stats panel's timeline). */
    public List<ServedSegment> recentSegments(int n) {
        return List.copyOf(served.subList(Math.max(0, served.size() - n), served.size()));
    }

    public List<StreamError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Ends the session's delivery without losing count: peers are disconnected, nothing new is fetched, and the
     * future completes once every CDN fetch in flight has finished (so downloaded bytes match the origin's).
     */
    public CompletableFuture<Void> drain() {
        draining = true;
        for (Track t : tracks) {
            t.reloadTimer.cancel();
            if (t.p2p != null) {
                t.p2p.close();
            }
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (inflight.isEmpty()) {
            f.complete(null);
        } else {
            drained.add(f);
        }
        return f;
    }

    private void checkDrained() {
        if (draining && inflight.isEmpty()) {
            drained.forEach(f -> f.complete(null));
            drained.clear();
        }
    }

    public void close() {
        closed = true;
        for (Track t : tracks) {
            t.reloadTimer.cancel();
            if (t.p2p != null) {
                t.p2p.close();
            }
        }
        for (Fetch f : inflight.values()) {
            f.handle.cancel();
        }
        inflight.clear();
        for (Waiting w : waiting.values()) {
            w.futures.forEach(f -> f.completeExceptionally(new ProxyFailure(503, "stream closed")));
        }
        waiting.clear();
    }

    // ---- tracks and P2P ----

    private void activate(Track track, Instant now) {
        track.lastActivity = now;
        if (track.p2p == null && context.p2p() != null && !closed && !draining) {
            track.p2p = new TrackP2p(this, track, context.p2p());
            track.p2p.start();
        }
    }

    /** Segments after the playhead of a track, ascending: a view of the known segments, read before they change. */
    Collection<MediaSegment> segmentsAhead(Track track) {
        if (track.playhead < 0) {
            return List.of();
        }
        return track.known.tailMap(track.playhead, false).values();
    }

    /** A counter that moves whenever what we could announce to peers may have changed. */
    long changes() {
        return changes;
    }

    /** True while the player waits for this segment of the track. */
    boolean playerWaits(Track track, long mediaSequence) {
        return waiting.containsKey(new SegmentId(track.name, mediaSequence));
    }

    boolean cached(SegmentId sid) {
        return cache.contains(sid);
    }

    boolean cached(Track track, long mediaSequence) {
        return cache.contains(track.name, mediaSequence);
    }

    boolean cdnLoading(SegmentId sid) {
        return inflight.containsKey(sid);
    }

    /** The track's segments being seeded: fetched early from the CDN because no peer had them. */
    Set<Long> seeding(Track track) {
        Set<Long> out = new HashSet<>();
        inflight.forEach((sid, fetch) -> {
            if (fetch.seed && sid.track().equals(track.name)) {
                out.add(sid.mediaSequence());
            }
        });
        return out;
    }

    /** A verified segment arrived from a peer. */
    void deliveredByPeer(Track track, long mediaSequence, byte[] data, String sha256, String peer,
                         long fetchMillis, String verifiedBy) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        if (cache.contains(sid)) {
            return; // the CDN was faster; the peer's bytes stay counted as downloaded
        }
        MediaSegment segment = track.known.get(mediaSequence);
        double duration = segment == null ? 0 : segment.duration();
        deliver(new CachedSegment(sid, data, DeliverySource.PEER, sha256, duration, peer, fetchMillis, verifiedBy,
                data.length));
    }

    /**
     * A peer transfer given up had sent the first bytes of the segment: kept, so that the CDN fetch that follows
     * ({@link #peerFetchFailed}, called next) asks only for the rest.
     */
    void peerPartial(Track track, long mediaSequence, String peer, byte[] prefix, long declaredTotal) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        if (!cache.contains(sid) && !inflight.containsKey(sid)) {
            prefixes.keep(sid, new PeerPrefixes.PeerPrefix(peer, prefix, declaredTotal));
        }
    }

    /**
     * A peer fetch of a segment failed: a later CDN fetch of it counts as FALLBACK. A waiting player is served now,
     * unless its request is patient with more than {@link #PEERS_RETRIED_WITHIN_PATIENCE} of patience left: the
     * planner may then ask another holder, and the patience's end fetches it from the CDN at the latest.
     */
    void peerFetchFailed(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        peerFailed.add(sid);
        event(new DeliveryEvent.PeerFetchFailed(sid));
        Waiting w = waiting.get(sid);
        if (w == null || inflight.containsKey(sid) || cache.contains(sid)) {
            return;
        }
        if (now().plus(PEERS_RETRIED_WITHIN_PATIENCE).isBefore(w.owedFrom)) {
            event(new DeliveryEvent.PeersRetried(sid, Duration.between(now(), w.owedFrom).toMillis()));
            return;
        }
        startCdn(track, mediaSequence, DeliverySource.FALLBACK, "the player waits and the peer fetch failed");
    }

    // ---- playlists ----

    private CompletableFuture<String> load(Track track) {
        if (track.loading != null) {
            return track.loading;
        }
        CompletableFuture<String> loading = new CompletableFuture<>();
        track.loading = loading;
        cdn.fetchText(track.originUri).whenComplete((response, failure) -> scheduler.execute(() -> {
            track.loading = null;
            if (failure != null) {
                StreamError err = new StreamError.PlaylistFailed(now(), track.name, rootMessage(failure));
                error(err);
                failOrStale(track, loading, new ProxyFailure(502, err.message()));
                return;
            }
            if (response.body().equals(track.latestText) && response.finalUri().equals(track.latestUri)) {
                track.fetchedAt = now(); // unchanged (we reload live playlists twice per target duration)
                scheduleReload(track);
                loading.complete(track.rewritten);
                return;
            }
            try {
                MediaPlaylist media = PlaylistParser.parseMedia(response.finalUri(), response.body());
                accept(track, media);
                track.latestText = response.body();
                track.latestUri = response.finalUri();
                loading.complete(track.rewritten);
            } catch (PlaylistException e) {
                StreamError err = new StreamError.MalformedPlaylist(now(), track.name, e.getMessage());
                error(err);
                failOrStale(track, loading, new ProxyFailure(502, err.message()));
            }
        }));
        return loading;
    }

    /** Installs a freshly fetched playlist of the track; package-private for the opener of media-only streams. */
    void accept(Track track, MediaPlaylist media) {
        changes++;
        track.latest = media;
        track.fetchedAt = now();
        track.remember(media);
        track.rewritten = PlaylistRewriter.rewriteMedia(media,
                s -> "seg/" + s.mediaSequence() + "." + extension(s.uri()));
        scheduleReload(track);
        if (track.p2p != null) {
            track.p2p.playlistChanged();
        }
    }

    private void failOrStale(Track track, CompletableFuture<String> loading, ProxyFailure failure) {
        // A live player is better served by the previous playlist than by an error it may give up on.
        if (track.rewritten != null) {
            loading.complete(track.rewritten);
        } else {
            loading.completeExceptionally(failure);
        }
    }

    /** Live playlists are reloaded every target duration while the player uses the track. */
    private void scheduleReload(Track track) {
        track.reloadTimer.cancel();
        if (closed || !track.live() || track.latest == null) {
            return;
        }
        Duration target = Duration.ofMillis(Math.max(500, track.latest.targetDurationSeconds() * 1000));
        // With peers, learn of new live segments sooner: every second the seeder waits is a second less for peers.
        Duration every = track.p2p != null ? target.dividedBy(2) : target;
        track.reloadTimer = scheduler.schedule(every, () -> {
            Instant idleSince = track.lastActivity == null ? Instant.MIN : track.lastActivity;
            if (!closed && Duration.between(idleSince, now()).compareTo(target.multipliedBy(3)) < 0) {
                load(track);
            }
        });
    }

    private static Duration freshFor(Track track) {
        return Duration.ofMillis(track.latest.targetDurationSeconds() * 500);
    }

    private Duration age(Track track, Instant now) {
        return track.fetchedAt == null ? Duration.ofDays(1) : Duration.between(track.fetchedAt, now);
    }

    // ---- CDN fetches ----

    /** Reloads the track's playlist now (a peer announced a segment we have not seen in it yet). */
    void reloadSoon(Track track) {
        if (!closed && track.loading == null && track.live()
                && age(track, now()).compareTo(Duration.ofMillis(300)) > 0) {
            load(track);
        }
    }

    /**
     * Starts a CDN fetch of a known segment unless it is cached or already being fetched.
     *
     * @param why for the event log
     */
    void startCdn(Track track, long mediaSequence, DeliverySource kind, String why) {
        startCdn(track, mediaSequence, kind, why, false);
    }

    /** @param seed an early fetch nobody else makes: peers are told we load it (see {@link #seeding}) */
    void startCdn(Track track, long mediaSequence, DeliverySource kind, String why, boolean seed) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        MediaSegment segment = track.known.get(mediaSequence);
        if (closed || draining || segment == null || inflight.containsKey(sid) || cache.contains(sid)) {
            return;
        }
        SegmentRequest whole = wholeRequest(sid, segment);
        PeerPrefixes.PeerPrefix prefix = prefixes.take(sid);
        SegmentRequest rest = prefix == null ? null : PeerPrefixes.rest(whole, prefix);
        Fetch fetch = new Fetch(rest == null ? whole : rest, kind);
        fetch.prefix = rest == null ? null : prefix;
        fetch.startedAt = now();
        fetch.seed = seed;
        inflight.put(sid, fetch);
        changes++;
        event(rest == null ? new DeliveryEvent.CdnFetchStarted(sid, kind, why)
                : new DeliveryEvent.CdnRestFetchStarted(sid, kind, why, prefix.peer(), prefix.bytes().length));
        start(fetch);
        if (track.p2p != null && seed) {
            track.p2p.announceSoon();
        }
    }

    private void start(Fetch fetch) {
        DeliverySource kind = fetch.kind;
        SegmentRequest request = fetch.request;
        fetch.handle = cdn.fetchBytes(request.uri(), request.offset(), request.length(), new SegmentListener() {
            @Override
            public void onBytes(int count) {
                scheduler.execute(() -> stats.downloaded(kind, count, now()));
            }

            @Override
            public void onComplete(byte[] data) {
                if (fetch.prefix != null) {
                    scheduler.execute(() -> joinPrefix(fetch, data));
                    return;
                }
                String sha = Hashes.sha256Hex(data);
                scheduler.execute(() -> {
                    if (fetch.suspect != null) {
                        judgeSuspect(fetch, data);
                    }
                    completed(fetch, new CachedSegment(fetch.request.id(), data, kind, sha,
                            fetch.request.durationSeconds(), null,
                            Duration.between(fetch.startedAt, now()).toMillis(), "origin", 0));
                });
            }

            @Override
            public void onFailure(String reason, boolean retryable) {
                scheduler.execute(() -> failed(fetch, reason, retryable));
            }
        });
    }

    /**
     * The CDN sent the rest of a segment a peer had begun: the peer's bytes and the CDN's are verified as one
     * segment (as a peer delivery is). If they fail, the whole segment is fetched again, and the peer is banned if
     * its bytes differ from the origin's.
     */
    private void joinPrefix(Fetch fetch, byte[] rest) {
        SegmentId sid = fetch.request.id();
        if (inflight.get(sid) != fetch) {
            return;
        }
        PeerPrefixes.PeerPrefix prefix = fetch.prefix;
        byte[] data = PeerPrefixes.join(prefix.bytes(), rest);
        Track track = trackNamed(sid.track());
        if (track == null || track.p2p == null) {
            refetchWhole(fetch, "its swarm is gone: the peer's bytes cannot be verified");
            return;
        }
        track.p2p.verifyJoined(sid.mediaSequence(), data, prefix.declaredTotal(), verdict -> {
            if (inflight.get(sid) != fetch) {
                return;
            }
            if (!verdict.ok()) {
                refetchWhole(fetch, verdict.how() + ": " + verdict.problem());
                return;
            }
            completed(fetch, new CachedSegment(sid, data, fetch.kind, Hashes.sha256Hex(data),
                    fetch.request.durationSeconds(), prefix.peer(), Duration.between(fetch.startedAt, now()).toMillis(),
                    verdict.how(), prefix.bytes().length));
        });
    }

    /** The request for all of a segment: the whole resource, or its byte range. */
    private static SegmentRequest wholeRequest(SegmentId sid, MediaSegment segment) {
        var range = segment.byteRange();
        return new SegmentRequest(sid, segment.uri(), range == null ? 0 : range.offset(),
                range == null ? -1 : range.length(), segment.duration());
    }

    /** Replaces a fetch of the rest of a segment by one of all of it; its peer's bytes become suspect. */
    private void refetchWhole(Fetch resumed, String why) {
        SegmentId sid = resumed.request.id();
        Track track = trackNamed(sid.track());
        MediaSegment segment = track == null ? null : track.known.get(sid.mediaSequence());
        if (segment == null) {
            resumed.prefix = null; // so that failed() ends the fetch rather than coming back here
            failed(resumed, "it left the playlist before its rest was verified", false);
            return;
        }
        Fetch fetch = new Fetch(wholeRequest(sid, segment), resumed.kind);
        fetch.startedAt = resumed.startedAt;
        fetch.suspect = resumed.prefix;
        inflight.put(sid, fetch);
        event(new DeliveryEvent.CdnWholeRefetchStarted(sid, fetch.kind, why));
        start(fetch);
    }

    /** The origin's whole segment shows whether the peer's bytes that failed verification with its rest were bad. */
    private void judgeSuspect(Fetch fetch, byte[] whole) {
        PeerPrefixes.PeerPrefix suspect = fetch.suspect;
        Track track = trackNamed(fetch.request.id().track());
        if (PeerPrefixes.matches(suspect.bytes(), whole)) {
            log.warn("[{}] {}: the peer's first bytes match the origin's, the origin's range did not fit them", id,
                    fetch.request.id());
        } else if (track != null && track.p2p != null) {
            track.p2p.rejectedPrefix(suspect.peer(), fetch.request.id().mediaSequence());
        }
    }

    private void completed(Fetch fetch, CachedSegment segment) {
        if (inflight.remove(segment.id()) != fetch) {
            return;
        }
        changes++;
        deliver(segment);
        checkDrained();
    }

    /** Caches a segment, answers the player requests waiting for it, and tells the swarm. */
    private void deliver(CachedSegment segment) {
        cache.put(segment);
        prefixes.forget(segment.id());
        changes++;
        event(new DeliveryEvent.Cached(segment.id(), segment.source()));
        Waiting w = waiting.remove(segment.id());
        if (w != null) {
            long waited = Duration.between(w.since, now()).toMillis();
            long late = Duration.between(w.owedFrom, now()).toMillis();
            event(new DeliveryEvent.PlayerServed(segment.id(), waited));
            if (w.counts) {
                maxWaitMillis = Math.max(maxWaitMillis, waited);
                if (late > context.deadlineGrace().toMillis()) {
                    missedDeadlines++;
                    log.warn("[{}] missed deadline: player waited {} ms for {} ({})", id, waited, segment.id(),
                            segment.source());
                }
            }
            w.futures.forEach(f -> f.complete(segment));
        }
        Track t = trackNamed(segment.id().track());
        if (t != null) {
            t.newestHeld = Math.max(t.newestHeld, segment.id().mediaSequence());
        }
        if (t != null && t.p2p != null) {
            t.p2p.announceSoon();
        }
    }

    private void failed(Fetch fetch, String reason, boolean retryable) {
        if (inflight.get(fetch.request.id()) != fetch) {
            return;
        }
        if (fetch.prefix != null && !retryable && !closed) {
            refetchWhole(fetch, "the origin refused the rest: " + reason); // e.g. a peer that declared a wrong size
            return;
        }
        if (retryable && fetch.attempt < context.segmentAttempts() && !closed) {
            log.info("segment {} attempt {} failed ({}); retrying", fetch.request.id(), fetch.attempt, reason);
            fetch.attempt++;
            fetch.handle = scheduler.schedule(RETRY_BACKOFF.multipliedBy(fetch.attempt - 1), () -> {
                if (inflight.get(fetch.request.id()) == fetch) {
                    start(fetch);
                }
            });
            return;
        }
        inflight.remove(fetch.request.id());
        changes++;
        checkDrained();
        StreamError err = new StreamError.SegmentFailed(now(), fetch.request.id(), reason);
        error(err);
        String msg = err.message();
        Waiting w = waiting.remove(fetch.request.id());
        if (w != null) {
            w.futures.forEach(f -> f.completeExceptionally(new ProxyFailure(502, msg)));
        }
    }

    // ---- helpers ----

    private Track track(int index) {
        return index >= 0 && index < tracks.size() ? tracks.get(index) : null;
    }

    private Track trackNamed(String name) {
        for (Track t : tracks) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** One delivery event: to the context's listener, then to the debug log. */
    void event(DeliveryEvent event) {
        context.events().onEvent(event);
        eventLog.onEvent(event);
    }

    void error(StreamError error) {
        log.warn("[{}] {}", id, error.message());
        errors.addLast(error);
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    CdnClient cdn() {
        return cdn;
    }

    URI swarmBase() {
        return sourceUri;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The file extension of a segment URI ("ts", "m4s", "aac"...), "ts" when it has none. */
    static String extension(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash || dot == path.length() - 1) {
            return "ts";
        }
        String ext = path.substring(dot + 1);
        if (ext.length() > 8) {
            return "ts";
        }
        for (int i = 0; i < ext.length(); i++) {
            if (!asciiLetterOrDigit(ext.charAt(i))) {
                return "ts";
            }
        }
        return ext;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return "stream " + id + " " + OkHttpCdnClient.redact(sourceUri);
    }
}
