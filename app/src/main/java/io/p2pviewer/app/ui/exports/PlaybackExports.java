package io.p2pviewer.app.ui.exports;

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
import java.util.ArrayList;
import java.util.List;

/**
 * QA exports of the window's playback: a JSON snapshot (the report format of headless runs: everything on the
 * panel plus per-segment and per-peer history) and a CSV recording with one row per second. Called off the FX
 * thread: the actions on the exports' worker, {@link #sample} on the stats sampler.
 */
public final class PlaybackExports implements Exports {
    private final java.util.function.Supplier<Playback> playbacks;
    private final Instant started;
    private volatile CsvRecorder recorder;
    private final java.util.function.Supplier<List<String>> notices;

    public PlaybackExports(Playback playback) {
        this(playback, List::of);
    }

    /** @param notices what to say about reaching peers in snapshots (the session's {@code notices()}) */
    public PlaybackExports(Playback playback, java.util.function.Supplier<List<String>> notices) {
        this(() -> playback, notices);
    }

    /** Exports of whichever playback {@code playbacks} gives now (the window replaces it when P2P settings change). */
    public PlaybackExports(java.util.function.Supplier<Playback> playbacks,
                           java.util.function.Supplier<List<String>> notices) {
        this.playbacks = playbacks;
        Playback playback = playbacks.get();
        this.notices = notices;
        this.started = playback.clock().instant();
    }

    @Override
    public void writeSnapshot(Path file) throws IOException {
        Playback playback = playbacks.get();
        StreamSession session = playback.session().orElseThrow(() -> new IOException("nothing is playing"));
        EngineSnapshot snap = session.snapshot();
        PlayerStatus status = playback.player().status();
        Instant now = playback.clock().instant();
        List<String> errors = new ArrayList<>();
        session.errors().stream().map(StreamError::message).forEach(errors::add);
        PlayReport report = Reports.of(session.sourceUri(), started, now, errors.isEmpty(), null,
                status.framesDisplayed(), playback.playedMillis() / 1000.0, -1,
                new PlayReport.Stalls(playback.stalls().count(), playback.stalls().total(now).toMillis() / 1000.0),
                snap, session.servedSegments(), errors, Reports.playerCounters(playback.player().stats()),
                notices.get());
        ReportWriter.write(report, file);
    }

    @Override
    public synchronized void startRecording(Path file) throws IOException {
        Playback playback = playbacks.get();
        if (recorder == null) {
            recorder = new CsvRecorder(file, playback.clock().instant());
        }
    }

    @Override
    public synchronized void stopRecording() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    @Override
    public boolean recording() {
        return recorder != null;
    }

    /** Stats sampler thread, once a second: one CSV row while recording. */
    public void sample(EngineSnapshot snapshot) {
        CsvRecorder r = recorder;
        if (r != null && snapshot != null) {
            Playback playback = playbacks.get();
            r.row(snapshot, playback.stalls().count(), playback.stalls().total(playback.clock().instant()).toMillis() / 1000.0);
        }
    }

    public void close() {
        CsvRecorder r = recorder;
        if (r != null) {
            r.close();
        }
    }
}
