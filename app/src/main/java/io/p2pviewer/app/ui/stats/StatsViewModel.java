package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SourceStats;
import io.p2pviewer.player.PlayerStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The live counters of the stats panel as text: bytes and rate by source, buffer ahead, current variant,
 * stalls and libVLC's counters. Updated once a second from a {@link StatsSample}; FX thread only.
 */
public final class StatsViewModel {
    /** One labelled counter; {@code id} is stable (the view uses it as the node id, tests look it up). */
    public record Row(String id, String label, ReadOnlyStringWrapper value) {
        public ReadOnlyStringProperty valueProperty() {
            return value.getReadOnlyProperty();
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final javafx.collections.ObservableList<String> peerLines =
            javafx.collections.FXCollections.observableArrayList();

    public StatsViewModel() {
        for (DeliverySource s : DeliverySource.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            String label = s == DeliverySource.FALLBACK ? "Fallback" : s.name().charAt(0) + name.substring(1);
            if (s == DeliverySource.CDN) {
                label = "CDN";
            }
            add(name + "Bytes", label + " bytes");
            add(name + "Rate", label + " rate");
        }
        add("uploaded", "Uploaded");
        add("uploadRate", "Upload rate");
        add("peers", "Peers");
        add("offload", "Offload");
        add("missedDeadlines", "Missed deadlines");
        add("buffer", "Buffer ahead");
        add("variant", "Variant");
        add("stalls", "Stalls");
        add("framesDisplayed", "Frames shown");
        add("decodedVideo", "Decoded video");
        add("lostPictures", "Lost pictures");
        add("demuxBitrate", "Demux bitrate");
        add("demuxCorrupted", "Corrupted");
        clear();
    }

    private void add(String id, String label) {
        rows.put(id, new Row(id, label, new ReadOnlyStringWrapper("")));
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public ReadOnlyStringProperty value(String id) {
        return rows.get(id).valueProperty();
    }

    private void set(String id, String v) {
        rows.get(id).value().set(v);
    }

    /** Shows the sample. */
    public void update(StatsSample sample) {
        EngineSnapshot e = sample.engine();
        if (e == null) {
            clear();
        } else {
            for (DeliverySource s : DeliverySource.values()) {
                SourceStats st = e.source(s);
                String name = s.name().toLowerCase(Locale.ROOT);
                set(name + "Bytes", Format.bytes(st.downloadedBytes()));
                set(name + "Rate", Format.rate(st.downloadRate()));
            }
            set("uploaded", Format.bytes(e.uploadedBytes()));
            set("uploadRate", Format.rate(e.uploadRate()));
            List<io.p2pviewer.engine.peer.swarm.PeerInfo> connected = e.peers().stream()
                    .filter(io.p2pviewer.engine.peer.swarm.PeerInfo::connected).toList();
            set("peers", Integer.toString(connected.size()));
            set("offload", String.format(Locale.ROOT, "%.0f %%", e.offload() * 100));
            set("missedDeadlines", Long.toString(e.missedDeadlines()));
            peerLines.setAll(connected.stream().map(p -> shortId(p.peerId()) + "  ↓" + Format.bytes(p.bytesDown())
                    + "  ↑" + Format.bytes(p.bytesUp()) + "  " + p.address()).toList());
            set("buffer", Format.seconds(e.bufferAheadSeconds()));
            set("variant", e.currentVariant().isEmpty() ? "–" : e.currentVariant());
        }
        set("stalls", sample.stalls() + (sample.stalls() == 0 ? ""
                : String.format(Locale.ROOT, " (%.1f s)", sample.stallTime().toMillis() / 1000.0)));
        set("framesDisplayed", Long.toString(sample.player().framesDisplayed()));
        PlayerStats p = sample.playerStats();
        set("decodedVideo", Long.toString(p.decodedVideo()));
        set("lostPictures", Long.toString(p.lostPictures()));
        set("demuxBitrate", String.format(Locale.ROOT, "%.0f kbit/s", p.demuxKbps()));
        set("demuxCorrupted", Long.toString(p.demuxCorrupted()));
    }

    private void clear() {
        rows.values().forEach(r -> r.value().set("–"));
        peerLines.clear();
    }

    /** One line per connected peer: short id, bytes down and up, masked address. */
    public javafx.collections.ObservableList<String> peerLines() {
        return peerLines;
    }

    static String shortId(String peerId) {
        return peerId.length() <= 8 ? peerId : peerId.substring(peerId.length() - 8);
    }
}
