package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.tracker.TrackerStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The live stats panel's state: the tile row, the throughput chart, the segment timeline, the peer table, the
 * delivery and libVLC counters, the status bar text, the compact overlay's text, which of panel and overlay are
 * shown, and the notices to pop up. Fed once a second with a {@link StatsSample}; all logic lives here and in
 * the view models it holds, none in the views. FX thread only; no toolkit needed (tests use plain JUnit).
 */
public final class StatsViewModel {
    private final TilesViewModel tiles = new TilesViewModel();
    private final ThroughputChartViewModel chart = new ThroughputChartViewModel();
    private final SegmentTimelineViewModel timeline = new SegmentTimelineViewModel();
    private final PeerTableViewModel peers = new PeerTableViewModel();
    private final DeliveryCountersViewModel delivery = new DeliveryCountersViewModel();
    private final PlayerCountersViewModel player = new PlayerCountersViewModel();
    private final NoticePolicy noticePolicy = new NoticePolicy();
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Idle");
    private final ReadOnlyStringWrapper peerStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overlay = new ReadOnlyStringWrapper("No stream");
    private final BooleanProperty panelVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(false);
    private final java.util.Set<String> shownP2pNotices = new java.util.HashSet<>();

    /** Shows the sample everywhere and hands new notices to the listeners. */
    public void update(StatsSample sample) {
        EngineSnapshot e = sample.engine();
        tiles.update(sample);
        chart.update(e);
        timeline.update(e == null ? List.of() : sample.recentSegments());
        peers.update(e);
        delivery.update(e);
        player.update(sample.player(), sample.playerStats());
        status.set(trackerText(sample.trackers(), e != null)
                + (sample.p2pNotices().isEmpty() ? "" : " · " + sample.p2pNotices().getLast()));
        peerStatus.set(e == null ? "" : peerText(e));
        overlay.set(e == null ? "No stream" : overlayText(sample));
        for (Notice n : noticePolicy.newNotices(e)) {
            noticeListeners.forEach(l -> l.accept(n));
        }
        for (String text : sample.p2pNotices()) {
            if (shownP2pNotices.add(text)) {
                Notice n = new Notice(Notice.Severity.WARNING, "Peers", text);
                noticeListeners.forEach(l -> l.accept(n));
            }
        }
    }

    public TilesViewModel tiles() {
        return tiles;
    }

    public ThroughputChartViewModel chart() {
        return chart;
    }

    public SegmentTimelineViewModel timeline() {
        return timeline;
    }

    public PeerTableViewModel peers() {
        return peers;
    }

    public DeliveryCountersViewModel delivery() {
        return delivery;
    }

    public PlayerCountersViewModel player() {
        return player;
    }

    /** Calls the listener (on the FX thread) with each notice to pop up; listeners must be quick and not throw. */
    public void addNoticeListener(Consumer<Notice> listener) {
        noticeListeners.add(listener);
    }

    /**
     * The status bar's text: the trackers' state ("Tracker host:port: connected", "No tracker: CDN only"), then the
     * latest P2P notice if any (" · peers found but unreachable: configure a TURN server").
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status bar's right side: peers connected and banned. */
    public ReadOnlyStringProperty peerStatusProperty() {
        return peerStatus.getReadOnlyProperty();
    }

    /** The compact overlay's text: offload and peers, buffer, variant and bitrate (three lines). */
    public ReadOnlyStringProperty overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** Whether the whole panel is shown (key {@code I}); shown at start. */
    public BooleanProperty panelVisibleProperty() {
        return panelVisible;
    }

    /** Whether the compact overlay on the video is shown (key {@code i}); hidden at start. */
    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public void togglePanel() {
        panelVisible.set(!panelVisible.get());
    }

    public void toggleOverlay() {
        overlayVisible.set(!overlayVisible.get());
    }

    /** The text of a tile value ({@code offload}), tile detail ({@code offloadDetail}) or counter, by its id. */
    public ReadOnlyStringProperty value(String id) {
        for (Tile t : tiles.tiles()) {
            if (t.id().equals(id)) {
                return t.valueProperty();
            }
            if ((t.id() + "Detail").equals(id)) {
                return t.detailProperty();
            }
        }
        return Stream.of(delivery.legend(), delivery.details(), player.counters())
                .flatMap(g -> g.value(id).stream()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stats value " + id));
    }

    static String overlayText(StatsSample sample) {
        EngineSnapshot e = sample.engine();
        var share = TilesViewModel.offload(e);
        long connected = e.peers().stream().filter(PeerInfo::connected).count();
        return "P2P " + (share.isEmpty() ? CounterGroup.NONE : TilesViewModel.percent(share.getAsDouble()))
                + " · " + connected + (connected == 1 ? " peer" : " peers") + "\n"
                + "Buffer " + Format.seconds(e.bufferAheadSeconds()) + "\n"
                + TilesViewModel.variantWithBitrate(e.currentVariant(), sample.playerStats());
    }

    static String trackerText(Map<URI, TrackerStatus> trackers, boolean streaming) {
        if (trackers.isEmpty()) {
            return streaming ? "No tracker: CDN only" : "Idle";
        }
        if (trackers.size() == 1) {
            var t = trackers.entrySet().iterator().next();
            return "Tracker " + hostPort(t.getKey()) + ": " + describe(t.getValue());
        }
        long up = trackers.values().stream().filter(s -> s instanceof TrackerStatus.Connected).count();
        String refused = trackers.values().stream().filter(s -> s instanceof TrackerStatus.Refused)
                .map(s -> ((TrackerStatus.Refused) s).reason()).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).map(r -> " · refused: " + r).orElse("");
        return up + " of " + trackers.size() + " trackers connected" + refused;
    }

    static String describe(TrackerStatus s) {
        return switch (s) {
            case TrackerStatus.Connected c -> "connected";
            case TrackerStatus.Refused r -> "refused (" + r.reason() + ")";
            case TrackerStatus.Connecting c -> c.attempt() > 1 ? "connecting (attempt " + c.attempt() + ")"
                    : "connecting";
            case TrackerStatus.Disconnected d -> "disconnected (" + d.reason() + "), retry in "
                    + d.retryIn().toSeconds() + " s";
            case TrackerStatus.Stopped st -> "stopped";
        };
    }

    private static String hostPort(URI uri) {
        return uri.getHost() == null ? uri.toString()
                : uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String peerText(EngineSnapshot e) {
        long connected = e.peers().stream().filter(PeerInfo::connected).count();
        return connected + (connected == 1 ? " peer" : " peers")
                + (e.bannedPeers() > 0 ? " · " + e.bannedPeers() + " banned" : "");
    }
}
