package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.FxTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stats panel in the real window under Xvfb: the demo plays from the CDN alone (no demo peers). */
@ExtendWith(ApplicationExtension.class)
class StatsPanelIT {
    private ViewerRuntime runtime;

    @Start
    void start(Stage stage) throws IOException {
        runtime = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, List.of(), 0));
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void tilesChartTimelineAndPeerTableRenderAndTheKeysToggleThePanelAndTheOverlay(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !runtime.playerModel().busyProperty().get()
                && runtime.playback().player().status().framesDisplayed() > 20);
        AreaChart<?, ?> chart = robot.lookup("#throughputChart").queryAs(AreaChart.class);
        HBox timeline = robot.lookup("#segmentTimeline").queryAs(HBox.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> onFx(() -> max(series(chart, "CDN")) > 0
                && timeline.getChildren().stream().anyMatch(c -> c.getStyleClass().contains("source-cdn"))));
        // A few more points on the chart (one a second) for the screenshot and the check below: awaited, as a
        // loaded machine's sampler may take longer than the 3 s this slept before.
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> series(chart, "CDN").size()) >= 3);

        // The URL bar (not focused: the video area has the focus) shows the demo's URL with its token masked.
        assertThat(onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#urlField").query()).getText()))
                .matches("http://127\\.0\\.0\\.1:\\d+/live/master\\.m3u8\\?token=\\*\\*\\*");

        // Tiles: CDN only, so 0 % offload and no peers.
        assertThat(text(robot, "#offload")).isEqualTo("0 %");
        assertThat(text(robot, "#offloadDetail")).matches("0 B of [0-9.]+ (kB|MB)");
        assertThat(text(robot, "#peers")).isEqualTo("0");
        assertThat(Double.parseDouble(text(robot, "#buffer").replace(" s", ""))).isGreaterThan(0);
        assertThat(text(robot, "#variant")).matches("\\d+p");
        assertThat(text(robot, "#variantDetail")).matches("[0-9.]+ (k|M)bit/s|\\d+×\\d+");
        assertThat(text(robot, "#pictureSize")).matches("\\d+×\\d+");
        assertThat(text(robot, "#stalls")).matches("\\d+");
        assertThat(text(robot, "#upload")).isEqualTo("0 bit/s");
        assertThat(text(robot, "#cdnBytes")).matches("[0-9.]+ (kB|MB|GB)");

        // Chart: data in the CDN series, nothing below the axis but the (empty) upload.
        assertThat(onFx(() -> series(chart, "CDN").size())).isBetween(3, ThroughputChartViewModel.WINDOW_POINTS);
        assertThat(onFx(() -> max(series(chart, "Upload")))).isZero();
        assertThat(onFx(chart::getAnimated)).isFalse();

        // Timeline: 40 cells, the served ones blue with a tooltip that says so.
        assertThat(timeline.getChildren()).hasSize(SegmentTimelineViewModel.CELLS);
        Label cdnCell = onFx(() -> (Label) timeline.getChildren().stream()
                .filter(c -> c.getStyleClass().contains("source-cdn")).findFirst().orElseThrow());
        assertThat(onFx(() -> cdnCell.getTooltip().getText())).contains("\nCDN\n").endsWith("verified by origin (CDN)");
        assertThat(onFx(() -> cdnCell.getBackground().getFills().get(0).getFill()))
                .isEqualTo(SourceColors.of(io.p2pviewer.engine.DeliverySource.CDN));

        // Peer table: there, empty.
        TableView<?> table = robot.lookup("#peerTable").queryAs(TableView.class);
        assertThat(onFx(table::isVisible)).isTrue();
        assertThat(onFx(() -> table.getItems().size())).isZero();
        assertThat(onFx(() -> table.getColumns().size())).isEqualTo(12);
        assertThat(onFx(() -> table.getColumns().stream().map(c -> c.getText()).toList())).contains("Route");
        assertThat(onFx(() -> ((org.controlsfx.control.StatusBar) robot.lookup("#statusBar").query()).getText()))
                .isEqualTo("No tracker: CDN only");

        Node root = chart.getScene().getRoot();
        Node panel = robot.lookup("#statsPanel").query();
        save(snapshot(panel), "stats-panel.png");
        save(snapshot(root), "stats-window.png");
        hoverTooltip(robot, cdnCell);

        // Keys: the filter skips text fields, so take the focus away from the URL bar first.
        robot.interact(() -> robot.lookup("#videoArea").query().requestFocus());
        double videoWidth = onFx(() -> robot.lookup("#videoArea").queryAs(javafx.scene.layout.Region.class).getWidth());
        robot.press(KeyCode.SHIFT).type(KeyCode.I).release(KeyCode.SHIFT);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !panel.isVisible()));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() ->
                robot.lookup("#videoArea").queryAs(javafx.scene.layout.Region.class).getWidth() > videoWidth + 100));
        save(snapshot(root), "stats-panel-hidden.png");
        robot.press(KeyCode.SHIFT).type(KeyCode.I).release(KeyCode.SHIFT);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(panel::isVisible));

        Node overlay = robot.lookup("#statsOverlay").query();
        assertThat(onFx(overlay::isVisible)).isFalse();
        robot.type(KeyCode.I);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(overlay::isVisible));
        assertThat(text(robot, "#overlayText")).matches("P2P 0 % · 0 peers\nBuffer [0-9.]+ s\n\\d+p( · .+)?");
        save(snapshot(root), "stats-overlay.png");
        robot.type(KeyCode.I);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !overlay.isVisible()));
        assertThat(onFx(panel::isVisible)).isTrue();
    }

    /** Best effort: a screenshot of a timeline tooltip (a window of its own, so a screen capture). */
    private static void hoverTooltip(FxRobot robot, Label cell) throws IOException {
        robot.interact(() -> cell.getScene().getWindow().requestFocus());
        robot.moveTo(cell).moveBy(1, 1);
        System.out.println("window focused while hovering: " + onFx(() -> cell.getScene().getWindow().isFocused()));
        try {
            await().atMost(Duration.ofSeconds(3)).until(() -> onFx(() -> cell.getTooltip().isShowing()));
            save(robot.capture(Screen.getPrimary().getBounds()).getImage(), "stats-tooltip.png");
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("tooltip did not show in 3 s; no tooltip screenshot");
        }
        robot.moveBy(0, -300);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> series(AreaChart<?, ?> chart, String name) {
        return chart.getData().stream().filter(s -> name.equals(s.getName())).findFirst().orElseThrow()
                .getData().stream().map(d -> ((XYChart.Data<Number, Number>) d).getYValue().doubleValue()).toList();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }




}
