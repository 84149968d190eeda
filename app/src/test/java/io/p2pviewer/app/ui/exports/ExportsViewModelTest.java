package io.p2pviewer.app.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.ui.UiThread;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class ExportsViewModelTest {
    private static final Path DIR = Path.of("/exports");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    /** Exports that record what they were asked to write; failures on demand. */
    private static final class FakeExports implements Exports {
        final List<String> calls = new ArrayList<>();
        IOException snapshotFailure;
        IOException recordingFailure;
        boolean recording;

        @Override
        public void writeSnapshot(Path file) throws IOException {
            calls.add("snapshot " + file);
            if (snapshotFailure != null) {
                throw snapshotFailure;
            }
        }

        @Override
        public void startRecording(Path file) throws IOException {
            calls.add("start " + file);
            if (recordingFailure != null) {
                throw recordingFailure;
            }
            recording = true;
        }

        @Override
        public void stopRecording() {
            calls.add("stop");
            recording = false;
        }

        @Override
        public boolean recording() {
            return recording;
        }
    }

    private final FakeExports exports = new FakeExports();
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final ExportsViewModel model = new ExportsViewModel(exports, DIR, CLOCK, worker::add, UiThread.DIRECT);

    private void runWorker() {
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
    }

    @Test
    void theDirectoryIsTheEnvironmentsElseUnderTheHome() {
        assertThat(ExportsViewModel.directory(Map.of("P2PVIEWER_EXPORT_DIR", "/tmp/qa")::get, "/home/ann"))
                .isEqualTo(Path.of("/tmp/qa"));
        assertThat(ExportsViewModel.directory(Map.of("P2PVIEWER_EXPORT_DIR", " ")::get, "/home/ann"))
                .isEqualTo(Path.of("/home/ann", "P2PViewer", "exports"));
        assertThat(ExportsViewModel.directory(Map.<String, String>of()::get, "/home/ann"))
                .isEqualTo(Path.of("/home/ann", "P2PViewer", "exports"));
    }

    @Test
    void aSnapshotIsWrittenOnTheWorkerUnderAStampedNameAndSaysWhere() {
        model.exportJson();
        assertThat(exports.calls).as("nothing before the worker runs").isEmpty();
        assertThat(model.statusProperty().get()).isEmpty();
        runWorker();
        Path file = DIR.resolve("snapshot-20260304-050607.json");
        assertThat(exports.calls).containsExactly("snapshot " + file);
        assertThat(model.statusProperty().get()).isEqualTo("Snapshot saved: " + file);
    }

    @Test
    void aFailedSnapshotSaysWhy() {
        exports.snapshotFailure = new IOException("nothing is playing");
        model.exportJson();
        runWorker();
        assertThat(model.statusProperty().get()).isEqualTo("Export failed: nothing is playing");
    }

    @Test
    void recordCsvStartsThenStops() {
        assertThat(model.recordingProperty().get()).isFalse();
        model.toggleCsv();
        runWorker();
        Path file = DIR.resolve("recording-20260304-050607.csv");
        assertThat(model.recordingProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Recording CSV to " + file);
        model.toggleCsv();
        runWorker();
        assertThat(model.recordingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("CSV recording stopped");
        assertThat(exports.calls).containsExactly("start " + file, "stop");
    }

    @Test
    void twoQuickTogglesStartAndStopAsTheWorkerSeesThem() {
        model.toggleCsv();
        model.toggleCsv();
        runWorker();
        assertThat(exports.calls).containsExactly("start " + DIR.resolve("recording-20260304-050607.csv"), "stop");
        assertThat(model.recordingProperty().get()).isFalse();
    }

    @Test
    void aRecordingThatCannotStartSaysWhyAndIsOff() {
        exports.recordingFailure = new IOException("read-only file system");
        model.toggleCsv();
        runWorker();
        assertThat(model.recordingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Cannot record CSV: read-only file system");
    }
}
