package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.source.SegmentListener;
import io.p2pviewer.engine.source.SegmentRequest;
import io.p2pviewer.engine.stats.TrafficStats;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDN fetches of one stream's segments: at most one per segment, retried with backoff, counted byte by byte
 * as they arrive. A fetch after a peer transfer that was given up asks only for the rest (an HTTP range) and the
 * peer's bytes and the CDN's are verified as one segment; if they fail, the whole segment is fetched again and
 * the peer is banned if its bytes differ from the origin's (suspect checks). Engine thread only; the CDN client's
 * callbacks are posted to it.
 */
@EngineThread
final class CdnFetches {
    /** The stream's log lines keep the controller's logger name. */
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(400);

    /** What the fetches need of their stream. Engine thread. */
    interface Host {
        /** The stream's track of that name, or null. */
        Track track(String name);

        /** A fetch completed (verified, for a resumed one): the segment is cached and served. */
        void fetched(CachedSegment segment);

        /** A fetch failed for good: the error is kept and the player's requests for the segment fail. */
        void gaveUp(StreamError.SegmentFailed error);
    }

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

    private final String streamId;
    private final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final SegmentCache cache;
    private final TrafficStats traffic;
    private final DeliveryEventListener events;
    private final int attempts;
    private final Runnable changed;
    private final BooleanSupplier closed;
    private final BooleanSupplier draining;
    private final Host host;
    private final Map<SegmentId, Fetch> inflight = new HashMap<>();
    private final PeerPrefixes prefixes = new PeerPrefixes();
    private final List<CompletableFuture<Void>> drained = new ArrayList<>();

    /**
     * @param attempts how many times a segment is tried before it fails
     * @param changed told whenever the fetches in flight change (announcements follow them)
     * @param closed true once the stream is closed: nothing starts or is retried
     * @param draining true once the stream drains: nothing new starts
     */
    CdnFetches(String streamId, TaskScheduler scheduler, CdnClient cdn, SegmentCache cache, TrafficStats traffic,
               DeliveryEventListener events, int attempts, Runnable changed, BooleanSupplier closed,
               BooleanSupplier draining, Host host) {
        this.streamId = streamId;
        this.scheduler = scheduler;
        this.cdn = cdn;
        this.cache = cache;
        this.traffic = traffic;
        this.events = events;
        this.attempts = attempts;
        this.changed = changed;
        this.closed = closed;
        this.draining = draining;
        this.host = host;
    }

    /**
     * Starts a CDN fetch of a known segment unless it is cached or already being fetched.
     *
     * @param why for the delivery events
     * @param seed an early fetch nobody else makes: peers are told we load it (see {@link #seeding})
     */
    void start(Track track, long mediaSequence, DeliverySource kind, String why, boolean seed) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        MediaSegment segment = track.known.get(mediaSequence);
        if (closed.getAsBoolean() || draining.getAsBoolean() || segment == null || inflight.containsKey(sid)
                || cache.contains(sid)) {
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
        changed.run();
        events.onEvent(rest == null ? new DeliveryEvent.CdnFetchStarted(sid, kind, why)
                : new DeliveryEvent.CdnRestFetchStarted(sid, kind, why, prefix.peer(), prefix.bytes().length));
        start(fetch);
        if (track.p2p != null && seed) {
            track.p2p.announceSoon();
        }
    }

    /** True while the segment is being fetched from the CDN. */
    boolean loading(SegmentId sid) {
        return inflight.containsKey(sid);
    }

    /** The track's segments being seeded: fetched early from the CDN because no peer had them. */
    Set<Long> seeding(String track) {
        Set<Long> out = new HashSet<>();
        inflight.forEach((sid, fetch) -> {
            if (fetch.seed && sid.track().equals(track)) {
                out.add(sid.mediaSequence());
            }
        });
        return out;
    }

    /**
     * Keeps the first bytes a peer sent of a segment before its transfer was given up, so that the CDN fetch that
     * follows asks only for the rest; not when the segment is cached or already being fetched.
     */
    void keepPrefix(SegmentId sid, PeerPrefixes.PeerPrefix prefix) {
        if (!cache.contains(sid) && !inflight.containsKey(sid)) {
            prefixes.keep(sid, prefix);
        }
    }

    /** The segment is cached: a peer's first bytes of it are no longer needed. */
    void forgetPrefix(SegmentId sid) {
        prefixes.forget(sid);
    }

    /** A future that completes once no fetch is in flight (the stream drains: nothing new starts). */
    CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (inflight.isEmpty()) {
            f.complete(null);
        } else {
            drained.add(f);
        }
        return f;
    }

    /** Cancels every fetch in flight (the stream closes). */
    void cancelAll() {
        for (Fetch f : inflight.values()) {
            f.handle.cancel();
        }
        inflight.clear();
    }

    private void start(Fetch fetch) {
        DeliverySource kind = fetch.kind;
        SegmentRequest request = fetch.request;
        fetch.handle = cdn.fetchBytes(request.uri(), request.offset(), request.length(), new SegmentListener() {
            @Override
            public void onBytes(int count) {
                scheduler.execute(() -> traffic.downloaded(kind, count, now()));
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
        Track track = host.track(sid.track());
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
        Track track = host.track(sid.track());
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
        events.onEvent(new DeliveryEvent.CdnWholeRefetchStarted(sid, fetch.kind, why));
        start(fetch);
    }

    /** The origin's whole segment shows whether the peer's bytes that failed verification with its rest were bad. */
    private void judgeSuspect(Fetch fetch, byte[] whole) {
        PeerPrefixes.PeerPrefix suspect = fetch.suspect;
        Track track = host.track(fetch.request.id().track());
        if (PeerPrefixes.matches(suspect.bytes(), whole)) {
            log.warn("[{}] {}: the peer's first bytes match the origin's, the origin's range did not fit them",
                    streamId, fetch.request.id());
        } else if (track != null && track.p2p != null) {
            track.p2p.rejectedPrefix(suspect.peer(), fetch.request.id().mediaSequence());
        }
    }

    private void completed(Fetch fetch, CachedSegment segment) {
        if (inflight.remove(segment.id()) != fetch) {
            return;
        }
        changed.run();
        host.fetched(segment);
        checkDrained();
    }

    private void failed(Fetch fetch, String reason, boolean retryable) {
        if (inflight.get(fetch.request.id()) != fetch) {
            return;
        }
        if (fetch.prefix != null && !retryable && !closed.getAsBoolean()) {
            refetchWhole(fetch, "the origin refused the rest: " + reason); // e.g. a peer that declared a wrong size
            return;
        }
        if (retryable && fetch.attempt < attempts && !closed.getAsBoolean()) {
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
        changed.run();
        checkDrained();
        host.gaveUp(new StreamError.SegmentFailed(now(), fetch.request.id(), reason));
    }

    private void checkDrained() {
        if (draining.getAsBoolean() && inflight.isEmpty()) {
            drained.forEach(f -> f.complete(null));
            drained.clear();
        }
    }

    private Instant now() {
        return scheduler.clock().instant();
    }
}
