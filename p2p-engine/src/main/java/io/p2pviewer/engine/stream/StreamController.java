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
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.PlaylistException;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.PlaylistRewriter;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.source.SegmentRequest;
import io.p2pviewer.engine.source.SegmentSource;
import io.p2pviewer.engine.stats.TrafficStats;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one opened stream: its tracks, their playlists, segment fetches in flight, what was served, and
 * the byte counters. Every method runs on the engine thread; callbacks from HTTP threads are posted back to it.
 */
public final class StreamController {
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    private static final int MAX_ERRORS = 200;
    private static final int RECENT_ERRORS = 20;
    private static final int MAX_SERVED_LOG = 200_000;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(400);

    private final String id;
    private final URI sourceUri;
    private final String masterText;
    private final List<Track> tracks;
    private final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final SegmentSource cdnSource;
    private final SegmentCache cache;
    private final int segmentAttempts;
    private final TrafficStats stats = new TrafficStats();
    private final Map<SegmentId, Fetch> inflight = new HashMap<>();
    private final List<ServedSegment> served = new ArrayList<>();
    private final Set<SegmentId> servedOnce = new HashSet<>();
    private final ArrayDeque<StreamError> errors = new ArrayDeque<>();
    private String currentVariant = "";
    private double servedMediaSeconds;
    private double playbackSeconds = -1;
    private long servedCount;
    private boolean closed;

    /** A segment fetch in flight and the requests waiting for it. */
    private final class Fetch {
        final SegmentRequest request;
        final Track track;
        final List<CompletableFuture<CachedSegment>> waiters = new ArrayList<>();
        int attempt = 1;
        Cancellable handle = Cancellable.NONE;

        Fetch(SegmentRequest request, Track track) {
            this.request = request;
            this.track = track;
        }
    }

    StreamController(String id, URI sourceUri, String masterText, List<Track> tracks, StreamContext context) {
        this.id = id;
        this.sourceUri = sourceUri;
        this.masterText = masterText;
        this.tracks = List.copyOf(tracks);
        this.scheduler = context.scheduler();
        this.cdn = context.cdn();
        this.cdnSource = context.cdnSource();
        this.cache = context.cache();
        this.segmentAttempts = context.segmentAttempts();
    }

    public String id() {
        return id;
    }

    /** Loads every track's playlist now, in parallel, so the player's first playlist request is answered at once. */
    public void preload() {
        for (Track t : tracks) {
            if (t.rewritten == null) {
                load(t);
            }
        }
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
        track.lastActivity = now;
        if (track.rewritten != null && (!track.live() || age(track, now).compareTo(freshFor(track)) < 0)) {
            return CompletableFuture.completedFuture(track.rewritten);
        }
        return load(track);
    }

    public CompletableFuture<CachedSegment> segment(int trackIndex, long mediaSequence) {
        Track track = track(trackIndex);
        if (track == null) {
            return CompletableFuture.failedFuture(new ProxyFailure(404, "no track " + trackIndex));
        }
        track.lastActivity = now();
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        var cached = cache.get(sid);
        if (cached.isPresent()) {
            readAhead(track, mediaSequence + 1);
            return CompletableFuture.completedFuture(cached.get());
        }
        CompletableFuture<CachedSegment> result = new CompletableFuture<>();
        Fetch fetch = inflight.get(sid);
        if (fetch == null) {
            MediaSegment segment = track.known.get(mediaSequence);
            if (segment == null) {
                String msg = "segment " + sid + " is not in any playlist the engine has seen";
                error(StreamError.Kind.UNKNOWN_SEGMENT, msg);
                return CompletableFuture.failedFuture(new ProxyFailure(404, msg));
            }
            fetch = startFetch(track, sid, segment);
        }
        fetch.waiters.add(result);
        readAhead(track, mediaSequence + 1);
        return result;
    }

    /**
     * Players read segments in order: fetching the next one while the player reads this one hides a round trip.
     * (The P2P scheduler replaces this with its prefetch windows.)
     */
    private void readAhead(Track track, long mediaSequence) {
        SegmentId next = new SegmentId(track.name, mediaSequence);
        MediaSegment segment = track.known.get(mediaSequence);
        if (segment != null && !inflight.containsKey(next) && !cache.contains(next) && !closed) {
            startFetch(track, next, segment);
        }
    }

    private Fetch startFetch(Track track, SegmentId sid, MediaSegment segment) {
        Fetch fetch = new Fetch(requestFor(sid, segment), track);
        inflight.put(sid, fetch);
        start(fetch);
        return fetch;
    }

