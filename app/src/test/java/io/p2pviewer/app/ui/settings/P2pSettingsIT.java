package io.p2pviewer.app.ui.settings;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.awaitEngineFrames;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.app.settings.SettingsStore;
import io.p2pviewer.app.settings.XdgDirs;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import io.p2pviewer.demo.DemoOrigin;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * P2P turned off in the settings dialog applies to the next stream opened, in the real window under Xvfb with
 * libVLC: the settings start with P2P on and a tracker (on a loopback port nothing listens on), the first stream
 * plays with P2P, the dialog turns it off, and the next stream plays on an engine without P2P (no tracker in the
 * stats panel's status).
 */
@ExtendWith(ApplicationExtension.class)
class P2pSettingsIT {
    private DemoOrigin origin;
    private ViewerRuntime runtime;
    private XdgDirs dirs;
    private String tracker;

    @Start
    void start(Stage stage) throws IOException {
        origin = DemoOrigin.start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        tracker = "ws://127.0.0.1:" + port + "/announce";
        dirs = XdgDirs.under(Files.createTempDirectory("p2p-settings-it"));
        new SettingsStore(dirs.config(), Clock.systemUTC()).save(Settings.DEFAULTS.withP2p(
                new Settings.P2p(true, 0, List.of(tracker), List.of(), false, 256)));
        runtime = new ViewerRuntime(stage, new AppLaunch.Options(null, true, List.of(), 0), dirs);
        stage.show();
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        origin.close();
    }

    @Test
    void p2pTurnedOffInTheDialogAppliesToTheNextStream(FxRobot robot) throws Exception {
        String token = "?token=" + origin.validToken();
        String small = origin.baseUri().resolve("live/360p/playlist.m3u8") + token;
        String big = origin.baseUri().resolve("live/720p/playlist.m3u8") + token;
        play(robot, small);
        assertThat(runtime.p2pActive()).as("P2P from the settings").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> runtime.statsModel().statusProperty().get())
                .contains("127.0.0.1:"));

        click(robot, "#videoArea");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#settingsDialog .tab-pane").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(onFx(() -> robot.lookup("#settingsDialog").queryAll().stream().flatMap(n -> n.lookupAll(".label")
                .stream()).map(n -> ((javafx.scene.control.Label) n).getText()).toList()))
                .contains("P2P changes apply to the next stream opened; command-line P2P options win.");
        click(robot, "#p2pEnabledBox");
        click(robot, "#settingsOk");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        assertThat(runtime.settings().get().p2p().enabled()).isFalse();
        assertThat(runtime.p2pActive()).as("the stream playing keeps its engine").isTrue();

        play(robot, big);
        assertThat(runtime.p2pActive()).as("the next stream: no P2P").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> runtime.statsModel().statusProperty().get())
                .startsWith("No tracker: CDN only"));
        save(snapshot(robot.lookup("#videoArea").query().getScene().getRoot()), "p2p-settings-applied.png");
    }

    /** Opens {@code url} as the URL bar does and waits for its frames through the engine. */
    private void play(FxRobot robot, String url) {
        robot.interact(() -> {
            runtime.playerModel().urlProperty().set(url);
            runtime.playerModel().open();
        });
        awaitEngineFrames(runtime, url);
    }
}
