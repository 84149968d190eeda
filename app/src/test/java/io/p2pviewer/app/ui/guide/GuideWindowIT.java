package io.p2pviewer.app.ui.guide;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static io.p2pviewer.app.ui.FxTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelList;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z", Locale.ROOT);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Duration SLOT = Duration.ofMinutes(30);

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Instant firstSlot = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private TimeZone zoneBefore;
    private HttpServer server;
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        zoneBefore = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(LOCAL));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        runtime = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, List.of(), 0));
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
        server.stop(0);
        TimeZone.setDefault(zoneBefore);
    }

    @Test
    void theGridAndTheVideoShowNowAndNextForTheChannelPlaying(FxRobot robot) throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String stream = runtime.demo().orElseThrow().masterUri().toString();
        served.put("/tv.m3u", ("#EXTM3U x-tvg-url=\"" + base + "/guide.xml.gz\"\n"
                + "#EXTINF:-1 tvg-id=\"one.in\" tvg-chno=\"1\" group-title=\"News\",One\n" + stream + "\n"
                + "#EXTINF:-1 tvg-id=\"two.in\" tvg-chno=\"2\" group-title=\"News\",Two\n" + stream + "\n"
                + "#EXTINF:-1 tvg-chno=\"3\" group-title=\"Films\",Three HD\n" + stream + "\n")
                .getBytes(StandardCharsets.UTF_8));
        served.put("/guide.xml.gz", gzipGuide());
        ChannelList list;
        try (SourceOpener opener = new SourceOpener();
             var in = new InputStreamReader(opener.open(base + "/tv.m3u", "playlist"), StandardCharsets.UTF_8)) {
            list = M3uReader.read(in);
        }
        Channel two = list.channels().get(1);
        Instant now = awayFromASlotBoundary();
        int slot = (int) (Duration.between(firstSlot, now).toSeconds() / SLOT.toSeconds());

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
     * Now, at least a minute before the next half hour: the guide's "now" moves on at each half hour, so a test that
     * straddled one would expect the programme before it and see the one after (or the other way round).
     */
    private Instant awayFromASlotBoundary() throws InterruptedException {
        Instant now = Instant.now();
        Instant next = firstSlot.plus(SLOT.multipliedBy(Duration.between(firstSlot, now).toSeconds() / SLOT.toSeconds()
                + 1));
        Duration left = Duration.between(now, next);
        if (left.compareTo(Duration.ofMinutes(1)) < 0) {
            System.out.printf("waiting %d ms for the half hour to pass%n", left.toMillis() + 1000);
            Thread.sleep(left.toMillis() + 1000);
            now = Instant.now();
        }
        return now;
    }

    /** 12 half-hour programmes per channel from 3 hours ago, written at +01:00; "Three HD" only by name. */
    private byte[] gzipGuide() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv>\n"
                + "<channel id=\"one.in\"><display-name>One</display-name></channel>\n"
                + "<channel id=\"two.in\"><display-name>Two</display-name></channel>\n"
                + "<channel id=\"three.in\"><display-name>Three HD</display-name></channel>\n");
        for (String id : List.of("one.in", "two.in", "three.in")) {
            for (int i = 0; i < 12; i++) {
                Instant s = firstSlot.plus(SLOT.multipliedBy(i));
                xml.append("<programme start=\"").append(XMLTV.format(s.atOffset(ZoneOffset.ofHours(1))))
                        .append("\" stop=\"").append(XMLTV.format(s.plus(SLOT).atOffset(ZoneOffset.ofHours(1))))
                        .append("\" channel=\"").append(id).append("\"><title>").append(title(id, i))
                        .append("</title></programme>\n");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(xml.append("</tv>\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String title(String id, int slot) {
        return id.substring(0, id.indexOf('.')) + " show " + slot;
    }

    private String line(String label, String id, int slot) {
        Instant s = firstSlot.plus(SLOT.multipliedBy(slot));
        return label + " " + HH_MM.format(s.atZone(LOCAL)) + "–" + HH_MM.format(s.plus(SLOT).atZone(LOCAL)) + "  "
                + title(id, slot);
    }
}
