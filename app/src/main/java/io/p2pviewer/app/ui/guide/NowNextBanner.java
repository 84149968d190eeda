package io.p2pviewer.app.ui.guide;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The banner at the bottom of the video on a channel change: number and name, now and next with their times, a
 * progress bar of the programme running; it hides after {@link NowNextViewModel#BANNER_TIME}. Lets mouse events
 * through. FX thread only.
 */
public final class NowNextBanner extends VBox {
    public NowNextBanner(NowNextViewModel model) {
        setId("nowNextBanner");
        Label title = new Label();
        title.setId("bannerTitle");
        title.setStyle("-fx-text-fill: white; -fx-font-size: 18px; -fx-font-weight: bold;");
        title.textProperty().bind(model.titleProperty());
        Label now = new Label();
        now.setId("bannerNow");
        now.setStyle("-fx-text-fill: white; -fx-font-size: 14px;");
        now.textProperty().bind(model.nowProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("bannerProgress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(model.progressProperty());
        Label next = new Label();
        next.setId("bannerNext");
        next.setStyle("-fx-text-fill: #d0d0d0; -fx-font-size: 13px;");
        next.textProperty().bind(model.nextProperty());
        getChildren().addAll(title, now, bar, next);
        setSpacing(4);
        setPadding(new Insets(12, 16, 12, 16));
        setStyle("-fx-background-color: rgba(0,0,0,0.72); -fx-background-radius: 8;");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
        StackPane.setAlignment(this, Pos.BOTTOM_CENTER);
        StackPane.setMargin(this, new Insets(0, 0, 24, 0));
        PauseTransition hide = new PauseTransition(Duration.millis(NowNextViewModel.BANNER_TIME.toMillis()));
        hide.setOnFinished(e -> model.hideBanner());
        visibleProperty().bind(model.bannerVisibleProperty());
        model.bannerVisibleProperty().addListener((o, was, is) -> {
            if (is) {
                hide.playFromStart();
            }
        });
        model.playingProperty().addListener((o, a, b) -> {
            if (b != null && model.bannerVisibleProperty().get()) {
                hide.playFromStart();
            }
        });
    }
}
