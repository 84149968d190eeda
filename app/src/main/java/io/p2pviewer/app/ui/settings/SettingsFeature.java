package io.p2pviewer.app.ui.settings;

import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.app.settings.SettingsService;
import io.p2pviewer.app.ui.player.PlayerViewModel;
import io.p2pviewer.app.ui.stats.StatsViewModel;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in the window: applies the theme and what the window remembers (size and place, maximized, volume, the video's aspect,
 * mute, stats panel) at start, writes them back when they change (debounced by {@link SettingsService}), shows why a
 * damaged settings file was set aside, and opens the {@link SettingsDialog} from its button or Ctrl+, (comma).
 * FX thread only.
 */
public final class SettingsFeature {
    private static final Logger log = LoggerFactory.getLogger(SettingsFeature.class);

    private final Stage stage;
    private final SettingsService settings;
    private final Button button = new Button("Settings");

    private SettingsFeature(Stage stage, SettingsService settings) {
        this.stage = stage;
        this.settings = settings;
        button.setId("settingsButton");
        button.setOnAction(e -> openDialog());
    }

    /**
     * Applies the settings to the window and its models and keeps them in step.
     *
     * @param banner where to put the damaged-file message (under the URL bar), when there is one
     */
    public static SettingsFeature install(Stage stage, Scene scene, SettingsService settings, PlayerViewModel player,
                                          StatsViewModel stats, Consumer<Node> banner) {
        SettingsFeature f = new SettingsFeature(stage, settings);
        Settings.Appearance a = settings.get().appearance();
        Themes.apply(a.theme());
        if (a.windowWidth() > 0 && a.windowHeight() > 0) {
            stage.setWidth(a.windowWidth());
            stage.setHeight(a.windowHeight());
            WindowPlace.restore(stage, a);
        }
        stage.setMaximized(a.maximized());
        player.volumeProperty().set(a.volume());
        player.mutedProperty().set(a.muted());
        player.aspectProperty().set(io.p2pviewer.player.VideoAspect.parse(a.videoAspect()));
        stats.panelVisibleProperty().set(a.statsPanelShown());

        settings.current().addListener((o, was, is) -> {
            if (!was.appearance().theme().equals(is.appearance().theme())) {
                Themes.apply(is.appearance().theme());
            }
            stats.panelVisibleProperty().set(is.appearance().statsPanelShown());
        });
        for (var bound : List.of(stage.widthProperty(), stage.heightProperty(), stage.xProperty(),
                stage.yProperty())) {
            bound.addListener((o, was, is) -> f.rememberBounds());
        }
        stage.maximizedProperty().addListener((o, was, is) -> f.appearance(x -> x.withMaximized(is)));
        player.volumeProperty().addListener((o, was, is) -> f.appearance(x -> x.withVolume(is.intValue())));
        player.mutedProperty().addListener((o, was, is) -> f.appearance(x -> x.withMuted(is)));
        player.aspectProperty().addListener((o, was, is) -> f.appearance(x -> x.withVideoAspect(is.name())));
        stats.panelVisibleProperty().addListener((o, was, is) -> f.appearance(x -> x.withStatsPanelShown(is)));

        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                f::openDialog);
        settings.loadProblem().ifPresent(problem -> banner.accept(problemBanner(problem)));
        return f;
    }

    /** The button for the controls bar. */
    public Button button() {
        return button;
    }

    /** Opens the dialog; OK saves (debounced), Cancel discards. */
    public void openDialog() {
        new SettingsDialog(stage, new SettingsViewModel(settings.get())).showAndWait().ifPresent(next -> {
            log.info("settings changed in the dialog");
            settings.update(old -> next.withLibrary(
                    old.library().withResumeLastChannel(next.library().resumeLastChannel())));
        });
    }

    /**
     * The window's size and place, unless it is maximized, fullscreen, iconified or the mini player (those are not
     * its own).
     */
    private void rememberBounds() {
        if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()
                || io.p2pviewer.app.ui.MiniPlayer.isMini(stage)) {
            return;
        }
        double w = stage.getWidth();
        double h = stage.getHeight();
        double x = stage.getX();
        double y = stage.getY();
        if (!(w > 0 && h > 0 && Double.isFinite(x) && Double.isFinite(y))) {
            return;
        }
        appearance(a -> a.withBounds(w, h, x, y));
    }

    private void appearance(java.util.function.UnaryOperator<Settings.Appearance> change) {
        settings.update(s -> s.withAppearance(change.apply(s.appearance())));
    }

    private static Node problemBanner(String problem) {
        Label text = new Label(problem);
        text.setId("settingsProblem");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("settingsProblemDismiss");
        dismiss.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(8, text, dismiss);
        box.setId("settingsProblemBanner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 8, 6, 8));
        box.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-emphasis;"
                + " -fx-border-width: 0 0 1 0;");
        dismiss.setOnAction(e -> {
            box.setVisible(false);
            box.setManaged(false);
        });
        return box;
    }
}
