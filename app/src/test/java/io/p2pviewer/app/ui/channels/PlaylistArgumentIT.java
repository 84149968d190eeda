package io.p2pviewer.app.ui.channels;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.awaitEngineFrames;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.openWindow;
import static io.p2pviewer.app.ui.FxTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.ui.LoopbackFiles;
import io.p2pviewer.app.ui.ViewerRuntime;
import io.p2pviewer.demo.DemoOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A {@code .m3u8} URL given to the window (as on the command line) is read and sniffed, under Xvfb with libVLC:
 * the demo origin's HLS master plays as a stream, a channel list served under a {@code .m3u8} name opens in the
 * sidebar and plays its first channel, and an HTML page under that name is a one-line error with nothing playing.
 */
@ExtendWith(ApplicationExtension.class)
class PlaylistArgumentIT {
    private DemoOrigin origin;
    private LoopbackFiles server;
    private Stage stage;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        origin = DemoOrigin.start();
        server = new LoopbackFiles();
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        server.close();
        origin.close();
    }

    @Test
    void anHlsPlaylistPlaysAChannelListOpensInTheSidebarAndAPageIsOneLine(FxRobot robot) throws Exception {
        String token = "?token=" + origin.validToken();
        String master = origin.baseUri().resolve("live/master.m3u8") + token;
        String small = origin.baseUri().resolve("live/360p/playlist.m3u8") + token;
        String base = server.base();
        server.put("/tv.m3u8", ("#EXTM3U\n#EXTINF:-1 tvg-id=\"small\" group-title=\"Demo\",Demo 360p\n" + small + "\n")
                .getBytes(StandardCharsets.UTF_8));
        server.put("/login.m3u8", "<!DOCTYPE html>\n<html><body>Sign in</body></html>\n"
                .getBytes(StandardCharsets.UTF_8));

        // The HLS master: plays through the engine, the sidebar stays empty and quiet.
        open(robot, master);
        awaitEngineFrames(runtime, master);
        assertThat(onFx(() -> runtime.channelsModel().visible())).isEmpty();
        assertThat(text(robot, "#channelsError")).isEmpty();
        assertThat(onFx(() -> runtime.playerModel().urlProperty().get())).isEqualTo(master);

        // A channel list named .m3u8: its channels in the sidebar, the first one playing.
        open(robot, base + "/tv.m3u8");
        awaitChannelPlaying("Demo 360p", small);

        // An HTML page named .m3u8: one line in the sidebar, nothing plays.
        open(robot, base + "/login.m3u8?token=secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> !text(robot, "#channelsError").isEmpty());
        assertThat(text(robot, "#channelsError")).isEqualTo("cannot open " + base + "/login.m3u8?token=***: neither"
                + " an HLS stream nor a channel list (playlist is an HTML page, not a playlist (line 1))");
        assertThat(runtime.playback().session()).isEmpty();
        assertThat(server.served()).contains("/tv.m3u8", "/login.m3u8");
    }

    @Test
    void aChannelListTypedIntoTheUrlBarOpensInTheSidebarAndAnHlsUrlThereStillPlays(FxRobot robot) throws Exception {
        String token = "?token=" + origin.validToken();
        String master = origin.baseUri().resolve("live/master.m3u8") + token;
        String small = origin.baseUri().resolve("live/360p/playlist.m3u8") + token;
        String base = server.base();
        server.put("/tv.m3u8", ("#EXTM3U\n#EXTINF:-1 tvg-id=\"small\" group-title=\"Demo\",Demo 360p\n" + small
                + "\n").getBytes(StandardCharsets.UTF_8));
        open(robot, null);

        typeInUrlBar(robot, base + "/tv.m3u8");
        awaitChannelPlaying("Demo 360p", small);
        assertThat(text(robot, "#errorMessage")).isEmpty();

        typeInUrlBar(robot, master);
        awaitEngineFrames(runtime, master);
        assertThat(onFx(() -> runtime.channelsModel().visible().size())).as("the master is no list").isEqualTo(1);
    }

    /** Waits until the sidebar's only channel, {@code name}, plays {@code source} through the engine. */
    private void awaitChannelPlaying(String name, String source) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var status = runtime.playback().player().status();
            Channel playing = onFx(() -> runtime.channelsModel().playingProperty().get());
            String opened = runtime.playback().session().map(s -> s.sourceUri().toString()).orElse("");
            assertThat(playing != null && playing.name().equals(name) && opened.equals(source)
                    && status.framesDisplayed() > 5).as("%s on %s", status, opened).isTrue();
        });
        assertThat(onFx(() -> runtime.channelsModel().visible().size())).isEqualTo(1);
    }

    /** Types {@code text} into the URL bar and presses Enter, as a person does. */
    private static void typeInUrlBar(FxRobot robot, String text) {
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#urlField").query()).setText(text));
        click(robot, "#urlField").type(javafx.scene.input.KeyCode.ENTER);
    }

    /** A new window (fresh settings) opened with {@code argument}, as the command line gives it. */
    private void open(FxRobot robot, String argument) throws IOException {
        if (runtime != null) {
            runtime.close();
            runtime = null;
            robot.interact(stage::hide);
        }
        runtime = openWindow(robot, stage, argument);
    }
}
