package io.p2pviewer.app.playback;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.app.report.CsvRecorder;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.app.report.Reports;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.StreamSession;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A headless peer's run: the session's engine (with P2P when trackers are given) plus a {@link PacedPlayer}, then
 * the report. Blocks the calling thread.
 */
public final class HeadlessPeerRun {
    private final ViewerSession viewer;
    private final String variant;
    private final PrintStream out;
    private final PrintStream err;

    /** @param session the session whose engine this run starts (and its owner closes) */
    public HeadlessPeerRun(ViewerSession session, String variant, PrintStream out, PrintStream err) {
        this.viewer = session;
        this.variant = variant;
        this.out = out;
        this.err = err;
    }

    public int run(URI url, Duration duration, Path report, Path csv) throws InterruptedException, IOException {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        Engine engine = viewer.startEngine();
        StreamSession session;
        try {
            session = engine.open(url).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String reason = "cannot open stream: " + (e.getCause() == null ? "no answer within 30 s"
                    : e.getCause().getMessage());
            err.println("error: " + reason);
            if (report != null) {
                ReportWriter.write(Reports.failed(url, started, reason), report);
            }
            return ExitCodes.OPEN_FAILED;
        }
        CsvRecorder recorder = csv == null ? null : new CsvRecorder(csv, started);
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "csv-sampler");
            t.setDaemon(true);
            return t;
        });
        if (recorder != null) {
            sampler.scheduleAtFixedRate(() -> recorder.row(session.snapshot(), 0, 0), 1, 1, TimeUnit.SECONDS);
        }
        PacedPlayer player = new PacedPlayer(clock, PacedPlayer.BUFFER_TARGET,
                PacedPlayer.LIVE_DELAY_SEGMENTS, variant);
        PacedPlayer.Result result = player.play(session.playerUri(), started.plus(duration));
        Instant finished = clock.instant();
        sampler.shutdownNow();
        sampler.awaitTermination(2, TimeUnit.SECONDS);
        EngineSnapshot snap = session.finish(Duration.ofSeconds(10));
        if (recorder != null) {
            recorder.row(snap, result.stalls(), result.stallSeconds()); // final, drained
            recorder.close();
        }
        List<String> errors = new ArrayList<>();
        if (result.error() != null) {
            errors.add(result.error());
        }
        session.errors().stream().map(StreamError::message).forEach(errors::add);
        boolean ok = result.error() == null && result.segments() > 0;
        String reason = ok ? null : "playback failed: " + (result.error() != null ? result.error()
                : "no segment could be read");
        PlayReport r = Reports.of(url, started, finished, ok, reason, 0, result.secondsPlayed(),
                result.startupSeconds(),
                new PlayReport.Stalls(result.stalls(), result.stallSeconds()), snap, session.servedSegments(),
                errors, Map.of(), viewer.notices());
        if (report != null) {
            ReportWriter.write(r, report);
        }
        if (!ok) {
            err.println("error: " + reason);
            return ExitCodes.PLAYBACK_FAILED;
        }
        out.printf(Locale.ROOT, "peer played %.1f s of %s: %d segments, %d stalls, offload %.1f%%, uploaded %d B,"
                        + " %d missed deadlines, %d peers%n", r.secondsPlayed(), result.variant(),
                result.segments(), result.stalls(), r.offload() * 100, r.uploadedBytes(), r.missedDeadlines(),
                r.peers().size());
        return ExitCodes.OK;
    }
}
