package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.stats.FakeSnapshot.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.ServedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SegmentTimelineViewModelTest {
    private final SegmentTimelineViewModel model = new SegmentTimelineViewModel();

    @Test
    void oneCellPerSegmentColouredBySource() {
        model.update(List.of(segment(10, DeliverySource.CDN, null, "origin"),
                segment(11, DeliverySource.PEER, "-PV0100-abcdefgh1234", "sha256"),
                segment(12, DeliverySource.FALLBACK, null, "origin")));
        assertThat(model.cells()).extracting(SegmentCell::mediaSequence).containsExactly(10L, 11L, 12L);
        assertThat(model.cells()).extracting(SegmentCell::styleClass)
                .containsExactly("source-cdn", "source-peer", "source-fallback");
    }

    @Test
    void keepsTheLast40OldestFirst() {
        List<ServedSegment> many = LongStream.range(0, 45)
                .mapToObj(i -> segment(i, DeliverySource.CDN, null, "origin")).toList();
        model.update(many);
        assertThat(model.cells()).hasSize(SegmentTimelineViewModel.CELLS).hasSize(40);
        assertThat(model.cells().get(0).mediaSequence()).isEqualTo(5);
        assertThat(model.cells().get(39).mediaSequence()).isEqualTo(44);
    }

    @Test
    void tooltipsSaySequenceVariantSourcePeerBytesTimeAndVerification() {
        assertThat(SegmentTimelineViewModel.tooltip(segment(11, DeliverySource.PEER, "-PV0100-abcdefgh1234", "sha256")))
                .isEqualTo("#11 · 720p · 4.0 s\nP2P from peer gh1234\n1.2 MB in 340 ms\nverified by hash (SHA-256)");
        assertThat(SegmentTimelineViewModel.tooltip(segment(12, DeliverySource.PEER, "-PV0100-abcdefgh1234", "structure")))
                .endsWith("verified by structure (no hash list)");
        assertThat(SegmentTimelineViewModel.tooltip(segment(13, DeliverySource.CDN, null, "origin")))
                .isEqualTo("#13 · 720p · 4.0 s\nCDN\n1.2 MB in 340 ms\nverified by origin (CDN)");
        assertThat(SegmentTimelineViewModel.tooltip(segment(14, DeliverySource.FALLBACK, null, "origin")))
                .contains("Fallback: CDN after a peer fetch failed");
        ServedSegment resumed = new ServedSegment(FakeSnapshot.T0, "720p", 15, DeliverySource.FALLBACK, 1_234_567,
                "ab".repeat(32), 4.0, "-PV0100-abcdefgh1234", 340, "sha256", 617_283);
        assertThat(SegmentTimelineViewModel.tooltip(resumed)).isEqualTo("#15 · 720p · 4.0 s\n"
                + "Fallback: 617 kB from peer gh1234, the rest from the CDN\n1.2 MB in 340 ms\nverified by hash (SHA-256)");
    }

    @Test
    void theSameSegmentsAgainChangeNothing() {
        List<ServedSegment> segs = List.of(segment(1, DeliverySource.CDN, null, "origin"));
        model.update(segs);
        List<ListChangeListener.Change<? extends SegmentCell>> changes = new ArrayList<>();
        model.cells().addListener((ListChangeListener<SegmentCell>) changes::add);
        model.update(segs);
        assertThat(changes).isEmpty();
        model.update(List.of());
        assertThat(changes).hasSize(1);
        assertThat(model.cells()).isEmpty();
    }
}
