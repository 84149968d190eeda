package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.util.Set;

/**
 * The engine-wide parts every stream controller uses.
 *
 * @param p2p peer-to-peer settings, null for CDN only
 * @param banned peers banned this session, shared by all swarms (engine thread only)
 * @param events receives every stream's delivery decisions and outcomes (tests record them; each stream also logs
 *               them at debug through a {@link LoggingDeliveryEventListener}); see {@link DeliveryEventListener}
 *               for its contract
 * @param swarmQualifier added to the stream's swarm base id (empty for none): names apart the swarm of a stream
 *               whose URL differs from another's only in its query (a catch-up archive of a live channel,
 *               {@code ?utc=...}), as the base id drops the query
 */
public record StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                            int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned,
                            DeliveryEventListener events, String swarmQualifier) {
    public StreamContext {
        swarmQualifier = swarmQualifier == null ? "" : swarmQualifier;
    }

    public StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                         int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned,
                         DeliveryEventListener events) {
        this(scheduler, cdn, cache, segmentAttempts, deadlineGrace, p2p, banned, events, "");
    }

    public StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                         int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned) {
        this(scheduler, cdn, cache, segmentAttempts, deadlineGrace, p2p, banned, DeliveryEventListener.NONE);
    }

    /**
     * This context with a cache of its own: segments are cached by track name and media sequence ("720p", 42),
     * which two streams (two channels) share, so each stream needs its own cache or one channel's segments are
     * served as the other's.
     */
    public StreamContext withCache(SegmentCache streamCache) {
        return new StreamContext(scheduler, cdn, streamCache, segmentAttempts, deadlineGrace, p2p, banned, events,
                swarmQualifier);
    }

    /** This context with another CDN client (a stream's own headers: {@link CdnClient#withHeaders}). */
    public StreamContext withCdn(CdnClient streamCdn) {
        return streamCdn == cdn ? this
                : new StreamContext(scheduler, streamCdn, cache, segmentAttempts, deadlineGrace, p2p, banned, events,
                        swarmQualifier);
    }

    /** This context naming its stream's swarms with {@code qualifier} after the base id (see the component). */
    public StreamContext withSwarmQualifier(String qualifier) {
        return new StreamContext(scheduler, cdn, cache, segmentAttempts, deadlineGrace, p2p, banned, events,
                qualifier);
    }
}
