package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.source.SegmentSource;
import io.p2pviewer.engine.time.TaskScheduler;
import java.time.Duration;
import java.util.Set;

/**
 * The engine-wide parts every stream controller uses.
 *
 * @param p2p peer-to-peer settings, null for CDN only
 * @param banned peers banned this session, shared by all swarms (engine thread only)
 * @param events receives one line per delivery decision and outcome (tests assert on it; production logs at
 *               debug); called on the engine thread, must be fast and never throw
 */
public record StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentSource cdnSource, SegmentCache cache,
                            int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned,
                            java.util.function.Consumer<String> events) {
    public StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentSource cdnSource, SegmentCache cache,
                         int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned) {
        this(scheduler, cdn, cdnSource, cache, segmentAttempts, deadlineGrace, p2p, banned, e -> { });
    }
}
