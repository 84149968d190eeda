package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;

/** Download rates by source and the upload rate at one second of the throughput chart, in bytes per second. */
public record ThroughputPoint(double peer, double cdn, double fallback, double upload) {
    public static final ThroughputPoint ZERO = new ThroughputPoint(0, 0, 0, 0);

    /** The rates of a snapshot. */
    public static ThroughputPoint of(EngineSnapshot e) {
        return new ThroughputPoint(e.source(DeliverySource.PEER).downloadRate(),
                e.source(DeliverySource.CDN).downloadRate(), e.source(DeliverySource.FALLBACK).downloadRate(),
                e.uploadRate());
    }
}
