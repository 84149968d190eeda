package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SourceStats;

/**
 * The engine's byte counters as text: the chart legend (bytes downloaded and current rate per source, uploads;
 * ids {@code peerBytes}, {@code peerRate}, {@code cdnBytes}, ..., {@code uploaded}, {@code uploadRate}) and the
 * details section (bytes and segments served per source, deadlines, cache, bans). FX thread only.
 */
public final class DeliveryCountersViewModel {
    private final CounterGroup legend = new CounterGroup();
    private final CounterGroup details = new CounterGroup();

    public DeliveryCountersViewModel() {
        for (DeliverySource s : DeliverySource.values()) {
            String name = SourceColors.cssName(s);
            legend.add(name + "Bytes", SourceColors.label(s) + " bytes").add(name + "Rate", SourceColors.label(s) + " rate");
        }
        legend.add("uploaded", "Uploaded").add("uploadRate", "Upload rate");
        for (DeliverySource s : DeliverySource.values()) {
            details.add(SourceColors.cssName(s) + "Served", SourceColors.label(s) + " served");
        }
        details.add("segmentsServed", "Segments served")
                .add("missedDeadlines", "Missed deadlines")
                .add("maxPlayerWait", "Longest player wait")
                .add("cache", "Cache")
                .add("bannedPeers", "Peers banned")
                .add("relayed", "Peer bytes via TURN");
    }

    /** Bytes downloaded and rate per source, uploads: {@code <source>Bytes}, {@code <source>Rate}, ... */
    public CounterGroup legend() {
        return legend;
    }

    public CounterGroup details() {
        return details;
    }

    /** Shows the snapshot ("–" everywhere while no stream is open). */
    public void update(EngineSnapshot e) {
        if (e == null) {
            legend.clear();
            details.clear();
            return;
        }
        for (DeliverySource s : DeliverySource.values()) {
            SourceStats st = e.source(s);
            String name = SourceColors.cssName(s);
            legend.set(name + "Bytes", Format.bytes(st.downloadedBytes()));
            legend.set(name + "Rate", Format.rate(st.downloadRate()));
            details.set(name + "Served", Format.bytes(st.servedBytes()) + " in " + st.servedSegments() + " segments");
        }
        legend.set("uploaded", Format.bytes(e.uploadedBytes()));
        legend.set("uploadRate", Format.rate(e.uploadRate()));
        details.set("segmentsServed", Long.toString(e.segmentsServed()));
        details.set("missedDeadlines", Long.toString(e.missedDeadlines()));
        details.set("maxPlayerWait", e.maxPlayerWaitMillis() + " ms");
        details.set("cache", Format.bytes(e.cacheBytes()) + " in " + e.cacheSegments() + " segments");
        details.set("bannedPeers", Integer.toString(e.bannedPeers()));
        details.set("relayed", relayedText(e.relayedBytes(), e.source(DeliverySource.PEER).downloadedBytes()));
    }

    /** Relayed peer bytes and their share of all peer bytes: "12.0 MB (35 % of peer bytes)", or "0 B". */
    static String relayedText(long relayed, long peer) {
        if (relayed <= 0 || peer <= 0) {
            return Format.bytes(Math.max(0, relayed));
        }
        return Format.bytes(relayed) + " (" + Math.round(100.0 * relayed / peer) + " % of peer bytes)";
    }
}
