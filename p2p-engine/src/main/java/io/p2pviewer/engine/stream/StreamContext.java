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
 * @param corruptUploads test and demo only: whether this engine serves corrupted bytes to peers right now
 * @param events receives every stream's delivery decisions and outcomes (tests record them; each stream also logs
 *               them at debug through a {@link LoggingDeliveryEventListener}); see {@link DeliveryEventListener}
 *               for its contract
 */
public record StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                            int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned,
                            DeliveryEventListener events,
                            java.util.function.BooleanSupplier corruptUploads) {
    public StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                         int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned) {
        this(scheduler, cdn, cache, segmentAttempts, deadlineGrace, p2p, banned, DeliveryEventListener.NONE);
    }

    public StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentCache cache,
                         int segmentAttempts, Duration deadlineGrace, P2pConfig p2p, Set<String> banned,
                         DeliveryEventListener events) {
        this(scheduler, cdn, cache, segmentAttempts, deadlineGrace, p2p, banned, events,
                () -> p2p != null && p2p.corruptUploads());
    }
}
