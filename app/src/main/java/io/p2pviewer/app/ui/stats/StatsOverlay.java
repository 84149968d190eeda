package io.p2pviewer.app.ui.stats;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The compact overlay on the video (key {@code i}, like mpv's): a small translucent box with offload and peers,
 * buffer ahead, variant and bitrate. Lets mouse events through to the video. Meant for the top-left corner of the
 * video's StackPane. FX thread only.
 */
public final class StatsOverlay extends StackPane {
    public StatsOverlay(StatsViewModel model) {
        setId("statsOverlay");
        getStyleClass().add("stats-overlay");
        getStylesheets().add(StatsView.STYLESHEET);
        setStyle(SourceColors.lookedUpColors());
        Label text = new Label();
        text.setId("overlayText");
        text.textProperty().bind(model.overlayProperty());
        getChildren().add(text);
        setMouseTransparent(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_LEFT);
        StackPane.setMargin(this, new Insets(12));
        visibleProperty().bind(model.overlayVisibleProperty());
    }
}
