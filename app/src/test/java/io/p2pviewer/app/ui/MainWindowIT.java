package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window under Xvfb: demo origin, engine, libVLC and the JavaFX video surface. */
@ExtendWith(ApplicationExtension.class)
class MainWindowIT {
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        runtime = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, java.util.List.of(), 0));
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void theDemoPlaysInTheWindowAndTheCountersMove(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !runtime.playerModel().busyProperty().get()
                && runtime.playback().player().status().framesDisplayed() > 20);
        Node video = robot.lookup("#videoArea").query();
        String cdnBefore = text(robot, "#cdnBytes");
        WritableImage first = snapshot(video);
        save(first, "demo-video-1.png");
        Thread.sleep(2500);
        // Polled from 2.5 s on, not read once: a loaded machine's libVLC may show no new picture for a while.
        WritableImage[] second = new WritableImage[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                changedFraction(first, second[0] = snapshot(video)) > 0.01);
        save(second[0], "demo-video-2.png");
        save(snapshot(video.getScene().getRoot()), "demo-window.png");

        assertThat(changedFraction(first, second[0])).as("share of video pixels that changed").isGreaterThan(0.01);
        assertThat(nonBlackFraction(second[0])).as("share of video pixels that are not black").isGreaterThan(0.2);
        await().atMost(Duration.ofSeconds(20)).until(() -> !text(robot, "#cdnBytes").equals(cdnBefore));
        assertThat(text(robot, "#cdnBytes")).matches("[0-9.]+ (kB|MB|GB)");
        assertThat(text(robot, "#variant")).matches("\\d+p");
        assertThat(Integer.parseInt(text(robot, "#framesDisplayed"))).isGreaterThan(20);
        assertThat(Double.parseDouble(text(robot, "#buffer").replace(" s", ""))).as("buffer ahead").isGreaterThan(0);
        assertThat(text(robot, "#errorMessage")).isEmpty();
    }

    @Test
    void anUnreachableUrlShowsAClearMessageAndTheAppStaysUsable(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.playback().player().status().framesDisplayed() > 0);
        String demoUrl = runtime.playerModel().urlProperty().get();
        replaceUrl(robot, "http://127.0.0.1:1/live/master.m3u8");
        click(robot, "#openButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#errorMessage").query().isVisible());
        assertThat(text(robot, "#errorMessage")).startsWith("Cannot open the stream: Cannot connect to http://127.0.0.1:1/");
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).isFalse();
        save(snapshot(robot.lookup("#videoArea").query().getScene().getRoot()), "unreachable-url.png");

        // Still usable: the demo URL plays again.
        replaceUrl(robot, demoUrl);
        click(robot, "#openButton");
        long framesBefore = runtime.playback().player().status().framesDisplayed();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                runtime.playback().player().status().framesDisplayed() > framesBefore + 20
                        && !robot.lookup("#errorMessage").query().isVisible());
    }

    private static void replaceUrl(FxRobot robot, String url) {
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#urlField").query()).clear());
        click(robot, "#urlField").write(url);
        assertThat(onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#urlField").query()).getText()))
                .isEqualTo(url);
    }





    @Test
    void theAboutBoxNamesTheAppAndLibVlcVersions(FxRobot robot) throws Exception {
        click(robot, "#aboutButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane about = robot.lookup("#aboutDialog").query();
        save(snapshot(about), "about.png");

        assertThat(onFx(about::getHeaderText)).isEqualTo("P2P Viewer " + io.p2pviewer.app.AppVersion.current());
        assertThat(onFx(about::getContentText)).startsWith("libVLC 3.");
        robot.interact(() -> about.getScene().getWindow().hide());
    }

    private static double nonBlackFraction(Image img) {
        PixelReader r = img.getPixelReader();
        long lit = 0;
        long all = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                all++;
                if ((r.getArgb(x, y) & 0xFFFFFF) > 0x101010) {
                    lit++;
                }
            }
        }
        return lit / (double) all;
    }
}
