package io.p2pviewer.app.ui.guide;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static io.p2pviewer.app.ui.FxTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import io.p2pviewer.demo.RequestKind;
import io.p2pviewer.demo.ServedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The programme guide in the real window (demo stream in libVLC, under Xvfb): a playlist with {@code x-tvg-url}
 * served over HTTP with a gzip guide written at +01:00, the machine's zone set to Asia/Kolkata (+05:30). The
 * channel playing is set through the guide's seam (the sidebar's job); the banner, the {@code i} overlay and the
 * grid (G) show its now and next in local time, and Enter or a double click in the grid plays another channel.
 */
@ExtendWith(ApplicationExtension.class)
class GuideWindowIT {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private GuideTestOrigin origin;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        origin = new GuideTestOrigin(LOCAL);
        runtime = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, List.of(), 0));
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
        origin.close();
    }

    @Test
    void theGridAndTheVideoShowNowAndNextForTheChannelPlaying(FxRobot robot) throws Exception {
        String base = origin.base();
        String stream = runtime.demo().orElseThrow().masterUri().toString();
        origin.serve("/tv.m3u", ("#EXTM3U x-tvg-url=\"" + base + "/guide.xml.gz\"\n"
                + "#EXTINF:-1 tvg-id=\"one.in\" tvg-chno=\"1\" group-title=\"News\",One\n" + stream + "\n"
                + "#EXTINF:-1 tvg-id=\"two.in\" tvg-chno=\"2\" group-title=\"News\",Two\n" + stream + "\n"
                + "#EXTINF:-1 tvg-chno=\"3\" group-title=\"Films\",Three HD\n" + stream + "\n")
                .getBytes(StandardCharsets.UTF_8));
        origin.serve("/guide.xml.gz", gzip(origin.guide(new String[] {"one.in", "One"}, new String[] {"two.in", "Two"},
                new String[] {"three.in", "Three HD"})));
        ChannelList list;
        try (SourceOpener opener = new SourceOpener();
             var in = new InputStreamReader(opener.open(base + "/tv.m3u", "playlist"), StandardCharsets.UTF_8)) {
            list = M3uReader.read(in);
        }
        Channel two = list.channels().get(1);
        int slot = origin.slotAwayFromABoundary();

        robot.interact(() -> runtime.guide().setChannelList(list));
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() ->
                runtime.guide().service().status().get().message()).startsWith("Guide: "));
        assertThat(onFx(() -> runtime.guide().service().status().get().message()))
                .startsWith("Guide: " + 3 * 12 + " programmes on 3 channels");
        robot.interact(() -> runtime.guide().playingProperty().set(two));

        // The banner on the channel change, in local (Kolkata) time.
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#bannerNow").equals(line("Now", "two.in", slot)));
        assertThat(robot.lookup("#nowNextBanner").query().isVisible()).isTrue();
        assertThat(text(robot, "#bannerTitle")).isEqualTo("2  Two");
        assertThat(text(robot, "#bannerNext")).isEqualTo(line("Next", "two.in", slot + 1));
        save(snapshot(robot.lookup("#videoArea").query()), "guide-banner.png");

        // The i overlay.
        click(robot, "#videoArea").type(KeyCode.I);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#nowNextOverlay").query().isVisible());
        assertThat(text(robot, "#nowNextOverlayText")).isEqualTo("2  Two\n" + line("Now", "two.in", slot) + "\n"
                + line("Next", "two.in", slot + 1));

        // The grid (G): the channel playing highlighted and in view, its now/next in the headline.
        robot.type(KeyCode.G);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#guideGrid").tryQuery().isPresent());
        GuideGridView grid = robot.lookup("#guideGrid").query();
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> !grid.paintedRows().isEmpty()));
        assertThat(text(robot, "#guideHeadline")).isEqualTo("Playing 2  Two — " + line("Now", "two.in", slot)
                + "  ·  " + line("Next", "two.in", slot + 1));
        var playingRow = onFx(() -> grid.paintedRows().stream().filter(GuideGridModel.Row::playing).findFirst())
                .orElseThrow();
        assertThat(playingRow.channel()).isEqualTo(two);
        assertThat(playingRow.cells()).filteredOn(GuideGridModel.Cell::now).singleElement()
                .satisfies(c -> assertThat(c.programme().title()).isEqualTo(title("two.in", slot)));
        assertThat(onFx(() -> grid.paintedRows().stream().filter(r -> r.index() == 2).findFirst().orElseThrow()
                .cells())).as("'Three HD' is matched by display name").isNotEmpty();
        save(snapshot(grid.getScene().getRoot()), "guide-grid.png");

        // Enter on the row above plays channel One; a double click on Three's programme plays Three.
        robot.type(KeyCode.UP, KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> runtime.guide().playingProperty().get())
                .equals(list.channels().get(0)));
        assertThat(text(robot, "#guideHeadline")).startsWith("Playing 1  One — " + line("Now", "one.in", slot));
        Point2D cell = onFx(() -> {
            GuideGridModel.Row three = grid.paintedRows().stream().filter(r -> r.index() == 2).findFirst().orElseThrow();
            GuideGridModel.Cell now3 = three.cells().stream().filter(GuideGridModel.Cell::now).findFirst()
                    .orElseThrow();
            double x = GuideGridView.CHANNEL_WIDTH + now3.x() - grid.horizontalBar().getValue() + 20;
            double y = GuideGridView.HEADER_HEIGHT + three.y() - grid.verticalBar().getValue() + 20;
            return grid.localToScreen(Math.min(x, grid.getWidth() - 40), y);
        });
        robot.moveTo(cell).doubleClickOn(MouseButton.PRIMARY);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> runtime.guide().playingProperty().get())
                .equals(list.channels().get(2)));
        assertThat(onFx(() -> runtime.playerModel().urlProperty().get())).isEqualTo(stream);
        long frames = runtime.playback().player().status().framesDisplayed();
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.playback().player().status().framesDisplayed()
                > frames + 10 || runtime.playback().player().status().framesDisplayed() < frames);
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#guideGrid").tryQuery().isEmpty()
                || !onFx(() -> grid.getScene().getWindow().isShowing()));
        Node banner = robot.lookup("#nowNextBanner").query();
        assertThat(text(robot, "#bannerTitle")).isEqualTo("3  Three HD");
        assertThat(banner).isNotNull();
    }

    /**
     * Catch-up from the programme guide, end to end: the real window, the engine and libVLC under Xvfb, the demo origin
     * as the provider. The channel list says {@code catchup="shift" catchup-days="1"} for One (its URL the demo's
     * master with its token) and nothing for Two; the guide (served over HTTP, written at +01:00, the machine in
     * Asia/Kolkata) has half-hour programmes from three hours ago. Enter on a finished programme of One plays its
     * archive ({@code &utc=START&lutc=NOW} asked of the origin, frames shown, the banner, the grid's headline and the
     * player's title, the window's outside the demo, saying catch-up); Enter on the programme running plays One live again; on Two a finished
     * programme plays live with a line saying Two has no catch-up.
     */
    @Test
    void enterOnAFinishedProgrammePlaysItsArchiveFromTheProvider(FxRobot robot) throws Exception {
        String base = origin.base();
        String stream = runtime.demo().orElseThrow().masterUri().toString();
        assertThat(stream).contains("?token=");
        origin.serve("/tv.m3u", ("#EXTM3U x-tvg-url=\"" + base + "/guide.xml\"\n"
                + "#EXTINF:-1 tvg-id=\"one.in\" tvg-chno=\"1\" catchup=\"shift\" catchup-days=\"1\",One\n" + stream + "\n"
                + "#EXTINF:-1 tvg-id=\"two.in\" tvg-chno=\"2\",Two\n" + stream + "\n")
                .getBytes(StandardCharsets.UTF_8));
        origin.serve("/guide.xml", origin.guide(new String[] {"one.in", "One"}, new String[] {"two.in", "Two"})
                .getBytes(StandardCharsets.UTF_8));
        ChannelList list;
        try (SourceOpener opener = new SourceOpener();
             var in = new InputStreamReader(opener.open(base + "/tv.m3u", "playlist"), StandardCharsets.UTF_8)) {
            list = M3uReader.read(in);
        }
        robot.interact(() -> runtime.guide().setChannelList(list));
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() ->
                runtime.guide().service().status().get().message()).startsWith("Guide: "));
        robot.interact(() -> runtime.guide().playingProperty().set(list.channels().get(0)));
        int slot = origin.slotAwayFromABoundary();

        // The grid opens on One at now; Left twice selects the programme that ended half an hour ago or more.
        robot.type(KeyCode.G);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#guideGrid").tryQuery().isPresent());
        GuideGridView grid = robot.lookup("#guideGrid").query();
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> !grid.paintedRows().isEmpty()));
        var oneRow = onFx(() -> grid.paintedRows().stream().filter(r -> r.index() == 0).findFirst()).orElseThrow();
        assertThat(oneRow.cells()).filteredOn(c -> c.programme().stop().isBefore(Instant.now()))
                .as("One's finished programmes are marked for catch-up").isNotEmpty()
                .allMatch(GuideGridModel.Cell::replay);
        assertThat(oneRow.cells()).filteredOn(GuideGridModel.Cell::now).singleElement()
                .matches(c -> !c.replay(), "the running one is not");
        robot.type(KeyCode.HOME, KeyCode.LEFT, KeyCode.LEFT, KeyCode.ENTER);

        Instant start = origin.slotStart(slot - 2);
        String archivePrefix = stream + "&utc=" + start.getEpochSecond() + "&lutc=";
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> runtime.playerModel().urlProperty().get())
                .startsWith(archivePrefix));
        await().atMost(Duration.ofSeconds(20)).until(() -> masterRequests().stream()
                .anyMatch(r -> r.query() != null && r.query().contains("utc=" + start.getEpochSecond())));
        long frames = runtime.playback().player().status().framesDisplayed();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.playback().player().status().framesDisplayed() > frames + 10);
        String catchupLine = "Catch-up " + HH_MM.format(start.atZone(LOCAL)) + "–"
                + HH_MM.format(start.plus(GuideTestOrigin.SLOT).atZone(LOCAL)) + "  one show " + (slot - 2);
        assertThat(text(robot, "#guideHeadline")).startsWith("Playing 1  One — " + catchupLine + "  ·  Live now ");
        assertThat(text(robot, "#guideNotice")).isEmpty();
        assertThat(onFx(() -> runtime.playerModel().titleProperty().get())).as("the window's title, but in the demo")
                .isEqualTo("One \u00B7 one show " + (slot - 2) + " (catch-up " + HH_MM.format(start.atZone(LOCAL)) + ")");
        assertThat(text(robot, "#bannerNow")).isEqualTo(catchupLine);
        save(snapshot(grid.getScene().getRoot()), "guide-catchup.png");

        // "From the start" on the programme running: its archive from its beginning.
        robot.type(KeyCode.HOME);
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#guideFromStartButton")
                .queryAs(javafx.scene.control.Button.class).isDisabled());
        robot.clickOn("#guideFromStartButton");
        Instant running = origin.slotStart(slot);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> runtime.playerModel().urlProperty().get())
                .startsWith(stream + "&utc=" + running.getEpochSecond() + "&lutc="));
        assertThat(text(robot, "#guideHeadline")).startsWith("Playing 1  One — Catch-up "
                + HH_MM.format(running.atZone(LOCAL)));

        // Enter on the programme running: One live again (the demo's own URL), the banner back to now and next.
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> runtime.playerModel().urlProperty().get())
                .equals(stream));
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#guideHeadline")
                .startsWith("Playing 1  One — Now "));
        assertThat(text(robot, "#bannerNow")).startsWith("Now ");

        // Two has no catch-up: a finished programme plays it live, and the window says so.
        robot.type(KeyCode.DOWN, KeyCode.LEFT, KeyCode.LEFT, KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#guideNotice")
                .equals("Two has no catch-up: playing it live."));
        assertThat(onFx(() -> runtime.guide().playingProperty().get())).isEqualTo(list.channels().get(1));
        assertThat(onFx(() -> runtime.playerModel().urlProperty().get())).isEqualTo(stream);
    }

    private List<ServedRequest> masterRequests() {
        return runtime.demo().orElseThrow().origin().requests().stream()
                .filter(r -> r.kind() == RequestKind.MASTER).toList();
    }

    /** The guide gzipped, as providers serve it. */
    private static byte[] gzip(String xml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String title(String id, int slot) {
        return GuideTestOrigin.title(id, slot);
    }

    private String line(String label, String id, int slot) {
        Instant s = origin.slotStart(slot);
        return label + " " + HH_MM.format(s.atZone(LOCAL)) + "–" + HH_MM.format(s.plus(GuideTestOrigin.SLOT)
                .atZone(LOCAL)) + "  " + title(id, slot);
    }
}
