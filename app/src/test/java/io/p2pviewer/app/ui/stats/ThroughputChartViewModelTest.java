package io.p2pviewer.app.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.p2pviewer.app.ui.stats.ThroughputChartViewModel.Line;
import io.p2pviewer.engine.DeliverySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputChartViewModelTest {
    private final ThroughputChartViewModel model = new ThroughputChartViewModel();

    @Test
    void keepsARollingWindowOf120OnePerSample() {
        List<List<ThroughputPoint>> windows = new ArrayList<>();
        model.windowProperty().addListener((o, was, is) -> windows.add(is));
        for (int i = 0; i < 130; i++) {
            model.update(FakeSnapshot.at(i).source(DeliverySource.CDN, 0, 0, i * 1000.0, 0).build());
        }
        assertThat(windows).hasSize(130);
        assertThat(windows.get(0)).hasSize(1);
        assertThat(windows.get(119)).hasSize(120);
        List<ThroughputPoint> last = model.windowProperty().get();
        assertThat(last).hasSize(ThroughputChartViewModel.WINDOW_POINTS).hasSize(120);
        assertThat(last.get(0).cdn()).isEqualTo(10_000.0);
        assertThat(last.get(119).cdn()).isEqualTo(129_000.0);
        assertThat(model.values(Line.CDN)).hasSize(120);
    }

    @Test
    void stacksTheSourcesAndDrawsUploadBelowTheAxisInMbits() {
        // bytes per second: peer 125 000 (1 Mbit/s), cdn 250 000 (2), fallback 62 500 (0.5), upload 375 000 (3)
        model.update(FakeSnapshot.at(0).source(DeliverySource.PEER, 0, 0, 125_000, 0)
                .source(DeliverySource.CDN, 0, 0, 250_000, 0).source(DeliverySource.FALLBACK, 0, 0, 62_500, 0)
                .upload(0, 375_000).build());
        assertThat(model.values(Line.PEER)).singleElement().isEqualTo(1.0);
        assertThat(model.values(Line.CDN)).singleElement().isEqualTo(3.0);
        assertThat(model.values(Line.FALLBACK)).singleElement().isEqualTo(3.5);
        assertThat(model.values(Line.UPLOAD)).singleElement().isEqualTo(-3.0);
        assertThat(Line.values()).extracting(Line::label).containsExactly("Fallback", "CDN", "P2P", "Upload");
    }

    @Test
    void uploadIsNeverAboveTheAxisAndEachBandIsAtLeastTheOneBelow() {
        for (int i = 0; i < 30; i++) {
            model.add(new ThroughputPoint(i * 100, (30 - i) * 50, i % 3 * 70, i * 10));
        }
        for (int i = 0; i < 30; i++) {
            double peer = model.values(Line.PEER).get(i);
            double cdn = model.values(Line.CDN).get(i);
            double top = model.values(Line.FALLBACK).get(i);
            assertThat(cdn).isGreaterThanOrEqualTo(peer);
            assertThat(top).isGreaterThanOrEqualTo(cdn);
            assertThat(model.values(Line.UPLOAD).get(i)).isLessThanOrEqualTo(0.0);
        }
        assertThat(model.values(Line.UPLOAD).get(29)).isCloseTo(-290 * 8 / 1e6, within(1e-12));
    }

    @Test
    void idleSamplesAddNoPoint() {
        model.update(null);
        assertThat(model.windowProperty().get()).isEmpty();
        model.update(FakeSnapshot.at(0).build());
        model.update(null);
        assertThat(model.windowProperty().get()).containsExactly(ThroughputPoint.ZERO);
    }

    @Test
    void xIsSecondsBeforeTheNewestPoint() {
        assertThat(ThroughputChartViewModel.secondsAgo(119, 120)).isZero();
        assertThat(ThroughputChartViewModel.secondsAgo(0, 120)).isEqualTo(-119);
        assertThat(ThroughputChartViewModel.secondsAgo(0, 1)).isZero();
    }
}
