package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.stats.FakeSnapshot.PLAYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.peer.tracker.TrackerStatus;
import io.p2pviewer.player.PlayerStats;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StatsViewModelTest {
    private static final URI TRACKER = URI.create("ws://127.0.0.1:8000/announce");
    private final StatsViewModel model = new StatsViewModel();
    private final PlayerStats stats = new PlayerStats(130, 125, 2, 200, 200, 0, 0.3f, 0.3125f, 0, 1000, 1, 0);

    private EngineSnapshot snapshot() {
        return FakeSnapshot.at(0)
                .source(DeliverySource.CDN, 12_345_678, 12_000_000, 312_500, 5)
                .source(DeliverySource.PEER, 1500, 1500, 0, 1)
                .upload(2_000_000, 125_000).missed(1)
                .peer(FakeSnapshot.connected("-PV0100-abcdefgh1234", 1500, 2_000_000, 0))
                .peer(FakeSnapshot.closed("-PM0203-zzzzzzzzzzzz", 0, 0, "left")).build();
    }

    private StatsSample sample(EngineSnapshot e, Map<URI, TrackerStatus> trackers) {
        return new StatsSample(e, PLAYING, stats, 2, Duration.ofMillis(3400),
                List.of(FakeSnapshot.segment(7, DeliverySource.CDN, null, "origin")), trackers);
    }

    @Test
    void oneSampleFeedsEveryPartOfThePanel() {
        model.update(sample(snapshot(), Map.of(TRACKER, new TrackerStatus.Connected(TRACKER))));
        assertThat(model.value("cdnBytes").get()).isEqualTo("12.3 MB");
        assertThat(model.value("cdnRate").get()).isEqualTo("2.5 Mbit/s");
        assertThat(model.value("peerBytes").get()).isEqualTo("1.5 kB");
        assertThat(model.value("fallbackBytes").get()).isEqualTo("0 B");
        assertThat(model.value("uploaded").get()).isEqualTo("2.0 MB");
        assertThat(model.value("uploadRate").get()).isEqualTo("1.0 Mbit/s");
        assertThat(model.value("cdnServed").get()).isEqualTo("12.0 MB in 5 segments");
        assertThat(model.value("missedDeadlines").get()).isEqualTo("1");
        assertThat(model.value("buffer").get()).isEqualTo("6.0 s");
        assertThat(model.value("variant").get()).isEqualTo("720p");
        assertThat(model.value("offload").get()).isEqualTo("0 %");
        assertThat(model.value("peers").get()).isEqualTo("1");
        assertThat(model.value("stallsDetail").get()).isEqualTo("3.4 s in total");
        assertThat(model.value("framesDisplayed").get()).isEqualTo("125");
        assertThat(model.value("lostPictures").get()).isEqualTo("2");
        assertThat(model.value("pictureSize").get()).isEqualTo("1280×720");
        assertThat(model.value("demuxBitrate").get()).isEqualTo("2.5 Mbit/s");
        assertThat(model.value("inputBitrate").get()).isEqualTo("2.4 Mbit/s");
        assertThat(model.value("demuxCorrupted").get()).isEqualTo("1");
        assertThat(model.chart().windowProperty().get()).hasSize(1);
        assertThat(model.chart().values(ThroughputChartViewModel.Line.CDN)).containsExactly(2.5);
        assertThat(model.timeline().cells()).extracting(SegmentCell::mediaSequence).containsExactly(7L);
        assertThat(model.peers().rows()).hasSize(2);
        assertThat(model.statusProperty().get()).isEqualTo("Tracker 127.0.0.1:8000: connected");
        assertThat(model.peerStatusProperty().get()).isEqualTo("1 peer");
        assertThat(model.overlayProperty().get()).isEqualTo("P2P 0 % · 1 peer\nBuffer 6.0 s\n720p · 2.5 Mbit/s");
    }

    @Test
    void idleShowsDashesAndClearsTheTimelineAndTable() {
        model.update(sample(snapshot(), Map.of()));
        model.update(new StatsSample(null, PLAYING, PlayerStats.NONE, 0, Duration.ZERO,
                List.of(FakeSnapshot.segment(7, DeliverySource.CDN, null, "origin")), Map.of()));
        assertThat(model.value("cdnBytes").get()).isEqualTo("–");
        assertThat(model.value("variant").get()).isEqualTo("–");
        assertThat(model.value("framesDisplayed").get()).isEqualTo("125");
        assertThat(model.timeline().cells()).isEmpty();
        assertThat(model.peers().rows()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Idle");
        assertThat(model.overlayProperty().get()).isEqualTo("No stream");
    }

    @Test
    void newErrorsReachTheNoticeListenersOnce() {
        List<Notice> shown = new ArrayList<>();
        model.addNoticeListener(shown::add);
        StreamError ban = new StreamError.PeerBanned(FakeSnapshot.T0, "-PV0100-abcdefgh1234",
                new SegmentId("720p", 3), false, "structure: not whole packets");
        assertThat(ban.message()).isEqualTo(
                "Peer -PV0100-abcdefgh1234 sent a bad segment 720p#3 (structure: not whole packets): banned");
        EngineSnapshot withBan = FakeSnapshot.at(1).error(ban).banned(1).build();
        model.update(sample(withBan, Map.of()));
        model.update(sample(withBan, Map.of()));
        assertThat(shown).extracting(Notice::title).containsExactly("Peer banned: corrupt segment");
        assertThat(shown.get(0).text()).isEqualTo("peer gh1234 sent a bad 720p#3: structure: not whole packets");
        assertThat(model.peerStatusProperty().get()).contains("1 banned");
    }

    @Test
    void keysToggleThePanelAndTheOverlay() {
        assertThat(model.panelVisibleProperty().get()).isTrue();
        assertThat(model.overlayVisibleProperty().get()).isFalse();
        model.togglePanel();
        model.toggleOverlay();
        assertThat(model.panelVisibleProperty().get()).isFalse();
        assertThat(model.overlayVisibleProperty().get()).isTrue();
        model.togglePanel();
        model.toggleOverlay();
        assertThat(model.panelVisibleProperty().get()).isTrue();
        assertThat(model.overlayVisibleProperty().get()).isFalse();
    }

    @Test
    void theStatusBarSaysWhatTheTrackersDo() {
        assertThat(StatsViewModel.trackerText(Map.of(), true)).isEqualTo("No tracker: CDN only");
        assertThat(StatsViewModel.trackerText(Map.of(TRACKER, new TrackerStatus.Connecting(TRACKER, 3)), true))
                .isEqualTo("Tracker 127.0.0.1:8000: connecting (attempt 3)");
        assertThat(StatsViewModel.trackerText(Map.of(TRACKER,
                new TrackerStatus.Disconnected(TRACKER, "refused", Duration.ofSeconds(5))), true))
                .isEqualTo("Tracker 127.0.0.1:8000: disconnected (refused), retry in 5 s");
        URI other = URI.create("wss://tracker.example/");
        assertThat(StatsViewModel.trackerText(Map.of(TRACKER, new TrackerStatus.Connected(TRACKER),
                other, new TrackerStatus.Stopped(other)), true)).isEqualTo("1 of 2 trackers connected");
        URI withToken = URI.create("ws://127.0.0.1:8000/announce?token=secret-token");
        assertThat(StatsViewModel.trackerText(Map.of(withToken,
                new TrackerStatus.Refused(withToken, "join token expired")), true))
                .isEqualTo("Tracker 127.0.0.1:8000: refused (join token expired)");
        assertThat(StatsViewModel.trackerText(Map.of(TRACKER, new TrackerStatus.Connected(TRACKER),
                withToken, new TrackerStatus.Refused(withToken, "join token expired")), true))
                .isEqualTo("1 of 2 trackers connected · refused: join token expired");
    }

    @Test
    void everyTextHasAUniqueIdBecauseTheViewUsesThemAsNodeIds() {
        List<String> ids = Stream.concat(
                model.tiles().tiles().stream().flatMap(t -> Stream.of(t.id(), t.id() + "Detail")),
                Stream.of(model.delivery().legend(), model.delivery().details(), model.player().counters())
                        .flatMap(g -> g.counters().stream()).map(CounterGroup.Counter::id)).toList();
        assertThat(ids).doesNotHaveDuplicates()
                .contains("cdnBytes", "variant", "framesDisplayed", "buffer", "offload", "peers", "stalls");
        ids.forEach(id -> assertThat(model.value(id)).isNotNull());
        assertThatThrownBy(() -> model.value("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
