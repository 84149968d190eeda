package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.source.SegmentSource;
import io.p2pviewer.engine.time.TaskScheduler;

/** The engine-wide parts every stream controller uses. */
public record StreamContext(TaskScheduler scheduler, CdnClient cdn, SegmentSource cdnSource, SegmentCache cache,
                            int segmentAttempts) {
}
