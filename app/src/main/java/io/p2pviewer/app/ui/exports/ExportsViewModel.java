package io.p2pviewer.app.ui.exports;

import io.p2pviewer.app.ui.UiThread;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The QA export buttons: Export JSON writes {@code snapshot-yyyyMMdd-HHmmss.json}, Record CSV starts or stops
 * {@code recording-yyyyMMdd-HHmmss.csv} (UTC stamps) in the export directory, and the status line says what
 * happened. Actions are called on the FX thread; the file work runs on the worker (the stats sampler, so a CSV
 * row and a toggle never overlap) and the properties change through {@link UiThread}.
 */
public final class ExportsViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Exports exports;
    private final Path directory;
    private final Clock clock;
    private final Executor worker;
    private final UiThread ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);

    public ExportsViewModel(Exports exports, Path directory, Clock clock, Executor worker, UiThread ui) {
        this.exports = exports;
        this.directory = directory;
        this.clock = clock;
        this.worker = worker;
        this.ui = ui;
    }

    /** The export directory: {@code $P2PVIEWER_EXPORT_DIR} when set, else {@code ~/P2PViewer/exports}. */
    public static Path directory(UnaryOperator<String> environment, String userHome) {
        String env = environment.apply("P2PVIEWER_EXPORT_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(userHome, "P2PViewer", "exports");
    }

    public Path directory() {
        return directory;
    }

    /** Writes a JSON snapshot of what plays (Ctrl+E). */
    public void exportJson() {
        worker.execute(() -> {
            String text;
            try {
                Path file = directory.resolve("snapshot-" + STAMP.format(clock.instant()) + ".json");
                exports.writeSnapshot(file);
                text = "Snapshot saved: " + file;
            } catch (IOException | RuntimeException e) {
                text = "Export failed: " + e.getMessage();
            }
            String shown = text;
            ui.execute(() -> status.set(shown));
        });
    }

    /** Starts a CSV recording, or stops the one running (Ctrl+R). */
    public void toggleCsv() {
        worker.execute(() -> {
            String text;
            boolean on;
            try {
                if (exports.recording()) {
                    exports.stopRecording();
                    on = false;
                    text = "CSV recording stopped";
                } else {
                    Path file = directory.resolve("recording-" + STAMP.format(clock.instant()) + ".csv");
                    exports.startRecording(file);
                    on = true;
                    text = "Recording CSV to " + file;
                }
            } catch (IOException e) {
                on = false;
                text = "Cannot record CSV: " + e.getMessage();
            }
            String shown = text;
            boolean now = on;
            ui.execute(() -> {
                status.set(shown);
                recording.set(now);
            });
        });
    }

    /** What the last action did (empty at first). */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** True while a CSV recording runs. */
    public ReadOnlyBooleanProperty recordingProperty() { return recording.getReadOnlyProperty(); }
}
