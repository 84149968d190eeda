package io.p2pviewer.app.ui.player;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.ui.FxTestSupport;
import io.p2pviewer.app.ui.LoopbackFiles;
import io.p2pviewer.app.ui.ViewerRuntime;
import io.p2pviewer.player.TrackChoice;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The audio menu in the real window under Xvfb with libVLC, on a stream with two audio tracks (English and French,
 * scripts/make-two-audio-media.sh) served on loopback through the engine: the menu lists libVLC's tracks, and
 * choosing the other one changes libVLC's selected track and the menu's check mark.
 */
@ExtendWith(ApplicationExtension.class)
class TrackMenusIT {
    private static final String MEDIA = "/io/p2pviewer/app/ui/player/";
    private static final List<String> SEGMENTS = List.of("seg-0.ts", "seg-1.ts", "seg-2.ts", "seg-3.ts", "seg-4.ts",
            "seg-5.ts");
    private Stage stage;
    private LoopbackFiles server;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        server = new LoopbackFiles();
    }

    /** Serves the fixture's files under {@code /<fixture>/} and opens the window on {@code entry} there. */
    private void open(FxRobot robot, String fixture, List<String> files, String entry) throws IOException {
        for (String name : files) {
            try (InputStream in = TrackMenusIT.class.getResourceAsStream(MEDIA + fixture + "/" + name)) {
                server.put("/" + fixture + "/" + name, in.readAllBytes());
            }
        }
        runtime = FxTestSupport.openWindow(robot, stage, server.base() + "/" + fixture + "/" + entry);
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        server.close();
    }

    @Test
    void theAudioMenuListsBothTracksAndSwitchesLibVlcsTrack(FxRobot robot) throws Exception {
        List<String> files = new java.util.ArrayList<>(SEGMENTS);
        files.add("playlist.m3u8");
        open(robot, "two-audio", files, "playlist.m3u8");
        switchesTheAudioTrack(robot, "audio-track-switched.png");
    }

    /**
     * The master's {@code EXT-X-MEDIA} audio renditions (English and French, each its own media playlist, the video
     * in a third), all through the engine: libVLC lists both renditions and switches between them.
     */
    @Test
    void theMastersAudioRenditionsAreTracksTheMenuSwitches(FxRobot robot) throws Exception {
        List<String> files = new java.util.ArrayList<>(List.of("master.m3u8"));
        for (String dir : List.of("video", "en", "fr")) {
            files.add(dir + "/playlist.m3u8");
            SEGMENTS.forEach(seg -> files.add(dir + "/" + seg));
        }
        files.add("en/seg-6.ts");
        files.add("fr/seg-6.ts");
        open(robot, "renditions", files, "master.m3u8");
        switchesTheAudioTrack(robot, "audio-rendition-switched.png");
        assertThat(server.served()).as("the renditions' segments were fetched")
                .anyMatch(p -> p.startsWith("/renditions/en/seg-")).anyMatch(p -> p.startsWith("/renditions/fr/seg-"));
    }

    /**
     * A WebVTT subtitle rendition ({@code EXT-X-MEDIA TYPE=SUBTITLES}) through the engine: libVLC lists it, the
     * subtitle menu offers it, and choosing it makes it libVLC's subtitle track and moves the check mark.
     */
    @Test
    void aWebVttSubtitleRenditionIsOfferedAndChosenInTheSubtitleMenu(FxRobot robot) throws Exception {
        List<String> files = new java.util.ArrayList<>(List.of("master-subs.m3u8", "subs/playlist.m3u8"));
        for (String dir : List.of("video", "en")) {
            files.add(dir + "/playlist.m3u8");
            SEGMENTS.forEach(seg -> files.add(dir + "/" + seg));
        }
        files.add("en/seg-6.ts");
        for (int i = 0; i < 6; i++) {
            files.add("subs/sub-" + i + ".vtt");
        }
        open(robot, "renditions", files, "master-subs.m3u8");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.playback().player().status().framesDisplayed() > 5
                && runtime.playback().player().tracks().subtitles().stream().anyMatch(t -> t.id() >= 0)
                && onFx(() -> runtime.menusModel().subtitlesProperty().get().size()) >= 2);
        var tracks = runtime.playback().player().tracks();
        TrackChoice sub = tracks.subtitles().stream().filter(t -> t.id() >= 0).findFirst().orElseThrow();
        assertThat(tracks.subtitleId()).as("no subtitles until chosen: %s", tracks.subtitles()).isNotEqualTo(sub.id());

        click(robot, "#subtitleMenu");
        click(robot, "#subtitle-" + sub.id());

        await().atMost(Duration.ofSeconds(15)).until(() -> runtime.playback().player().tracks().subtitleId()
                == sub.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> robot.lookup("#subtitleMenu")
                .queryAs(MenuButton.class).getItems().stream().anyMatch(i -> ("subtitle-" + sub.id()).equals(i.getId())
                        && i instanceof RadioMenuItem r && r.isSelected())));
        assertThat(onFx(() -> runtime.menusModel().subtitleIdProperty().get())).isEqualTo(sub.id());
        await().atMost(Duration.ofSeconds(15)).until(() -> server.served().stream()
                .anyMatch(p -> p.startsWith("/renditions/subs/sub-")));
    }

    private void switchesTheAudioTrack(FxRobot robot, String screenshot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.playback().player().status().framesDisplayed() > 5
                && runtime.playback().player().tracks().audio().size() >= 3
                && onFx(() -> runtime.menusModel().audioProperty().get().size()) >= 3);
        // the menu follows libVLC's track list and choice a moment later, on the FX thread
        await("check mark on the track playing").atMost(Duration.ofSeconds(10)).until(() -> {
            int playing = runtime.playback().player().tracks().audioId();
            return onFx(() -> checked(robot, playing));
        });
        var tracks = runtime.playback().player().tracks();
        List<TrackChoice> real = tracks.audio().stream().filter(t -> t.id() >= 0).toList();
        assertThat(real).as("libVLC's audio tracks: %s", tracks.audio()).hasSize(2);
        int before = tracks.audioId();
        TrackChoice other = real.stream().filter(t -> t.id() != before).findFirst().orElseThrow();

        MenuButton menu = robot.lookup("#audioMenu").queryAs(MenuButton.class);
        assertThat(onFx(menu::isVisible)).isTrue();
        click(robot, "#audioMenu");
        click(robot, "#audio-" + other.id());

        await().atMost(Duration.ofSeconds(15)).until(() -> runtime.playback().player().tracks().audioId()
                == other.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> checked(robot, other.id())
                && !checked(robot, before)));
        assertThat(onFx(() -> runtime.menusModel().audioIdProperty().get())).isEqualTo(other.id());
        save(snapshot(robot.lookup("#videoArea").query().getScene().getRoot()), screenshot);
    }

    /** Whether the audio menu's item for track {@code id} is checked. */
    private static boolean checked(FxRobot robot, int id) {
        MenuButton menu = robot.lookup("#audioMenu").queryAs(MenuButton.class);
        return menu.getItems().stream().anyMatch(i -> ("audio-" + id).equals(i.getId())
                && i instanceof RadioMenuItem r && r.isSelected());
    }
}
