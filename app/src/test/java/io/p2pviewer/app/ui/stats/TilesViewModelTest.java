package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.stats.FakeSnapshot.PLAYING;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.player.PlayerState;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TilesViewModelTest {
    private final TilesViewModel model = new TilesViewModel();
    // demux bitrate 0.3375 bytes/µs = 2700 kbit/s
    private final PlayerStats stats = new PlayerStats(130, 125, 2, 200, 200, 0, 0.3f, 0.3375f, 0, 1000, 1, 0);

    private Tile tile(String id) {
        return model.tiles().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showsEveryTileOfAPlayingStream() {
        EngineSnapshot snap = FakeSnapshot.at(0)
                .source(DeliverySource.PEER, 3_000_000, 3_000_000, 0, 3)
                .source(DeliverySource.CDN, 800_000, 700_000, 312_500, 1)
                .source(DeliverySource.FALLBACK, 300_000, 300_000, 0, 1)
                .upload(2_000_000, 125_000).missed(1).banned(1)
                .peer(FakeSnapshot.connected("-PV0100-abcdefgh1234", 3_000_000, 0, 0))
                .peer(FakeSnapshot.connected("-PM0203-zzzzzzzzzzzz", 0, 2_000_000, 0))
                .peer(FakeSnapshot.closed("-PV0100-leftleftleft", 0, 0, "left"))
                .peer(FakeSnapshot.closed("-PV0100-badbadbadbad", 10, 0, "banned: sha256: mismatch"))
                .build();
        model.update(new StatsSample(snap, PLAYING, stats, 2, Duration.ofMillis(3400), List.of(), Map.of()));

        assertThat(tile("offload").valueProperty().get()).isEqualTo("75 %");
        assertThat(tile("offload").detailProperty().get()).isEqualTo("3.0 MB of 4.0 MB");
        assertThat(tile("peers").valueProperty().get()).isEqualTo("2");
        assertThat(tile("peers").detailProperty().get()).isEqualTo("1 left · 1 banned");
        assertThat(tile("buffer").valueProperty().get()).isEqualTo("6.0 s");
        assertThat(tile("buffer").detailProperty().get()).isEqualTo("missed deadlines: 1");
        assertThat(tile("buffer").warningProperty().get()).isFalse();
        assertThat(tile("variant").valueProperty().get()).isEqualTo("720p");
        assertThat(tile("variant").detailProperty().get()).isEqualTo("2.7 Mbit/s");
        assertThat(tile("stalls").valueProperty().get()).isEqualTo("2");
        assertThat(tile("stalls").detailProperty().get()).isEqualTo("3.4 s in total");
        assertThat(tile("stalls").warningProperty().get()).isTrue();
        assertThat(tile("upload").valueProperty().get()).isEqualTo("1.0 Mbit/s");
        assertThat(tile("upload").detailProperty().get()).isEqualTo("2.0 MB sent");
    }

    @Test
    void offloadIsPeerBytesOverAllServedBytesAndUndefinedBeforeAnyByte() {
        EngineSnapshot nothing = FakeSnapshot.at(0).build();
        assertThat(TilesViewModel.offload(nothing)).isEmpty();
        model.update(FakeSnapshot.sample(nothing));
        assertThat(tile("offload").valueProperty().get()).isEqualTo("–");
        assertThat(tile("offload").detailProperty().get()).isEqualTo("nothing served yet");

        EngineSnapshot cdnOnly = FakeSnapshot.at(0).source(DeliverySource.CDN, 10, 10, 0, 1).build();
        assertThat(TilesViewModel.offload(cdnOnly)).hasValue(0.0);
        model.update(FakeSnapshot.sample(cdnOnly));
        assertThat(tile("offload").valueProperty().get()).isEqualTo("0 %");

        // Fallback bytes count against the offload; downloaded-but-not-served bytes do not count at all.
        EngineSnapshot mixed = FakeSnapshot.at(0).source(DeliverySource.PEER, 9_999, 1, 0, 1)
                .source(DeliverySource.CDN, 1, 1, 0, 1).source(DeliverySource.FALLBACK, 2, 2, 0, 1).build();
        assertThat(TilesViewModel.offload(mixed).getAsDouble()).isEqualTo(0.25);

        EngineSnapshot allPeer = FakeSnapshot.at(0).source(DeliverySource.PEER, 5, 5, 0, 1).build();
        model.update(FakeSnapshot.sample(allPeer));
        assertThat(tile("offload").valueProperty().get()).isEqualTo("100 %");
    }

    @Test
    void idleShowsDashesButStillCountsStalls() {
        model.update(new StatsSample(null, PLAYING, PlayerStats.NONE, 0, Duration.ZERO, List.of(), Map.of()));
        assertThat(model.tiles()).filteredOn(t -> !t.id().equals("stalls"))
                .allSatisfy(t -> assertThat(t.valueProperty().get()).isEqualTo("–"));
        assertThat(tile("stalls").valueProperty().get()).isEqualTo("0");
        assertThat(tile("stalls").detailProperty().get()).isEqualTo("none");
        assertThat(tile("peers").detailProperty().get()).isEmpty();
    }

    @Test
    void aLowBufferWarnsOnlyWhilePlaying() {
        EngineSnapshot low = FakeSnapshot.at(0).buffer(1.2).build();
        model.update(FakeSnapshot.sample(low));
        assertThat(tile("buffer").warningProperty().get()).isTrue();
        PlayerStatus paused = new PlayerStatus(PlayerState.PAUSED, 5000, 0, 100, false, 1280, 720, 125);
        model.update(new StatsSample(low, paused, PlayerStats.NONE, 0, Duration.ZERO, List.of(), Map.of()));
        assertThat(tile("buffer").warningProperty().get()).isFalse();
    }

    @Test
    void variantWithBitrateUsesLibVlcsDemuxBitrateWhenItHasOne() {
        assertThat(TilesViewModel.variantWithBitrate("720p", stats)).isEqualTo("720p · 2.7 Mbit/s");
        assertThat(TilesViewModel.variantWithBitrate("720p", PlayerStats.NONE)).isEqualTo("720p");
        assertThat(TilesViewModel.variantWithBitrate("", PlayerStats.NONE)).isEqualTo("–");
        model.update(FakeSnapshot.sample(FakeSnapshot.at(0).variant("").build()));
        assertThat(tile("variant").valueProperty().get()).isEqualTo("–");
        assertThat(tile("variant").detailProperty().get()).as("no bitrate yet: the picture size").isEqualTo("1280×720");
        assertThat(tile("peers").detailProperty().get()).isEqualTo("none yet");
    }
}
