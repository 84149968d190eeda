package io.p2pviewer.app.ui;

import io.p2pviewer.app.ui.player.FeedbackLabel;
import io.p2pviewer.app.ui.player.PlayerViewModel;
import io.p2pviewer.app.ui.stats.StatsOverlay;
import io.p2pviewer.app.ui.stats.StatsView;
import io.p2pviewer.app.ui.stats.StatsViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The main window: URL bar, video with its busy indicator and error message, playback controls, stats panel.
 * Keys: F or a double click toggles fullscreen, Esc leaves it, Space pauses, M mutes, + and - (Up and Down on the
 * video, the mouse wheel over it) change the volume, I (shift+i) shows or hides the stats panel, i the compact
 * stats overlay on the video (with now/next from the guide), G the programme guide ({@code ui.guide}); the seek
 * bar adds Left/Right ({@code SeekBar}). None acts in a text field or on a control that claims the key
 * ({@link WindowKeys}). FX thread only.
 */
public final class MainWindow {
    private final Scene scene;
    private final javafx.scene.layout.VBox topArea;
    /** The playback controls: a row that wraps onto a second one when the window is narrow. */
    private final FlowPane controls;
    private final BorderPane root;
    private final StackPane videoArea;
    private final javafx.scene.layout.VBox bottomArea;
    private final PlayerViewModel player;
    /** The share of the window's width the stats panel and the channel sidebar ask for. */
    private static final double STATS_SHARE = 0.34;
    private static final double SIDEBAR_SHARE = 0.25;
    /** A mouse wheel's notch in JavaFX's scroll units: one volume step. */
    private static final double WHEEL_NOTCH = 40;
    /** Scrolled over the video but not yet a whole volume step (a touchpad's small deltas add up). */
    private double wheel;

