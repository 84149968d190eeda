package io.p2pviewer.app.ui.stats;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The stats panel: a heading and one label pair per counter of the {@link StatsViewModel}. */
public final class StatsView extends VBox {
    public StatsView(StatsViewModel model) {
        setId("statsPanel");
        setPadding(new Insets(10));
        setSpacing(8);
        setMinWidth(230);
        setMaxWidth(270);
        Label title = new Label("Delivery");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        for (StatsViewModel.Row r : model.rows()) {
            Label name = new Label(r.label());
            Label value = new Label();
            value.setId(r.id());
            value.textProperty().bind(r.valueProperty());
            value.setStyle("-fx-font-family: monospace;");
            grid.addRow(row++, name, value);
        }
        Label peersTitle = new Label("Connected peers");
        peersTitle.setStyle("-fx-font-weight: bold;");
        javafx.scene.control.ListView<String> peers = new javafx.scene.control.ListView<>(model.peerLines());
        peers.setId("peerList");
        peers.setPrefHeight(120);
        peers.setPlaceholder(new Label("none"));
        getChildren().addAll(title, grid, peersTitle, peers);
    }
}
