package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.settings.SettingsStore;
import io.p2pviewer.app.settings.XdgDirs;
import io.p2pviewer.app.ui.channels.ChannelsViewModel;
import io.p2pviewer.player.VideoAspect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's audio and zapping keys under Xvfb, with libVLC: M mutes, + / - and Up / Down on the video and the
 * mouse wheel over it change the volume (the slider and the mute button follow, a label over the video says what
 * changed, the settings remember it), N / P zap (the title names the channel); none acts while typing in a text
 * field. Settings in a temporary
 * XDG directory; a channel list on disk whose channels point at a closed port (zapping needs no stream).
 */
@ExtendWith(ApplicationExtension.class)
class WindowKeysIT {
    private XdgDirs dirs;
    private Stage stage;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path home = Files.createTempDirectory("window-keys-it");
        dirs = XdgDirs.under(home);
        Path list = home.resolve("tv.m3u");
        Files.writeString(list, "#EXTM3U\n#EXTINF:-1,One\nhttp://127.0.0.1:9/one.m3u8\n"
                + "#EXTINF:-1,Two\nhttp://127.0.0.1:9/two.m3u8\n#EXTINF:-1,Three\nhttp://127.0.0.1:9/three.m3u8\n",
                StandardCharsets.UTF_8);
        runtime = new ViewerRuntime(stage, new AppLaunch.Options(list.toString(), true, List.of(), 0), dirs);
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void volumeMuteAndZapKeysActOnTheWindowButNotInATextField(FxRobot robot) throws Exception {
        ChannelsViewModel channels = runtime.channelsModel();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> channels.visible().size()) == 3);
        Slider volume = robot.lookup("#volumeSlider").query();
        ToggleButton mute = robot.lookup("#muteButton").query();
        Label said = robot.lookup("#feedback").query();
        assertThat(onFx(volume::getValue)).isEqualTo(100.0);
        assertThat(onFx(said::isVisible)).isFalse();

        click(robot, "#videoArea");
        robot.type(KeyCode.M);
        assertThat(onFx(mute::isSelected)).isTrue();
        assertThat(onFx(said::isVisible)).isTrue();
        assertThat(onFx(said::getText)).isEqualTo("Muted");

        robot.type(KeyCode.UP);
        assertThat(onFx(volume::getValue)).isEqualTo(105.0);
        assertThat(onFx(mute::isSelected)).as("turning the volume up unmutes").isFalse();
        assertThat(onFx(said::getText)).isEqualTo("Volume 105 %");
        robot.type(KeyCode.MINUS, 3);
        assertThat(onFx(volume::getValue)).isEqualTo(90.0);
        robot.type(KeyCode.DOWN);
        assertThat(onFx(volume::getValue)).isEqualTo(85.0);

        robot.moveTo("#videoArea").scroll(2, VerticalDirection.UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(volume::getValue) != 85.0);
        assertThat(onFx(volume::getValue)).as("two wheel notches up").isEqualTo(95.0);
        assertThat(onFx(said::getText)).isEqualTo("Volume 95 %");
        await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(said::isVisible));

        SettingsStore store = new SettingsStore(dirs.config(), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(5)).until(() -> store.load().settings().appearance().volume() == 95
                && !store.load().settings().appearance().muted());

        // A: the next aspect, said over the video, shown by the video view and the Aspect menu, remembered.
        robot.type(KeyCode.A, 2);
        assertThat(onFx(said::getText)).isEqualTo("Aspect 4:3");
        assertThat(onFx(() -> runtime.videoView().aspectProperty().get())).isEqualTo(VideoAspect.RATIO_4_3);
        javafx.scene.control.RadioMenuItem fourThree = onFx(() -> (javafx.scene.control.RadioMenuItem)
                ((javafx.scene.control.MenuButton) robot.lookup("#aspectMenu").query()).getItems().stream()
                        .filter(i -> "aspect-RATIO_4_3".equals(i.getId())).findFirst().orElseThrow());
        assertThat(onFx(fourThree::isSelected)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                store.load().settings().appearance().videoAspect().equals("RATIO_4_3"));
        robot.interact(() -> runtime.playerModel().aspectProperty().set(VideoAspect.AUTO));

        // T: the mini player, small and on top, only the video; the settings keep the window's own place; Esc ends it.
        double width = onFx(stage::getWidth);
        javafx.scene.Node controlsBar = robot.lookup("#controlsBar").query();
        robot.type(KeyCode.T);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(stage::isAlwaysOnTop) && onFx(stage::getWidth) == 480);
        assertThat(onFx(stage::getHeight)).isEqualTo(270);
        assertThat(onFx(() -> shown(controlsBar))).isFalse();
        assertThat(onFx(() -> shown(robot.lookup("#channelSearch").query()))).as("the sidebar hides").isFalse();
        Thread.sleep(1500); // past the settings' write delay
        assertThat(store.load().settings().appearance().windowWidth()).as("not the mini window's")
                .isNotEqualTo(MiniPlayer.WIDTH);
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(stage::isAlwaysOnTop) && onFx(stage::getWidth) == width);
        assertThat(onFx(() -> shown(controlsBar))).isTrue();

        // F1 or ?: the list of keys; Esc closes it.
        robot.type(KeyCode.F1);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#shortcutsList").tryQuery().isPresent());
        javafx.scene.Node list = robot.lookup("#shortcutsList").query();
        assertThat(robot.from(list).lookup((Label l) -> l.getText().startsWith("aspect: Auto")).tryQuery())
                .isPresent();
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(() -> list.getScene().getWindow().isShowing()));
        click(robot, "#videoArea").write("?");
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> list.getScene().getWindow().isShowing()));
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !onFx(() -> list.getScene().getWindow().isShowing()));

        // Zapping: N next, P previous, as in VLC.
        robot.interact(() -> channels.play(channels.visible().get(0)));
        robot.type(KeyCode.N);
        assertThat(onFx(() -> channels.playingProperty().get().name())).isEqualTo("Two");
        robot.type(KeyCode.N);
        assertThat(onFx(() -> channels.playingProperty().get().name())).isEqualTo("Three");
        robot.type(KeyCode.P);
        assertThat(onFx(() -> channels.playingProperty().get().name())).isEqualTo("Two");
        assertThat(onFx(stage::getTitle)).as("the window says what plays").isEqualTo("Two — P2P Viewer");

        // In a text field every key types: nothing mutes, changes the volume or zaps.
        click(robot, "#channelSearch").write("mn-p+a?");
        assertThat(onFx(() -> list.getScene().getWindow().isShowing())).as("? typed in a field").isFalse();
        assertThat(onFx(() -> runtime.playerModel().aspectProperty().get())).isEqualTo(VideoAspect.AUTO);
        assertThat(onFx(mute::isSelected)).isFalse();
        assertThat(onFx(volume::getValue)).isEqualTo(95.0);
        assertThat(onFx(() -> channels.playingProperty().get().name())).isEqualTo("Two");
    }

    /** Whether the node and every node around it are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