    public MainWindow(Stage stage, PlayerViewModel player, StatsViewModel stats, Node video) {
        this.player = player;
        TextField url = new TextField();
        url.setId("urlField");
        url.setPromptText("HLS URL, e.g. https://example.com/live/master.m3u8");
        UrlBarMasking.bind(url, player.urlProperty());
        url.setOnAction(e -> player.open());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("openButton");
        open.setDefaultButton(false);
        open.setOnAction(e -> player.open());
        HBox top = new HBox(8, url, open);
        top.setPadding(new Insets(8));
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busyIndicator");
        busy.setMaxSize(64, 64);
        busy.visibleProperty().bind(player.busyProperty());
        Label error = new Label();
        error.setId("errorMessage");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setStyle("-fx-background-color: rgba(160,20,20,0.92); -fx-text-fill: white; -fx-padding: 12;"
                + " -fx-background-radius: 6; -fx-font-size: 14px;");
        error.textProperty().bind(player.errorProperty());
        error.visibleProperty().bind(player.errorProperty().isNotEmpty());
        error.setOnMouseClicked(e -> player.dismissError());
        videoArea = new StackPane(video, new StatsOverlay(stats), new FeedbackLabel(player), busy, error);
        videoArea.setId("videoArea");
        videoArea.setStyle("-fx-background-color: black;");
        videoArea.setMinSize(320, 180);
        videoArea.setPrefSize(960, 540);
        // Keys (F, I, i, Space) act when the video has the focus: give it the focus when shown and when clicked.
        videoArea.setFocusTraversable(true);
        videoArea.setOnMousePressed(e -> videoArea.requestFocus());
        stage.setOnShown(e -> videoArea.requestFocus());
        videoArea.setOnScroll(e -> {
            wheel += e.getDeltaY() / WHEEL_NOTCH; // a touchpad scrolls in small deltas: a step per notch's worth
            int steps = (int) wheel;
            if (steps != 0) {
                wheel -= steps;
                player.changeVolume(steps);
            }
            e.consume();
        });
        videoArea.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                player.toggleFullScreen();
            }
        });

        Button playPause = new Button();
        playPause.setId("playPauseButton");
        playPause.textProperty().bind(Bindings.when(player.playingProperty()).then("Pause").otherwise("Play"));
        playPause.setOnAction(e -> player.togglePause());
        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.setOnAction(e -> player.stop());
        Slider volume = new Slider(0, 200, 100);
        volume.setId("volumeSlider");
        volume.setPrefWidth(120);
        volume.valueProperty().bindBidirectional(player.volumeProperty());
        ToggleButton mute = new ToggleButton("Mute");
        mute.setId("muteButton");
        mute.selectedProperty().bindBidirectional(player.mutedProperty());
        Button full = new Button("Fullscreen");
        full.setId("fullScreenButton");
        full.setOnAction(e -> player.toggleFullScreen());
        Label state = new Label();
        state.setId("stateLabel");
        state.textProperty().bind(player.stateProperty());
        controls = new FlowPane(8, 6, playPause, stop, new Label("Volume"), volume, mute, full, state);
        controls.setId("controlsBar");
        controls.setPadding(new Insets(8));
        controls.setAlignment(Pos.CENTER_LEFT);

        StatsView statsView = new StatsView(stats);
        statsView.visibleProperty().bind(stats.panelVisibleProperty().and(player.videoOnlyProperty().not()));
        statsView.managedProperty().bind(statsView.visibleProperty());
        topArea = new javafx.scene.layout.VBox(top);
        bottomArea = new javafx.scene.layout.VBox(controls);
        root = new BorderPane(videoArea, topArea, statsView, bottomArea, null);
        scene = new Scene(root, 1200, 680);
        // Side panels narrow with the window (down to their minimum) so the video keeps room at 1024 px.
        statsView.prefWidthProperty().bind(share(scene, STATS_SHARE, statsView.getMinWidth(), 440));

        // Fullscreen: the view model decides, the stage follows; Esc (JavaFX's exit key) flows back.
        player.fullScreenProperty().addListener((o, was, is) -> stage.setFullScreen(is));
        stage.fullScreenProperty().addListener((o, was, is) -> player.fullScreenProperty().set(is));
        for (Node n : new Node[] {topArea, bottomArea}) {
            n.visibleProperty().bind(player.videoOnlyProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        MiniPlayer.install(stage, player.miniPlayerProperty());
        stage.setFullScreenExitHint("Esc or F leaves fullscreen");
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (WindowKeys.ownedByTarget(e) || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            KeyCode code = e.getCode();
            boolean plain = !e.isControlDown() && !e.isShiftDown();
            boolean onVideo = plain && e.getTarget() == videoArea; // elsewhere Up/Down move in lists and menus
            if (code == KeyCode.M && plain) {
                player.toggleMute();
                e.consume();
            } else if (!e.isControlDown() && (code == KeyCode.PLUS || code == KeyCode.ADD
                    || code == KeyCode.EQUALS) || onVideo && code == KeyCode.UP) { // + is Shift+= on many layouts
                player.changeVolume(1);
                e.consume();
            } else if (!e.isControlDown() && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)
                    || onVideo && code == KeyCode.DOWN) {
                player.changeVolume(-1);
                e.consume();
            } else if ((code == KeyCode.OPEN_BRACKET || code == KeyCode.CLOSE_BRACKET) && !e.isControlDown()) {
                player.changeSpeed(code == KeyCode.CLOSE_BRACKET ? 1 : -1); // as VLC's [ and ]
                e.consume();
            } else if (code == KeyCode.T && plain) {
                player.toggleMiniPlayer();
                e.consume();
            } else if (code == KeyCode.ESCAPE && player.miniPlayerProperty().get()) {
                player.toggleMiniPlayer();
                e.consume();
            } else if (code == KeyCode.A && plain) {
                player.cycleAspect();
                e.consume();
            } else if (code == KeyCode.F) {
                player.toggleFullScreen();
                e.consume();
            } else if (code == KeyCode.SPACE) {
                player.togglePause();
                e.consume();
            } else if (code == KeyCode.I && !e.isControlDown()) {
                if (e.isShiftDown()) {
                    stats.togglePanel();
                } else {
                    stats.toggleOverlay();
                }
                e.consume();
            }
        });
    }

    /** Adds controls at the end of the playback controls bar (the QA export buttons). */
    public void addControls(Node... nodes) {
        controls.getChildren().addAll(nodes);
    }

    /**
     * Adds a node over the video, under the busy indicator and the error message (the guide's banner, the typed
     * channel number).
     */
    public void addOnVideo(Node node) {
        videoArea.getChildren().add(videoArea.getChildren().size() - 2, node);
    }

    /** Shows a row above the playback controls bar (the seek bar). */
    public void addAboveControls(Node node) {
        bottomArea.getChildren().add(0, node);
    }

    /** Shows extra controls under the URL bar (the demo's failure buttons). */
    public void addUnderUrlBar(Node node) {
        topArea.getChildren().add(node);
    }

    /** Shows a sidebar left of the video (the channel list), hidden in fullscreen and in the mini player. */
    public void setSidebar(Node sidebar) {
        sidebar.visibleProperty().bind(player.videoOnlyProperty().not());
        sidebar.managedProperty().bind(sidebar.visibleProperty());
        if (sidebar instanceof javafx.scene.layout.Region r) {
            r.prefWidthProperty().bind(share(scene, SIDEBAR_SHARE, r.getMinWidth(), 340));
        }
        root.setLeft(sidebar);
    }

    /** {@code fraction} of the scene's width, kept within {@code [min, max]}. */
    private static javafx.beans.binding.DoubleBinding share(Scene scene, double fraction, double min, double max) {
        return Bindings.createDoubleBinding(() -> Math.max(min, Math.min(max, scene.getWidth() * fraction)),
                scene.widthProperty());
    }

    public Scene scene() {
        return scene;
    }
}
