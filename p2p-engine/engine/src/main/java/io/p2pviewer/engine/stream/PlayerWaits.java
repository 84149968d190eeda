package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.proxy.ProxyFailure;
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

/**
 * The player's requests for segments the cache does not hold: who waits for which segment since when, when each
 * wait is owed (its deadline), and the patience of a request made ahead of the player's need, during which peers
 * may deliver before the CDN is asked. Answers the waits when the segment arrives or fails, and counts the waits
 * and missed deadlines. Engine thread only.
 */
@EngineThread
final class PlayerWaits {
    /**
     * A peer fetch that fails (most often a busy holder's SegmentAbsent) while the player's patient request has
     * more than this of its patience left goes back to the planner rather than to the CDN at once: another holder
     * may be free. Less than this left, the CDN fetch would come too close to the player's need. n100 simulated,
     * 8 seeds: 90.0 % offload against 88.5 % when every failure while the player waits goes to the CDN; missed
     * deadlines 182 against 114 (0 ms: 89.7 % and 776; 2 s: 89.2 % and 135); 0 stalls either way.
     */
    static final Duration PEERS_RETRIED_WITHIN_PATIENCE = Duration.ofSeconds(1);

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

    private final TaskScheduler scheduler;
    private final SegmentCache cache;
    private final CdnFetches fetches;
    private final StreamStats stats;
    private final DeliveryEventListener events;
    private final Duration deadlineGrace;
    private final BooleanSupplier closed;
    private final Map<SegmentId, Waiting> waiting = new HashMap<>();
    private final Set<SegmentId> peerFailed = new HashSet<>();

    /**
     * @param deadlineGrace how late past its deadline a wait may be answered before it counts as missed
     * @param closed true once the stream is closed: a patience that ends then starts nothing
     */
    PlayerWaits(TaskScheduler scheduler, SegmentCache cache, CdnFetches fetches, StreamStats stats,
                DeliveryEventListener events, Duration deadlineGrace, BooleanSupplier closed) {
        this.scheduler = scheduler;
        this.cache = cache;
        this.fetches = fetches;
        this.stats = stats;
        this.events = events;
        this.deadlineGrace = deadlineGrace;
        this.closed = closed;
    }

    /**
     * The deadline of a segment the player asks for now; for the track's newest request it becomes the playhead.
     * Without P2P the request time; with P2P the player's estimated need, capped by the patience
     * ({@link TrackP2p#playerDue}).
     */
    Instant due(Track track, long mediaSequence, Instant now) {
        Instant due = now;
        if (mediaSequence >= track.playhead) {
            Instant need = track.playerNeed(mediaSequence, now); // kept before the join too
            due = track.p2p == null ? now : track.p2p.playerDue(need, now);
            track.playhead = mediaSequence;
            track.playheadDue = due;
        }
        return due;
    }

