package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The segment timeline: {@value SegmentTimelineViewModel#CELLS} small cells, oldest at the left, coloured by
 * source (style classes {@code segment-cell source-peer|source-cdn|source-fallback}, {@code empty} before a
 * segment arrived), each with a tooltip. The cells are created once and restyled on change. FX thread only.
 */
final class SegmentTimelineView extends HBox {
    private static final List<String> SOURCE_CLASSES = java.util.Arrays.stream(DeliverySource.values())
            .map(SourceColors::styleClass).toList();

    private final List<Label> cells = new ArrayList<>();

    SegmentTimelineView(SegmentTimelineViewModel model) {
        super(2);
        setId("segmentTimeline");
        getStyleClass().add("segment-timeline");
        for (int i = 0; i < SegmentTimelineViewModel.CELLS; i++) {
            Label cell = new Label();
            cell.getStyleClass().addAll("segment-cell", "empty");
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(150));
            tip.setShowDuration(Duration.seconds(20));
            cell.setTooltip(tip);
            cells.add(cell);
        }
        getChildren().addAll(cells);
        show(model.cells());
        model.cells().addListener((javafx.collections.ListChangeListener<SegmentCell>) c -> show(model.cells()));
    }

    private void show(List<SegmentCell> data) {
        for (int i = 0; i < cells.size(); i++) {
            Label cell = cells.get(i);
            SegmentCell d = i < data.size() ? data.get(i) : null;
            cell.getStyleClass().removeAll(SOURCE_CLASSES);
            cell.getStyleClass().remove("empty");
            cell.getStyleClass().add(d == null ? "empty" : d.styleClass());
            cell.getTooltip().setText(d == null ? "no segment yet" : d.tooltip());
        }
    }
}
