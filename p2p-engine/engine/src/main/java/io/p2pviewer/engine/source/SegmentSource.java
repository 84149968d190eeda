package io.p2pviewer.engine.source;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.time.Cancellable;

/**
 * A place segments can be fetched from: the CDN now, peers later. The engine thread decides which source serves
 * which segment; sources only move bytes.
 */
public interface SegmentSource {
    /** Which counter the bytes of this source go to when the fetch was planned for it. */
    DeliverySource kind();

    /** Starts a fetch; never blocks. */
    Cancellable fetch(SegmentRequest request, SegmentListener listener);
}
