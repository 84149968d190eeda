package io.p2pviewer.app.ui.guide;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The programme guide's window: a line with now and next on the channel playing and the guide's status, the
 * grid below. Opening it scrolls to the channel playing and now. Esc closes it. FX thread only.
 */
public final class GuideWindow {
    private final Stage stage = new Stage();
    private final GuideGridModel model;
    private final GuideGridView grid;
    private final Label headline = new Label();

    public GuideWindow(Window owner, GuideGridModel model, GuideService service) {
        this.model = model;
        this.grid = new GuideGridView(model);
        stage.initOwner(owner);
        stage.setTitle("Programme guide");
        headline.setId("guideHeadline");
        headline.setStyle("-fx-font-weight: bold;");
        Label status = new Label();
        status.setId("guideStatus");
        status.textProperty().bind(service.status().map(GuideStatus::message));
        Label error = new Label();
        error.setId("guideError");
        error.setStyle("-fx-text-fill: #b42318;");
        error.textProperty().bind(service.status().map(GuideStatus::error));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label notice = new Label(); // why Enter did not replay a past programme, or that it played live instead
        notice.setId("guideNotice");
        notice.setStyle("-fx-text-fill: #9a6700;");
        notice.textProperty().bind(model.message());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Button now = new Button("Now");
        now.setId("guideNowButton");
        now.setOnAction(e -> {
            model.goToNow();
            grid.showPlaying();
        });
        now.setMinWidth(Region.USE_PREF_SIZE);
        Button fromStart = new Button("From the start");
        fromStart.setId("guideFromStartButton");
        fromStart.setTooltip(new javafx.scene.control.Tooltip(
                "The programme selected, running now, from its beginning (Shift+Enter; channels with catch-up)"));
        fromStart.setOnAction(e -> {
            model.startSelectedOver();
            grid.requestFocus();
        });
        fromStart.setMinWidth(Region.USE_PREF_SIZE);
        fromStart.setDisable(!model.selectionStartable());
        model.revision().addListener((o, a, b) -> fromStart.setDisable(!model.selectionStartable()));
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox top = new HBox(12, headline, fromStart, now);
        top.setAlignment(Pos.CENTER_LEFT);
        status.setStyle("-fx-text-fill: #57606a;");
        VBox header = new VBox(4, top, status, error, notice);
        header.setPadding(new Insets(8));
        BorderPane root = new BorderPane(grid, header, null, null, null);
        Scene scene = new Scene(root, 1100, 640);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
        model.revision().addListener((o, a, b) -> updateHeadline());
        updateHeadline();
    }

    /** Shows the window, scrolled to the channel playing at now, the grid focused. */
    public void show() {
        stage.show();
        stage.toFront();
        grid.showPlaying();
        grid.requestFocus();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void hide() {
        stage.hide();
    }

    public GuideGridView grid() {
        return grid;
    }

    private void updateHeadline() {
        var zone = model.layout().zone();
        headline.setText(model.playingNowNext().map(nn -> model.replaying()
                .map(p -> "Playing " + nn.title() + " — " + NowNext.line("Catch-up", java.util.Optional.of(p), zone)
                        + "  ·  " + NowNext.line("Live now", nn.now(), zone))
                .orElse("Playing " + nn.title() + " — " + nn.nowLine(zone) + "  ·  " + nn.nextLine(zone)))
                .orElse("No channel playing"));
    }
}