    /** The proxy handed {@code bytes} bytes of a segment to the player. */
    public void served(CachedSegment segment, long bytes, String sha256) {
        stats.served(segment.source(), bytes);
        servedCount++;
        if (served.size() < MAX_SERVED_LOG) {
            served.add(new ServedSegment(now(), segment.id().track(), segment.id().mediaSequence(), segment.source(),
                    bytes, sha256, segment.durationSeconds()));
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

    public EngineSnapshot snapshot() {
        Instant now = now();
        double buffer = playbackSeconds < 0 ? 0 : Math.max(0, servedMediaSeconds - playbackSeconds);
        List<StreamError> recent = new ArrayList<>(errors).subList(Math.max(0, errors.size() - RECENT_ERRORS),
                errors.size());
        return new EngineSnapshot(now, stats.snapshot(now), currentVariant, buffer, servedCount, cache.bytes(),
                cache.size(), recent);
    }

    public List<ServedSegment> servedSegments() {
        return List.copyOf(served);
    }

    public List<StreamError> errors() {
        return List.copyOf(errors);
    }

    public void close() {
        closed = true;
        for (Track t : tracks) {
            t.reloadTimer.cancel();
        }
        for (Fetch f : inflight.values()) {
            f.handle.cancel();
            f.waiters.forEach(w -> w.completeExceptionally(new ProxyFailure(503, "stream closed")));
        }
        inflight.clear();
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
                String msg = "Loading playlist of " + track.name + " failed: " + rootMessage(failure);
                error(StreamError.Kind.PLAYLIST_FAILED, msg);
                failOrStale(track, loading, new ProxyFailure(502, msg));
                return;
            }
            try {
                MediaPlaylist media = PlaylistParser.parseMedia(response.finalUri(), response.body());
                accept(track, media);
                loading.complete(track.rewritten);
            } catch (PlaylistException e) {
                String msg = "Malformed playlist of " + track.name + ": " + e.getMessage();
                error(StreamError.Kind.MALFORMED_PLAYLIST, msg);
                failOrStale(track, loading, new ProxyFailure(502, msg));
            }
        }));
        return loading;
    }

    /** Installs a freshly fetched playlist of the track; package-private for the opener of media-only streams. */
    void accept(Track track, MediaPlaylist media) {
        track.latest = media;
        track.fetchedAt = now();
        track.remember(media);
        track.rewritten = PlaylistRewriter.rewriteMedia(media,
                s -> "seg/" + s.mediaSequence() + "." + extension(s.uri()));
        scheduleReload(track);
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
        Duration target = Duration.ofMillis(Math.max(500, (long) (track.latest.targetDurationSeconds() * 1000)));
        track.reloadTimer = scheduler.schedule(target, () -> {
            Instant idleSince = track.lastActivity == null ? Instant.MIN : track.lastActivity;
            if (!closed && Duration.between(idleSince, now()).compareTo(target.multipliedBy(3)) < 0) {
                load(track);
            }
        });
    }

    private static Duration freshFor(Track track) {
        return Duration.ofMillis((long) (track.latest.targetDurationSeconds() * 500));
    }

    private Duration age(Track track, Instant now) {
        return track.fetchedAt == null ? Duration.ofDays(1) : Duration.between(track.fetchedAt, now);
    }

    // ---- segments ----

    private SegmentRequest requestFor(SegmentId sid, MediaSegment segment) {
        var range = segment.byteRange();
        return new SegmentRequest(sid, segment.uri(), range == null ? 0 : range.offset(),
                range == null ? -1 : range.length(), segment.duration());
    }

    private void start(Fetch fetch) {
        SegmentSource source = cdnSource;
        DeliverySource kind = source.kind();
        fetch.handle = source.fetch(fetch.request, new SegmentListener() {
            @Override
            public void onBytes(int count) {
                scheduler.execute(() -> stats.downloaded(kind, count, now()));
            }

            @Override
            public void onComplete(byte[] data) {
                String sha = Hashes.sha256Hex(data);
                scheduler.execute(() -> completed(fetch, new CachedSegment(fetch.request.id(), data, kind, sha,
                        fetch.request.durationSeconds())));
            }

            @Override
            public void onFailure(String reason, boolean retryable) {
                scheduler.execute(() -> failed(fetch, reason, retryable));
            }
        });
    }

    private void completed(Fetch fetch, CachedSegment segment) {
        if (inflight.remove(segment.id()) != fetch) {
            return;
        }
        cache.put(segment);
        fetch.waiters.forEach(w -> w.complete(segment));
    }

    private void failed(Fetch fetch, String reason, boolean retryable) {
        if (inflight.get(fetch.request.id()) != fetch) {
            return;
        }
        if (retryable && fetch.attempt < segmentAttempts && !closed) {
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
        String msg = "Segment " + fetch.request.id() + " failed: " + reason;
        error(StreamError.Kind.SEGMENT_FAILED, msg);
        fetch.waiters.forEach(w -> w.completeExceptionally(new ProxyFailure(502, msg)));
    }

    // ---- helpers ----

    private Track track(int index) {
        return index >= 0 && index < tracks.size() ? tracks.get(index) : null;
    }

    private void error(StreamError.Kind kind, String message) {
        log.warn("[{}] {}", id, message);
        errors.addLast(new StreamError(now(), kind, message));
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    private Instant now() {
        return scheduler.clock().instant();
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
        return ext.matches("[A-Za-z0-9]{1,8}") ? ext : "ts";
    }

    @Override
    public String toString() {
        return "stream " + id + " " + OkHttpCdnClient.redact(sourceUri);
    }
}