    /**
     * The player waits for a known segment the cache does not hold. A patient request (asked ahead of its need)
     * lets peers deliver it until its patience ends; otherwise, unless a CDN fetch or a peer's verdict is on its
     * way, it is fetched now.
     *
     * @param first the track's first request: its wait does not count for the deadline statistics
     */
    CompletableFuture<CachedSegment> await(Track track, long mediaSequence, Instant now, Instant due, boolean first) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        CompletableFuture<CachedSegment> result = new CompletableFuture<>();
        // The player asked ahead of its need: peers may deliver it within the patience (TrackP2p.playerDue); after
        // that it is fetched as if the player needed it now.
        Instant patientUntil = track.p2p == null ? now : due.minus(track.p2p.highDemand());
        boolean patient = patientUntil.isAfter(now);
        waiting.computeIfAbsent(sid, k -> new Waiting(now, !first, patient ? patientUntil : now)).futures.add(result);
        if (!fetches.loading(sid)) {
            if (track.p2p != null && track.p2p.verifying(mediaSequence)) {
                // delivered by a peer, verdict pending: it is served (or refetched) when the verdict comes
                events.onEvent(new DeliveryEvent.PlayerWaitsForVerdict(sid));
            } else if (patient) {
                events.onEvent(new DeliveryEvent.PlayerWaitsForPeers(sid, Duration.between(now, due).toMillis(),
                        Duration.between(now, patientUntil).toMillis()));
                scheduler.schedule(Duration.between(now, patientUntil), () -> patienceOver(track, mediaSequence));
            } else {
                needNow(track, mediaSequence);
            }
        }
        return result;
    }

    /** The player waits for a segment that is not cached, not loading from the CDN and not being verified. */
    private void needNow(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        var transfer = track.p2p == null ? null : track.p2p.swarm().transfer(mediaSequence);
        if (transfer == null) {
            fetches.start(track, mediaSequence, peerFailed.contains(sid) ? DeliverySource.FALLBACK
                    : DeliverySource.CDN, "the player needs it now", false);
        } else if (transfer.received() <= 0) {
            track.p2p.swarm().abandon(transfer.peer(), "player needs it now", false); // nothing came: no race
        } else {
            // Race the peer: cancelling would not stop what it already handed its channel (often the whole segment),
            // whose tail would share our downlink with the CDN's fetch. Whichever ends first is served; a CDN win
            // gives the transfer up (StreamController.fetched).
            fetches.start(track, mediaSequence, DeliverySource.FALLBACK, "the player needs it now; racing the peer",
                    false);
        }
    }

    /** A patient player request's wait for peers is over: unless they delivered, it is fetched now. */
    private void patienceOver(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        if (!closed.getAsBoolean() && waiting.containsKey(sid) && !fetches.loading(sid) && !cache.contains(sid)
                && (track.p2p == null || !track.p2p.verifying(mediaSequence))) {
            events.onEvent(new DeliveryEvent.PeersTooLate(sid));
            needNow(track, mediaSequence);
        }
    }

    /** True while the player waits for this segment. */
    boolean waits(SegmentId sid) {
        return waiting.containsKey(sid);
    }

    /** True once a peer fetch of the segment failed: a CDN fetch of it counts as FALLBACK. */
    boolean peerFailed(SegmentId sid) {
        return peerFailed.contains(sid);
    }

    /**
     * A peer fetch of a segment failed: a later CDN fetch of it counts as FALLBACK. A waiting player is served now,
     * unless its request is patient with more than {@link #PEERS_RETRIED_WITHIN_PATIENCE} of patience left: the
     * planner may then ask another holder, and the patience's end fetches it from the CDN at the latest.
     */
    void peerFetchFailed(Track track, long mediaSequence) {
        SegmentId sid = new SegmentId(track.name, mediaSequence);
        peerFailed.add(sid);
        events.onEvent(new DeliveryEvent.PeerFetchFailed(sid));
        Waiting w = waiting.get(sid);
        if (w == null || fetches.loading(sid) || cache.contains(sid)) {
            return;
        }
        if (now().plus(PEERS_RETRIED_WITHIN_PATIENCE).isBefore(w.owedFrom)) {
            events.onEvent(new DeliveryEvent.PeersRetried(sid, Duration.between(now(), w.owedFrom).toMillis()));
            return;
        }
        fetches.start(track, mediaSequence, DeliverySource.FALLBACK, "the player waits and the peer fetch failed",
                false);
    }

    /** The segment arrived in the cache: the player's requests waiting for it are answered and their waits counted. */
    void arrived(CachedSegment segment) {
        Waiting w = waiting.remove(segment.id());
        if (w == null) {
            return;
        }
        long waited = Duration.between(w.since, now()).toMillis();
        long late = Duration.between(w.owedFrom, now()).toMillis();
        events.onEvent(new DeliveryEvent.PlayerServed(segment.id(), waited));
        if (w.counts) {
            stats.playerWaited(waited);
            if (late > deadlineGrace.toMillis()) {
                stats.missedDeadline(segment, waited);
            }
        }
        w.futures.forEach(f -> f.complete(segment));
    }

    /** The segment cannot be had: the player's requests waiting for it fail. */
    void failed(SegmentId sid, ProxyFailure failure) {
        Waiting w = waiting.remove(sid);
        if (w != null) {
            w.futures.forEach(f -> f.completeExceptionally(failure));
        }
    }

    /** Fails every waiting request (the stream closes). */
    void close() {
        for (Waiting w : waiting.values()) {
            w.futures.forEach(f -> f.completeExceptionally(new ProxyFailure(503, "stream closed")));
        }
        waiting.clear();
    }

    private Instant now() {
        return scheduler.clock().instant();
    }
}
