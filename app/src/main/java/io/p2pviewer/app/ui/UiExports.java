package io.p2pviewer.app.ui;

import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.report.CsvRecorder;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.app.report.Reports;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.player.PlayerStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * QA exports from the window: a JSON snapshot (the report format of headless runs: everything on the panel plus
 * per-segment and per-peer history) and a CSV recording with one row per second. Files go to the export
 * directory ({@code $P2PVIEWER_EXPORT_DIR}, else {@code ~/P2PViewer/exports}). Called off the FX thread.
 */
public final class UiExports {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Playback playback;
    private final Path dir;
    private final Instant started = Instant.now();
    private volatile CsvRecorder recorder;
    private volatile Path recording;

    public UiExports(Playback playback) {
        this.playback = playback;
        String env = System.getenv("P2PVIEWER_EXPORT_DIR");
        this.dir = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), "P2PViewer", "exports");
    }

    public Path directory() {
        return dir;
    }

    /** Writes a JSON snapshot of the playing stream; returns its path. */
    public Path exportJson() throws IOException {
        StreamSession session = playback.session().orElseThrow(() -> new IOException("nothing is playing"));
        EngineSnapshot snap = session.snapshot();
        PlayerStatus status = playback.player().status();
        Instant now = Instant.now();
        List<String> errors = new ArrayList<>();
        session.errors().stream().map(StreamError::message).forEach(errors::add);
        PlayReport report = Reports.of(session.sourceUri(), started, now, errors.isEmpty(), null,
                status.framesDisplayed(), playback.playedMillis() / 1000.0, -1,
                new PlayReport.Stalls(playback.stalls().count(), playback.stalls().total(now).toMillis() / 1000.0),
                snap, session.servedSegments(), errors, Reports.playerCounters(playback.player().stats()));
        Path file = dir.resolve("snapshot-" + STAMP.format(now) + ".json");
        ReportWriter.write(report, file);
        return file;
    }

    /** Starts a CSV recording (returns its path) or stops the one running (returns null). */
    public synchronized Path toggleCsv() throws IOException {
        if (recorder != null) {
            recorder.close();
            recorder = null;
            recording = null;
            return null;
        }
        recording = dir.resolve("recording-" + STAMP.format(Instant.now()) + ".csv");
        recorder = new CsvRecorder(recording, Instant.now());
        return recording;
    }

    public boolean recording() {
        return recorder != null;
    }

    /** Sampler thread, once a second: one CSV row while recording. */
    public void sample(EngineSnapshot snapshot) {
        CsvRecorder r = recorder;
        if (r != null && snapshot != null) {
            r.row(snapshot, playback.stalls().count(), playback.stalls().total(Instant.now()).toMillis() / 1000.0);
        }
    }

    public void close() {
        CsvRecorder r = recorder;
        if (r != null) {
            r.close();
        }
    }
}
