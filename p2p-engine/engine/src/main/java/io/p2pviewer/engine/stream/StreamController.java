package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.OkHttpCdnClient;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened stream: its tracks and the player's requests for their playlists and segments, coordinated over
 * parts with one job each: {@link PlaylistLoader} (media playlists), {@link CdnFetches} (segments from the CDN),
 * {@link PlayerWaits} (the player's waiting requests and their patience), {@link StreamStats} (counters and the
 * snapshot), and with P2P configured a {@link TrackP2p} (swarm and planner) for each track the player uses. The
 * controller answers from the cache, caches what arrives and tells the parts. Every method runs on the engine
 * thread; callbacks from HTTP and peer threads are posted back to it.
 */
@EngineThread
public final class StreamController {
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    /** A track joins its swarm this long after its first use at the latest (see {@link #activate}). */
    static final Duration JOIN_AT_THE_LATEST = Duration.ofSeconds(1);
    private final String id;
    private final URI sourceUri;
    private final String masterText;
    /** The variant's track the player is pinned to, -1 for all (engine thread). */
    private int pinnedTrack = -1;
    private final List<Track> tracks;
    private final StreamContext context;
    private final TaskScheduler scheduler;
    private final SegmentCache cache;
    /** The context's listener, then the debug log. */
    private final DeliveryEventListener events;
    private final StreamStats stats;
    private final PlaylistLoader playlists;
    private final CdnFetches fetches;
    private final PlayerWaits waits;
    private final Host host = new Host();
    /** Bumped whenever the cache, the CDN fetches in flight or a playlist change: announcements follow it. */
    private long changes;
    private boolean closed;
    private boolean draining;

    StreamController(String id, URI sourceUri, String masterText, List<Track> tracks, StreamContext context) {
        this.id = id;
        this.sourceUri = sourceUri;
        this.masterText = masterText;
        this.tracks = List.copyOf(tracks);
        this.context = context;
        this.scheduler = context.scheduler();
        this.cache = context.cache();
        DeliveryEventListener debugLog = new LoggingDeliveryEventListener(id);
        this.events = event -> {
            context.events().onEvent(event);
            debugLog.onEvent(event);
        };
        this.stats = new StreamStats(id);
        this.playlists = new PlaylistLoader(scheduler, context.cdn(), stats, cache, this::changed, () -> closed);
        this.fetches = new CdnFetches(id, scheduler, context.cdn(), cache, stats.traffic(), events,
                context.segmentAttempts(), this::changed, () -> closed, () -> draining, host);
        this.waits = new PlayerWaits(scheduler, cache, fetches, stats, events, context.deadlineGrace(),
                () -> closed);
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
        scheduler.assertCurrentThread();
        for (Track t : tracks) {
            if (t.rewritten == null) {
                playlists.load(t);
            }
        }
    }

    // ---- player requests (engine thread) ----

    public CompletableFuture<String> master() {
        scheduler.assertCurrentThread();
        if (masterText == null) {
            return CompletableFuture.failedFuture(new ProxyFailure(404, "stream has no master playlist"));
        }
        String text = pinnedTrack < 0 ? masterText : MasterPin.only(masterText, pinnedTrack);
        return CompletableFuture.completedFuture(text);
    }

    /**
     * Pins the player to one variant (a quality menu's choice): from now on the master the player reads lists only
     * the variant of that track; -1 lists them all again (adaptive). Nothing else changes (tracks, swarms, cache).
     * The player must read the master again (play it anew) to see the change.
     *
     * @throws IllegalArgumentException if the track is not one of this stream's variants
     */
    public void pinVariant(int trackIndex) {
        scheduler.assertCurrentThread();
        if (trackIndex >= 0 && (masterText == null || !MasterPin.isVariant(masterText, trackIndex))) {
            throw new IllegalArgumentException("no variant with track " + trackIndex);
        }
        pinnedTrack = trackIndex;
    }

    public CompletableFuture<String> playlist(int trackIndex) {
        scheduler.assertCurrentThread();
        Instant now = now();
        Track track = playerTrack(trackIndex, now);
        return track == null ? noTrack(trackIndex) : playlists.playlist(track, now);
    }

    /** The track the player asks for, now in use; null when there is no such track. */
    private Track playerTrack(int trackIndex, Instant now) {
        Track track = track(trackIndex);
        if (track != null) {
            activate(track, now);
        }
        return track;
    }

    private static <T> CompletableFuture<T> noTrack(int trackIndex) {
        return CompletableFuture.failedFuture(new ProxyFailure(404, "no track " + trackIndex));
    }

