package io.p2pviewer.app.ui.settings;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static io.p2pviewer.app.ui.FxTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.app.settings.SettingsService;
import io.p2pviewer.app.settings.SettingsStore;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Settings in the real window under Xvfb, each test with its own config directory: a damaged file gives a message
 * in the window and defaults (the file kept aside); settings changed in the dialog are written and read back by a
 * new runtime (theme, upload limit, window size).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsIT {
    private Stage stage;
    private ViewerRuntime runtime;
    private ViewerRuntime restarted;
    private Path config;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        config = Files.createTempDirectory("settings-it");
    }

    @AfterEach
    void close() {
        for (ViewerRuntime r : new ViewerRuntime[] {runtime, restarted}) {
            if (r != null) {
                onFx(() -> {
                    r.close();
                    return null;
                });
            }
        }
    }

    /** A runtime over this test's config directory; a minute at most (libVLC starts slowly on a loaded machine). */
    private ViewerRuntime open(Stage on) throws Exception {
        java.util.concurrent.CompletableFuture<ViewerRuntime> made = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                ViewerRuntime r = new ViewerRuntime(on, new AppLaunch.Options(null, true, List.of(), 0),
                        SettingsService.load(new SettingsStore(config, Clock.systemUTC())));
                on.show();
                made.complete(r);
            } catch (Exception | Error e) {
                made.completeExceptionally(e);
            }
        });
        return made.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aDamagedFileGivesAMessageAndDefaultsAndIsKeptAside(FxRobot robot) throws Exception {
        Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{\"appearance\": {\"theme\": \"dark\",");
        runtime = open(stage);

        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#settingsProblem").tryQuery().isPresent());
        assertThat(text(robot, "#settingsProblem")).startsWith("Settings file " + config.resolve("settings.json"))
                .contains("is not valid JSON at line 1", "kept as settings.json.damaged-", "defaults used");
        assertThat(onFx(() -> robot.lookup("#settingsProblem").query().isVisible())).isTrue();
        save(snapshot(stage.getScene().getRoot()), "settings-damaged.png");
        assertThat(runtime.settings().get()).isEqualTo(Settings.DEFAULTS);
        assertThat(Application.getUserAgentStylesheet()).as("the default theme").contains("primer-light");
        try (Stream<Path> files = Files.list(config)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("settings.json.damaged-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.getFirst())).as("the damaged text is kept as it was")
                    .isEqualTo("{\"appearance\": {\"theme\": \"dark\",");
        }

        // The window holds the sidebar, the video and the stats panel side by side: wide enough to show the button.
        robot.interact(() -> {
            stage.setX(0);
            stage.setWidth(1200);
        });
        click(robot, "#settingsProblemDismiss");
        assertThat(onFx(() -> robot.lookup("#settingsProblemBanner").query().isVisible())).isFalse();
    }

    @Test
    void settingsChangedInTheDialogAreWrittenAndReadBackAfterARestart(FxRobot robot) throws Exception {
        runtime = open(stage);
        robot.interact(() -> {
            stage.setWidth(1150);
            stage.setHeight(700);
            stage.setX(37);
            stage.setY(51);
        });

        click(robot, "#videoArea");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#settingsDialog .tab-pane").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        typeInto(robot, "#uploadLimitField", "fast");
        click(robot, "#settingsOk");
        assertThat(text(robot, "#settingsError")).isEqualTo("Upload limit: \"fast\" is not a whole number");
        assertThat(robot.lookup("#settingsDialog").tryQuery()).as("a bad field keeps the dialog open").isPresent();
        typeInto(robot, "#uploadLimitField", "1500");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        ChoiceBox<String> theme = robot.lookup("#themeChoice").query();
        robot.interact(() -> theme.setValue("dark"));
        save(snapshot(robot.lookup("#settingsDialog").query()), "settings-dialog.png");
        click(robot, "#settingsOk");

        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        assertThat(Application.getUserAgentStylesheet()).as("the theme changes at once").contains("primer-dark");
        Path file = config.resolve(SettingsStore.FILE_NAME);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file)
                && Files.readString(file).contains("\"uploadLimitKbps\" : 1500"));
        save(snapshot(stage.getScene().getRoot()), "settings-dark.png");

        onFx(() -> {
            runtime.close();
            stage.hide();
            return null;
        });
        runtime = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(file).contains("\"windowX\" : 37.0"));
        assertThat(Files.readString(file)).contains("\"theme\" : \"dark\"", "\"windowWidth\" : 1150.0",
                "\"windowHeight\" : 700.0", "\"windowX\" : 37.0", "\"windowY\" : 51.0");

        Application.setUserAgentStylesheet(null);
        Stage second = onFx(Stage::new);
        restarted = open(second);
        Settings read = restarted.settings().get();
        assertThat(read.p2p().uploadLimitKbps()).isEqualTo(1500);
        assertThat(read.appearance().theme()).isEqualTo("dark");
        assertThat(restarted.settings().loadProblem()).isEmpty();
        assertThat(Application.getUserAgentStylesheet()).as("the saved theme at start").contains("primer-dark");
        assertThat(onFx(second::getWidth)).isEqualTo(1150);
        assertThat(onFx(second::getHeight)).isEqualTo(700);
        assertThat(onFx(second::getX)).as("where it was").isEqualTo(37);
        assertThat(onFx(second::getY)).isEqualTo(51);
    }

    @Test
    void aPlaceNoLongerOnAnyScreenOpensTheWindowCentred(FxRobot robot) throws Exception {
        // As if saved on a second monitor, unplugged since: far right of this 1280 px wide Xvfb screen.
        new SettingsStore(config, Clock.systemUTC()).save(Settings.DEFAULTS.withAppearance(
                Settings.DEFAULTS.appearance().withBounds(800, 500, 3000, 100)));
        Stage fresh = onFx(Stage::new); // never placed by another test
        runtime = open(fresh);
        double screenWidth = onFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds().getWidth());
        assertThat(onFx(fresh::getWidth)).isEqualTo(800);
        assertThat(onFx(fresh::getX)).as("on the screen, centred").isBetween(0.0, screenWidth - 800)
                .isCloseTo((screenWidth - 800) / 2, org.assertj.core.data.Offset.offset(2.0));
    }

    private static void typeInto(FxRobot robot, String id, String text) {
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup(id).query()).clear());
        click(robot, id).write(text);
    }
}
