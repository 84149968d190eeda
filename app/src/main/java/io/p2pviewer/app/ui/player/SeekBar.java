package io.p2pviewer.app.ui.player;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The seek bar over the video's controls: position, a slider and duration for on-demand media (click or drag to
 * seek), a LIVE badge and a "Go live" button for live streams. {@link #installKeys} adds Left/Right (±10 s) and
 * Shift+Left/Right (±60 s). FX thread only.
 */
public final class SeekBar extends HBox {
    private final SeekViewModel model;

    public SeekBar(SeekViewModel model) {
        super(8);
        this.model = model;
        setId("seekBar");
        setPadding(new Insets(0, 8, 0, 8));
        setAlignment(Pos.CENTER_LEFT);

        Label live = new Label("LIVE");
        live.setId("liveBadge");
        live.setStyle("-fx-background-color: #d32f2f; -fx-text-fill: white; -fx-padding: 2 8;"
                + " -fx-background-radius: 4; -fx-font-weight: bold;");
        bindShown(live, model.liveProperty());
        Button goLive = new Button("Go live");
        goLive.setId("goLiveButton");
        goLive.setOnAction(e -> model.goLive());
        bindShown(goLive, model.behindLiveProperty());

        Label position = new Label();
        position.setId("seekPosition");
        position.textProperty().bind(model.positionTextProperty());
        Label duration = new Label();
        duration.setId("seekDuration");
        duration.textProperty().bind(model.durationTextProperty());
        Slider slider = new Slider(0, 1, 0);
        slider.setId("seekSlider");
        slider.setFocusTraversable(false); // arrow keys belong to installKeys, not to the slider
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        model.fractionProperty().addListener((o, was, is) -> {
            if (!slider.isPressed()) {
                slider.setValue(is.doubleValue());
            }
        });
        slider.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.setDragging(true));
        slider.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            model.setDragging(false);
            model.seekToFraction(slider.getValue());
        });
        for (var node : new javafx.scene.Node[] {position, slider, duration}) {
            bindShown(node, model.onDemandProperty());
        }
        getChildren().addAll(live, goLive, position, slider, duration);
        managedProperty().bind(model.onDemandProperty().or(model.liveProperty()));
        visibleProperty().bind(managedProperty());
    }

    /** Left/Right seek ±10 s, with Shift ±60 s, unless a text field has the focus. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            long step = e.isShiftDown() ? SeekViewModel.BIG_STEP_MILLIS : SeekViewModel.STEP_MILLIS;
            if (e.getCode() == KeyCode.LEFT && model.seekBy(-step)) {
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && model.seekBy(step)) {
                e.consume();
            }
        });
    }

    private static void bindShown(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
