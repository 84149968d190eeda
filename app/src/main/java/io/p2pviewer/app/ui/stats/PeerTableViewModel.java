package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.peer.swarm.PeerIds;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The peer table: one row per peer of each swarm (connected, left or banned), with current rates computed from
 * the byte counters of successive samples. Connected peers first. FX thread only.
 */
public final class PeerTableViewModel {
    private record Seen(long bytesDown, long bytesUp, Instant at) {
    }

    private final ObservableList<PeerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PeerRow> readOnly = FXCollections.unmodifiableObservableList(rows);
    private Map<String, Seen> previous = Map.of();

    public ObservableList<PeerRow> rows() {
        return readOnly;
    }

    /** Shows the snapshot's peers (no rows while no stream is open). */
    public void update(EngineSnapshot e) {
        if (e == null) {
            previous = Map.of();
            rows.clear();
            return;
        }
        Map<String, Seen> seen = new HashMap<>();
        List<PeerRow> next = new ArrayList<>();
        for (PeerInfo p : e.peers()) {
            String key = p.track() + "/" + p.peerId();
            Seen before = previous.get(key);
            double down = Double.NaN;
            double up = Double.NaN;
            if (p.connected()) {
                seen.put(key, new Seen(p.bytesDown(), p.bytesUp(), e.at()));
                if (before != null) {
                    double dt = Duration.between(before.at(), e.at()).toNanos() / 1e9;
                    if (dt > 0 && p.bytesDown() >= before.bytesDown() && p.bytesUp() >= before.bytesUp()) {
                        down = (p.bytesDown() - before.bytesDown()) / dt;
                        up = (p.bytesUp() - before.bytesUp()) / dt;
                    }
                }
            }
            next.add(row(p, down, up));
        }
        next.sort(Comparator.comparing(PeerRow::state));
        previous = seen;
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    private static PeerRow row(PeerInfo p, double down, double up) {
        PeerRow.State state = p.connected() ? PeerRow.State.CONNECTED
                : PeerRow.isBan(p.closeReason()) ? PeerRow.State.BANNED : PeerRow.State.LEFT;
        String reason = p.closeReason() == null ? ""
                : state == PeerRow.State.BANNED ? p.closeReason().replaceFirst("^banned:?\\s*", "")
                : p.closeReason();
        return new PeerRow(p.peerId(), PeerIds.shortId(p.peerId()),
                SwarmIds.isBrowserPeerId(p.peerId()) ? "browser" : "desktop", p.track(), state,
                p.address() == null ? "" : p.address(), p.bytesDown(), p.bytesUp(), down, up, p.bytesPerSecond(),
                reason, p.route());
    }
}
