package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The live stats panel: tile row, throughput chart with its legend, segment timeline, peer table, collapsed
 * delivery and libVLC counters, and a status bar (trackers, peers). Pops up the view model's notices. Shown while
 * the model's {@code panelVisible} is true (the window also hides it in fullscreen). FX thread only.
 */
public final class StatsView extends BorderPane {
    /** The stylesheet of the panel and the overlay. */
    public static final String STYLESHEET = StatsView.class.getResource("stats.css").toExternalForm();

    private static final Map<String, Ikon> ICONS = Map.of("offload", Feather.SHARE_2, "peers", Feather.USERS,
            "buffer", Feather.CLOCK, "variant", Feather.FILM, "stalls", Feather.PAUSE_CIRCLE,
            "upload", Feather.UPLOAD);

    public StatsView(StatsViewModel model) {
        setId("statsPanel");
        getStyleClass().add("stats-panel");
        getStylesheets().add(STYLESHEET);
        setStyle(SourceColors.lookedUpColors());
        setMinWidth(360);
        setPrefWidth(440);
        setMaxWidth(460);

        TilePane tiles = new TilePane(6, 6);
        tiles.setId("statsTiles");
        tiles.setPrefColumns(3);
        for (Tile t : model.tiles().tiles()) {
            tiles.getChildren().add(new TileView(t, ICONS.getOrDefault(t.id(), Feather.ACTIVITY)));
        }

        // The chart and the table share the height the window leaves; below their minimum the panel scrolls.
        ThroughputChartView chart = new ThroughputChartView(model.chart());
        chart.setMinHeight(100);
        chart.setPrefHeight(180);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Node table = peerTable(model.peers());
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox content = new VBox(6, tiles, chart, legend(model.delivery().legend()),
                section("Last " + SegmentTimelineViewModel.CELLS + " segments (oldest at the left)"),
                new SegmentTimelineView(model.timeline()),
                section("Peers"), table,
                counters("Delivery counters", "deliveryCounters", model.delivery().details()),
                counters("libVLC counters", "playerCounters", model.player().counters()));
        content.setPadding(new Insets(8, 10, 8, 10));
        content.getStyleClass().add("stats-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("stats-scroll");
        setCenter(scroll);

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(model.statusProperty());
        status.setTooltip(new Tooltip("Keys: I (shift+i) shows or hides this panel, i the overlay on the video"));
        Label peers = new Label();
        peers.setId("statusPeers");
        peers.textProperty().bind(model.peerStatusProperty());
        status.getRightItems().add(peers);
        setBottom(status);

        StatsNotifier.attach(this, model);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Node legend(CounterGroup legend) {
        FlowPane pane = new FlowPane(14, 4);
        pane.setId("chartLegend");
        pane.getStyleClass().add("throughput-legend");
        for (DeliverySource s : DeliverySource.values()) {
            String name = SourceColors.cssName(s);
            pane.getChildren().add(legendEntry(name, SourceColors.label(s), legend, name + "Bytes", name + "Rate"));
        }
        pane.getChildren().add(legendEntry("upload", "Upload", legend, "uploaded", "uploadRate"));
        return pane;
    }

    private static Node legendEntry(String css, String label, CounterGroup legend, String bytesId, String rateId) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", "source-" + css);
        Label name = new Label(label);
        name.getStyleClass().add("legend-name");
        Label bytes = new Label();
        bytes.setId(bytesId);
        bytes.textProperty().bind(legend.value(bytesId).orElseThrow());
        Label rate = new Label();
        rate.setId(rateId);
        rate.getStyleClass().add("legend-rate");
        rate.textProperty().bind(legend.value(rateId).orElseThrow());
        HBox entry = new HBox(4, swatch, name, bytes, rate);
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    private static Node peerTable(PeerTableViewModel model) {
        PeerTableView table = new PeerTableView(model);
        table.setPrefHeight(150);
        table.setMinHeight(108); // header, three rows, the horizontal scroll bar
        return table;
    }

    private static TitledPane counters(String title, String id, CounterGroup group) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        int row = 0;
        for (CounterGroup.Counter c : group.counters()) {
            Label value = new Label();
            value.setId(c.id());
            value.getStyleClass().add("counter-value");
            value.textProperty().bind(c.valueProperty());
            grid.addRow(row++, new Label(c.label()), value);
        }
        TitledPane pane = new TitledPane(title, grid);
        pane.setId(id);
        pane.setAnimated(false);
        pane.setExpanded(false);
        return pane;
    }
}
