package io.p2pviewer.app.ui.guide;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Now and next in the {@code i} overlay: a small translucent box in the video's top-right corner, shown with the
 * stats overlay (top-left). Lets mouse events through. FX thread only.
 */
public final class NowNextOverlay extends StackPane {
    public NowNextOverlay(NowNextViewModel model, ObservableBooleanValue shown) {
        setId("nowNextOverlay");
        Label text = new Label();
        text.setId("nowNextOverlayText");
        text.setStyle("-fx-text-fill: white; -fx-font-size: 12px; -fx-font-family: monospace;");
        text.textProperty().bind(model.overlayProperty());
        getChildren().add(text);
        setPadding(new Insets(8));
        setStyle("-fx-background-color: rgba(0,0,0,0.6); -fx-background-radius: 6;");
        setMouseTransparent(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        StackPane.setMargin(this, new Insets(12));
        visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> shown.get() && model.hasChannelProperty().get(), shown, model.hasChannelProperty()));
    }
}