    /** The player asks for a segment: from the cache, or it waits for a fetch (started now if none is planned). */
    public CompletableFuture<CachedSegment> segment(int trackIndex, long mediaSequence) {
        scheduler.assertCurrentThread();
        Instant now = now();
        Track track = playerTrack(trackIndex, now);
        if (track == null) {
            return noTrack(trackIndex);
        }
        boolean first = track.playhead < 0;
        Instant due = waits.due(track, mediaSequence, now);
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        var cached = cache.get(sid);
        events.onEvent(cached.isPresent() ? new DeliveryEvent.PlayerAskedCached(sid, cached.get().source())
                : new DeliveryEvent.PlayerWaits(sid));
        if (cached.isPresent()) {
            afterPlayerRequest(track, mediaSequence);
            return CompletableFuture.completedFuture(cached.get());
        }
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment == null) {
            StreamError.UnknownSegment unknown = new StreamError.UnknownSegment(now(), sid);
            stats.error(unknown);
            return CompletableFuture.failedFuture(new ProxyFailure(404, unknown.message()));
        }
        CompletableFuture<CachedSegment> result = waits.await(track, mediaSequence, now, due, first);
        afterPlayerRequest(track, mediaSequence);
        return result;
    }

    /**
     * After a player request: without P2P the next segment is fetched while the player reads this one (players
     * read in order: that hides a round trip); with P2P the planner runs (its windows do this).
     */
    private void afterPlayerRequest(Track track, long mediaSequence) {
        if (track.p2p == null) {
            if (track.known.containsKey(mediaSequence + 1)) {
                fetches.start(track, mediaSequence + 1, DeliverySource.CDN, "read ahead", false);
            }
        } else {
            track.p2p.tick();
        }
    }

    /** The proxy handed {@code bytes} bytes of a segment to the player. */
    public void served(CachedSegment segment, long bytes, String sha256) {
        scheduler.assertCurrentThread();
        stats.served(segment, bytes, sha256, now());
        Track track = trackNamed(segment.id().track());
        if (track != null && track.p2p == null && track.joinTimer != null) {
            join(track);
        }
    }

    /** The player reports how far it has played (media seconds since it started), for the buffer estimate. */
    public void playback(double seconds) {
        scheduler.assertCurrentThread();
        stats.playback(seconds);
    }

    /** The player reports its stalls so far (the engine cannot see them), for /metrics. */
    public void stalls(int count, double seconds) {
        scheduler.assertCurrentThread();
        stats.stalls(count, seconds);
    }

    public int stalls() {
        return stats.stalls();
    }

    public double stallSeconds() {
        return stats.stallSeconds();
    }

    public EngineSnapshot snapshot() {
        scheduler.assertCurrentThread();
        List<PeerInfo> peers = new ArrayList<>();
        for (Track t : tracks) {
            if (t.p2p != null) {
                peers.addAll(t.p2p.swarm().peerInfos());
            }
        }
        return stats.snapshot(now(), cache, peers, context.banned().size());
    }

    /** What each track's swarm holds in memory for its peers now, in track order (engine thread). */
    public List<io.p2pviewer.engine.peer.swarm.SwarmFootprint> swarmFootprints() {
        scheduler.assertCurrentThread();
        List<io.p2pviewer.engine.peer.swarm.SwarmFootprint> out = new ArrayList<>();
        for (Track t : tracks) {
            if (t.p2p != null) {
                out.add(t.p2p.swarm().footprint());
            }
        }
        return out;
    }

    public List<ServedSegment> servedSegments() {
        return stats.servedSegments();
    }

    /** The last {@code n} segments served to the player, oldest first (the stats panel's timeline). */
    public List<ServedSegment> recentSegments(int n) {
        return stats.recentSegments(n);
    }

    public List<StreamError> errors() {
        return stats.errors();
    }

    /**
     * Ends the session's delivery without losing count: peers are disconnected, nothing new is fetched, and the
     * future completes once every CDN fetch in flight has finished (so downloaded bytes match the origin's).
     */
    public CompletableFuture<Void> drain() {
        scheduler.assertCurrentThread();
        draining = true;
        stopTracks();
        return fetches.whenIdle();
    }

    public void close() {
        scheduler.assertCurrentThread();
        closed = true;
        stopTracks();
        fetches.cancelAll();
        waits.close();
    }

    /** Stops the tracks' playlist reloads and their P2P. */
    private void stopTracks() {
        for (Track t : tracks) {
            playlists.stop(t);
            if (t.p2p != null) {
                t.p2p.close();
            }
        }
    }

    // ---- tracks, arrivals and P2P ----

    /**
     * The player uses the track. A track with a swarm (P2P configured) joins it once the player's first segment of
     * it has been served, or {@link #JOIN_AT_THE_LATEST} after its first use if that takes longer: until then the
     * engine does what a CDN-only one does, so the tracker connection, the first WebRTC offers and the hash list do
     * not compete with the player's start (they cost a P2P engine 70-120 ms of its first frame, docs/BENCHMARKS.md).
     */
    private void activate(Track track, Instant now) {
        track.lastActivity = now;
        if (track.joinTimer == null && mayJoin(track)) {
            track.joinTimer = scheduler.schedule(JOIN_AT_THE_LATEST, () -> join(track));
        }
    }

    private boolean mayJoin(Track track) {
        return track.p2p == null && track.swarmId != null && context.p2p() != null && !closed && !draining;
    }

    /** Joins the track's swarm unless it has already (see {@link #activate}). */
    private void join(Track track) {
        track.joinTimer.cancel();
        if (mayJoin(track)) {
            Instant now = now();
            track.p2p = new TrackP2p(track, context, stats.traffic(), events, host);
            track.p2p.start();
            if (log.isDebugEnabled()) {
                log.debug("[{}] {} joined its swarm in {} ms of the engine thread", id, track.name,
                        Duration.between(now, now()).toMillis());
            }
        }
    }

    /** Installs the first playlist of a media-only stream (for the opener). */
    void accept(Track track, MediaPlaylist media) {
        playlists.accept(track, media);
    }

    /** Caches a segment, answers the player requests waiting for it, and tells the swarm. */
    private void deliver(CachedSegment segment) {
        cache.put(segment);
        fetches.forgetPrefix(segment.id());
        changed();
        events.onEvent(new DeliveryEvent.Cached(segment.id(), segment.source()));
        waits.arrived(segment);
        Track t = trackNamed(segment.id().track());
        if (t != null) {
            t.newestHeld = Math.max(t.newestHeld, segment.id().mediaSequence());
        }
        if (t != null && t.p2p != null) {
            t.p2p.announceSoon();
        }
    }

    private void changed() {
        changes++;
    }

    Track track(int index) {
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

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** What the CDN fetches and the tracks' P2P need of the stream: the parts, coordinated. Engine thread. */
    private final class Host implements CdnFetches.Host, TrackP2pHost {
        @Override
        public Track track(String name) {
            return trackNamed(name);
        }

        @Override
        public void fetched(CachedSegment segment) {
            if (cache.contains(segment.id())) {
                return; // a peer was faster (the CDN fetch raced its transfer); the CDN's bytes stay counted
            }
            deliver(segment);
            Track t = trackNamed(segment.id().track());
            var raced = t == null || t.p2p == null ? null : t.p2p.swarm().transfer(segment.id().mediaSequence());
            if (raced != null) {
                t.p2p.swarm().abandon(raced.peer(), "the CDN delivered it first", false);
            }
        }

        @Override
        public void gaveUp(StreamError.SegmentFailed error) {
            stats.error(error);
            waits.failed(error.segment(), new ProxyFailure(502, error.message()));
        }

        @Override
        public boolean cdnLoading(SegmentId segment) {
            return fetches.loading(segment);
        }

        @Override
        public Set<Long> seeding(Track track) {
            return fetches.seeding(track.name);
        }

        @Override
        public boolean playerWaits(SegmentId segment) {
            return waits.waits(segment);
        }

        @Override
        public boolean peerFailed(SegmentId segment) {
            return waits.peerFailed(segment);
        }

        @Override
        public long changes() {
            return changes;
        }

        @Override
        public void fetchFromCdn(Track track, long mediaSequence, DeliverySource kind, String reason, boolean seed) {
            fetches.start(track, mediaSequence, kind, reason, seed);
        }

        @Override
        public void deliveredByPeer(Track track, long mediaSequence, byte[] data, String sha256, String peer,
                                    long fetchMillis, String verifiedBy) {
            SegmentId sid = new SegmentId(track.name, mediaSequence);
            if (cache.contains(sid)) {
                return; // the CDN was faster; the peer's bytes stay counted as downloaded
            }
            MediaSegment segment = track.known.get(mediaSequence);
            double duration = segment == null ? 0 : segment.duration();
            deliver(new CachedSegment(sid, data, DeliverySource.PEER, sha256, duration, peer, fetchMillis,
                    verifiedBy, data.length));
        }

        @Override
        public void peerPartial(Track track, long mediaSequence, String peer, byte[] prefix, long declaredTotal) {
            fetches.keepPrefix(new SegmentId(track.name, mediaSequence),
                    new PeerPrefixes.PeerPrefix(peer, prefix, declaredTotal));
        }

        @Override
        public void peerFetchFailed(Track track, long mediaSequence) {
            waits.peerFetchFailed(track, mediaSequence);
        }

        @Override
        public void reloadPlaylist(Track track) {
            playlists.reloadSoon(track);
        }

        @Override
        public void peerBanned(StreamError.PeerBanned ban) {
            stats.error(ban);
        }
    }

    @Override
    public String toString() {
        return "stream " + id + " " + OkHttpCdnClient.redact(sourceUri);
    }
}
