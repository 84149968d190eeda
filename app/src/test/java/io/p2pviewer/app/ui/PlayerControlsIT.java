package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.clickAt;
import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.ui.player.MenuChoice;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.player.PlayerStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The player's controls in the real window under Xvfb, on the demo origin's on-demand stream (three variants)
 * through the engine into libVLC: the seek bar and arrow keys move the position, the quality menu switches the
 * variant and the stats panel shows the engine's new variant.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerControlsIT {
    private DemoOrigin origin;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.VOD).build());
        runtime = new ViewerRuntime(stage, new AppLaunch.Options(origin.masterUri().toString(), true, List.of(), 0));
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
        origin.close();
    }

    private PlayerStatus status() {
        return runtime.playback().player().status();
    }

    @Test
    void clickingTheSeekBarAndTheArrowKeysMoveTheOnDemandPosition(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().framesDisplayed() > 20
                && robot.lookup("#seekSlider").query().isVisible() && runtime.playback().player().tracks().seekable());
        assertThat(robot.lookup("#liveBadge").query().isVisible()).isFalse();
        long length = status().lengthMillis();
        assertThat(length).as("VOD duration").isGreaterThanOrEqualTo(60_000);
        assertThat(status().timeMillis()).isLessThan(length / 4);

        Node slider = robot.lookup("#seekSlider").query();
        clickAt(robot, slider, 0.5);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status().timeMillis())
                .as("after the click at half the seek bar: %s", status()).isGreaterThan((long) (length * 0.4)));
        await().atMost(Duration.ofSeconds(15)).until(() -> !text(robot, "#seekPosition").isEmpty()
                && SeekClock.millis(text(robot, "#seekPosition")) > length * 0.4);
        save(snapshot(slider.getScene().getRoot()), "player-controls-seeked.png");

        long before = status().timeMillis();
        robot.type(KeyCode.LEFT);
        await().atMost(Duration.ofSeconds(15)).until(() -> status().timeMillis() < before - 5_000);
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        await().atMost(Duration.ofSeconds(15)).until(() -> status().timeMillis() < 8_000);
        long back = status().timeMillis();
        robot.type(KeyCode.RIGHT);
        await().atMost(Duration.ofSeconds(15)).until(() -> status().timeMillis() > back + 8_000);

        // ] four times: twice the speed, said over the video, and libVLC plays at 2x (HeadlessPlaybackIT measures
        // what that does to the media time; the demo VOD's looped clip makes libVLC's reported time jump at 2x).
        robot.type(KeyCode.CLOSE_BRACKET, 4);
        assertThat(text(robot, "#feedback")).isEqualTo("Speed 2x");
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.playback().player().rate() == 2.0);
        robot.type(KeyCode.OPEN_BRACKET, 2);
        assertThat(text(robot, "#feedback")).isEqualTo("Speed 1.5x");
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.playback().player().rate() == 1.5);
    }

    @Test
    void theQualityMenuSwitchesTheVariantAndTheStatsPanelShowsIt(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().framesDisplayed() > 20
                && runtime.menusModel().qualitiesProperty().get().size() > 2 && !text(robot, "#variant").isBlank());
        List<MenuChoice> qualities = runtime.menusModel().qualitiesProperty().get();
        String playing = text(robot, "#variant");
        MenuChoice other = qualities.stream().skip(1).filter(c -> !c.label().startsWith(playing + " ")).findFirst()
                .orElseThrow();
        String expected = other.label().substring(0, other.label().indexOf(' '));

        click(robot, "#qualityMenu");
        click(robot, "#quality-" + other.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> text(robot, "#variant").equals(expected));
        long frames = status().framesDisplayed();
        await().atMost(Duration.ofSeconds(15)).until(() -> status().framesDisplayed() > frames + 20);
        assertThat(runtime.menusModel().qualityProperty().get()).isEqualTo(other.id());
        assertThat(runtime.playback().session().orElseThrow().snapshot().currentVariant()).isEqualTo(expected);
        save(snapshot(robot.lookup("#videoArea").query().getScene().getRoot()), "player-controls-quality.png");
    }

    /** Reads the seek bar's "m:ss" / "h:mm:ss". */
    private static final class SeekClock {
        static long millis(String text) {
            long total = 0;
            for (String part : text.split(":")) {
                total = total * 60 + Long.parseLong(part);
            }
            return total * 1000;
        }
    }
}
