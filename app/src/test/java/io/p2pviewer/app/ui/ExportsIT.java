package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.TestFiles.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.report.CsvRecorder;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** QA exports from the window: the JSON snapshot (Ctrl+E) and the CSV recording (button), against the origin. */
@ExtendWith(ApplicationExtension.class)
class ExportsIT {
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
    void snapshotAndCsvFromTheWindowAgreeWithTheOrigin(FxRobot robot) throws Exception {
        Path dir = runtime.exports().directory();
        assertThat(dir.toString()).as("tests export under target/, set by the failsafe configuration")
                .contains("target");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                runtime.playback().player().status().framesDisplayed() > 25);
        click(robot, "#recordCsvButton");
        Thread.sleep(4500);
        click(robot, "#videoArea");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> !named(dir, "snapshot-").isEmpty());
        click(robot, "#recordCsvButton");

        Path snapshotFile = named(dir, "snapshot-").get(0);
        PlayReport r = ReportWriter.mapper().readValue(snapshotFile.toFile(), PlayReport.class);
        long origin = runtime.demo().orElseThrow().origin().segmentBytesServed();
        long engine = r.downloadedBytes().get("cdn") + r.downloadedBytes().get("fallback");
        assertThat(engine).isPositive();
        // A transfer may be in flight at the instant of the snapshot: the engine never counts more than the
        // origin sent, and what it counted is all but at most one segment of it.
        assertThat(engine).isLessThanOrEqualTo(origin);
        assertThat(origin - engine).isLessThan(1_000_000);
        assertThat(r.segments()).isNotEmpty();
        assertThat(r.framesDisplayed()).isPositive();

        await().atMost(Duration.ofSeconds(5)).until(() -> !named(dir, "recording-").isEmpty());
        List<String> rows = Files.readAllLines(named(dir, "recording-").get(0));
        assertThat(rows.get(0)).isEqualTo(CsvRecorder.HEADER);
        assertThat(rows.size() - 1).as("one row a second for ~4.5 s").isBetween(3, 7);
    }
}
