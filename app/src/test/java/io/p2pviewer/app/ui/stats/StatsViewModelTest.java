package io.p2pviewer.app.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SourceStats;
import io.p2pviewer.player.PlayerState;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsViewModelTest {
    private final StatsViewModel model = new StatsViewModel();
    private final PlayerStatus status = new PlayerStatus(PlayerState.PLAYING, 5000, 0, 100, false, 1280, 720, 125);
    private final PlayerStats stats = new PlayerStats(130, 125, 2, 200, 200, 0, 0.3f, 0.3125f, 0, 1000, 1, 0);

    @Test
    void showsDashesUntilAStreamIsOpen() {
        model.update(new StatsSample(null, status, PlayerStats.NONE, 0, Duration.ZERO));
        assertThat(model.value("cdnBytes").get()).isEqualTo("–");
        assertThat(model.value("framesDisplayed").get()).isEqualTo("125");
    }

    @Test
    void formatsEngineAndPlayerCounters() {
        EngineSnapshot snap = new EngineSnapshot(Instant.EPOCH, Map.of(
                DeliverySource.CDN, new SourceStats(12_345_678, 12_000_000, 312_500, 5),
                DeliverySource.PEER, new SourceStats(1500, 1500, 0, 1)), "720p", 6.04, 6, 0, 0, List.of(), 2_000_000, 125_000,
                List.of(new io.p2pviewer.engine.peer.swarm.PeerInfo("-PV0100-abcdefgh1234", "720p", "10.200.x.x",
                        Instant.EPOCH, 1500, 2_000_000, 0, false, true, true, null),
                        new io.p2pviewer.engine.peer.swarm.PeerInfo("-PM0203-zzzzzzzzzzzz", "720p", "10.200.x.x",
                        Instant.EPOCH, 0, 0, 0, false, false, false, "left")), 1, 0, 0);
        model.update(new StatsSample(snap, status, stats, 2, Duration.ofMillis(3400)));
        assertThat(model.value("cdnBytes").get()).isEqualTo("12.3 MB");
        assertThat(model.value("cdnRate").get()).isEqualTo("2.5 Mbit/s");
        assertThat(model.value("peerBytes").get()).isEqualTo("1.5 kB");
        assertThat(model.value("fallbackBytes").get()).isEqualTo("0 B");
        assertThat(model.value("buffer").get()).isEqualTo("6.0 s");
        assertThat(model.value("variant").get()).isEqualTo("720p");
        assertThat(model.value("stalls").get()).isEqualTo("2 (3.4 s)");
        assertThat(model.value("lostPictures").get()).isEqualTo("2");
        assertThat(model.value("demuxBitrate").get()).isEqualTo("2500 kbit/s");
        assertThat(model.value("demuxCorrupted").get()).isEqualTo("1");
        assertThat(model.value("uploaded").get()).isEqualTo("2.0 MB");
        assertThat(model.value("uploadRate").get()).isEqualTo("1.0 Mbit/s");
        assertThat(model.value("peers").get()).isEqualTo("1");
        assertThat(model.value("missedDeadlines").get()).isEqualTo("1");
        assertThat(model.peerLines()).containsExactly("efgh1234  ↓1.5 kB  ↑2.0 MB  10.200.x.x");
    }

    @Test
    void everyRowHasAUniqueIdAndALabel() {
        assertThat(model.rows()).extracting(StatsViewModel.Row::id).doesNotHaveDuplicates()
                .contains("peerBytes", "cdnBytes", "fallbackBytes", "buffer", "variant");
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.label()).isNotBlank());
    }
}
