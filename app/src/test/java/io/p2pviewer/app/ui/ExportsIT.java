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
        // The directory outlives the run (target/exports): a file an earlier run left is not this one's.
        List<Path> before = named(dir, "");
        // The recording lasts from the first click to the second: timed here, as a loaded machine's robot and
        // snapshot may take seconds longer than the 4.5 s slept.
        long beforeStart = System.nanoTime();
        click(robot, "#recordCsvButton");
        long afterStart = System.nanoTime();
        Thread.sleep(4500);
        click(robot, "#videoArea");
        // The origin's count on both sides of the snapshot: the live stream goes on fetching while the file is
        // written and found, so a count read after it may be a segment or two ahead of the snapshot's.
        long originBefore = runtime.demo().orElseThrow().origin().segmentBytesServed();
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> !added(dir, "snapshot-", before).isEmpty());
        long originAfter = runtime.demo().orElseThrow().origin().segmentBytesServed();
        long beforeStop = System.nanoTime();
        click(robot, "#recordCsvButton");
        long afterStop = System.nanoTime();

        Path snapshotFile = added(dir, "snapshot-", before).get(0);
        PlayReport r = ReportWriter.mapper().readValue(snapshotFile.toFile(), PlayReport.class);
        long engine = r.downloadedBytes().get("cdn") + r.downloadedBytes().get("fallback");
        assertThat(engine).isPositive();
        // A transfer may be in flight at the instant of the snapshot: the engine never counts more than the
        // origin sent, and what it counted is all but at most one segment of it.
        assertThat(engine).isLessThanOrEqualTo(originAfter);
        assertThat(originBefore - engine).isLessThan(1_000_000);
        assertThat(r.segments()).isNotEmpty();
        assertThat(r.framesDisplayed()).isPositive();

        await().atMost(Duration.ofSeconds(5)).until(() -> !added(dir, "recording-", before).isEmpty());
        List<String> rows = Files.readAllLines(added(dir, "recording-", before).get(0));
        assertThat(rows.get(0)).isEqualTo(CsvRecorder.HEADER);
        // A row a second (the sampler waits a second between rows, so never more): at least three in the 4.5 s
        // slept, at most one more than the seconds the recording may have lasted, and one for the tick at its start.
        long longest = (afterStop - beforeStart) / 1_000_000_000L;
        assertThat(rows.size() - 1).as("one row a second for %d ms to %d ms", (beforeStop - afterStart) / 1_000_000,
                (afterStop - beforeStart) / 1_000_000).isBetween(3, (int) longest + 2);
    }

    /** The files named so that were not in {@code before}. */
    private static List<Path> added(Path dir, String prefix, List<Path> before) throws IOException {
        return named(dir, prefix).stream().filter(p -> !before.contains(p)).toList();
    }
}
