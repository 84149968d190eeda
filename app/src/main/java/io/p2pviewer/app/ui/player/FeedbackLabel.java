package io.p2pviewer.app.ui.player;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * What a volume key, the mouse wheel, M or A just did ("Volume 85 %", "Muted", "Aspect 4:3"), at the top of the
 * video for {@link #SHOWN} after the last key, as players show it. FX thread.
 */
public final class FeedbackLabel extends Label {
    static final Duration SHOWN = Duration.millis(1500);

    public FeedbackLabel(PlayerViewModel player) {
        setId("feedback");
        setStyle("-fx-background-color: rgba(0,0,0,0.75); -fx-text-fill: white; -fx-font-size: 22px;"
                + " -fx-padding: 6 14 6 14; -fx-background-radius: 6;");
        setMouseTransparent(true);
        setVisible(false);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        StackPane.setMargin(this, new Insets(16));
        PauseTransition hide = new PauseTransition(SHOWN);
        hide.setOnFinished(e -> setVisible(false));
        player.feedbackProperty().addListener((o, was, is) -> {
            if (!is.isEmpty()) {
                setText(is);
                setVisible(true);
                hide.playFromStart();
            }
        });
    }
}
