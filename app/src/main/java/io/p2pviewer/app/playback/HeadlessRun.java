package io.p2pviewer.app.playback;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.app.report.CsvRecorder;
import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.app.report.Reports;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import io.p2pviewer.redaction.Redacted;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scripted run without a window: plays a URL for a while with real libVLC (video to a callback surface, audio
 * to a dummy output), then writes the JSON report and returns an exit code. Blocks the calling thread.
 */
public final class HeadlessRun {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final long SAMPLE_MILLIS = 200;

    private final Playback playback;
    private final PrintStream out;
    private final PrintStream err;
    private final java.util.function.Supplier<List<String>> notices;

    public HeadlessRun(Playback playback, PrintStream out, PrintStream err) {
        this(playback, List::of, out, err);
    }

    /** @param notices what to say about reaching peers in the report (the session's {@code notices()}) */
    public HeadlessRun(Playback playback, java.util.function.Supplier<List<String>> notices, PrintStream out,
                       PrintStream err) {
        this.notices = notices;
        this.playback = playback;
        this.out = out;
        this.err = err;
    }

    /** Plays {@code url} for {@code duration} of wall time from the play command, writes {@code report}. */
    public int run(URI url, Duration duration, Path report) throws InterruptedException {
        return run(url, duration, report, null);
    }

    /** As {@link #run(URI, Duration, Path)}, also recording a CSV row per second when {@code csv} is not null. */
    public int run(URI url, Duration duration, Path report, Path csv) throws InterruptedException {
        Instant started = playback.clock().instant();
        List<String> playerErrors = Collections.synchronizedList(new ArrayList<>());
        List<ErrorKind> fatal = Collections.synchronizedList(new ArrayList<>());
        Duration[] firstFrame = {null};
        playback.player().addListener(event -> {
            switch (event) {
                case PlayerEvent.Error raw -> {
                    PlayerEvent.Error e = playback.explain(raw);
                    playerErrors.add(e.kind() + ": " + e.message());
                    if (e.kind() != ErrorKind.LIBVLC_ERROR || firstFrame[0] == null) {
                        fatal.add(e.kind());
                    }
                }
                case PlayerEvent.FirstFrame f -> firstFrame[0] = f.sincePlay();
                default -> { }
            }
        });

        StreamSession session;
        try {
            session = playback.open(url).get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            return fail(report, url, started, ExitCodes.OPEN_FAILED, "cannot open stream: " + reason);
        } catch (TimeoutException e) {
            return fail(report, url, started, ExitCodes.OPEN_FAILED,
                    "cannot open stream: no answer within " + OPEN_TIMEOUT.toSeconds() + " s");
        }

        CsvRecorder recorder = null;
        if (csv != null) {
            try {
                recorder = new CsvRecorder(csv, started);
            } catch (IOException e) {
                return fail(report, url, started, ExitCodes.INTERNAL, "cannot write " + csv + ": " + e.getMessage());
            }
        }
        Instant end = started.plus(duration);
        PlayerStatus status = playback.tick();
        int tick = 0;
        while (playback.clock().instant().isBefore(end) && fatal.isEmpty()) {
            Thread.sleep(SAMPLE_MILLIS);
            status = playback.tick();
            if (recorder != null && ++tick % (1000 / SAMPLE_MILLIS) == 0) {
                recorder.row(session.snapshot(), playback.stalls().count(),
                        playback.stalls().total(playback.clock().instant()).toMillis() / 1000.0);
            }
        }
        Instant finished = playback.clock().instant();
        StallTracker stalls = playback.stalls();
        stalls.finish(finished);
        PlayerStats stats = playback.player().stats();
        playback.player().stop();
        EngineSnapshot snapshot = session.finish(Duration.ofSeconds(10));
        if (recorder != null) {
            recorder.row(snapshot, stalls.count(), stalls.total(finished).toMillis() / 1000.0); // final, drained
            recorder.close();
        }
        List<ServedSegment> served = session.servedSegments();
        List<String> errors = new ArrayList<>(playerErrors);
        session.errors().stream().map(StreamError::message).forEach(errors::add);
        errors.replaceAll(message -> FailureMessages.safe(message, session.secretPrefix()));
        playback.stop();

        String reason = null;
        int code = ExitCodes.OK;
        if (!fatal.isEmpty()) {
            code = ExitCodes.PLAYBACK_FAILED;
            reason = "playback failed: " + playerErrors.get(0);
        } else if (status.framesDisplayed() == 0) {
            code = ExitCodes.PLAYBACK_FAILED;
            reason = "playback failed: no video frame was displayed in " + duration.toSeconds() + " s"
                    + FailureMessages.cause(session.errors()).map(c -> ": " + c.message()).orElse("");
        }
        PlayReport r = Reports.of(url, started, finished, code == ExitCodes.OK, reason, status.framesDisplayed(),
                playback.playedMillis() / 1000.0, firstFrame[0] == null ? -1 : firstFrame[0].toMillis() / 1000.0,
                new PlayReport.Stalls(stalls.count(), stalls.total(finished).toMillis() / 1000.0), snapshot, served,
                errors, Reports.playerCounters(stats), notices.get());
        if (!write(report, r)) {
            return ExitCodes.INTERNAL;
        }
        if (reason != null) {
            err.println("error: " + Redacted.text(reason));
        } else {
            out.printf(Locale.ROOT, "played %.1f s: %d frames, %d stalls (%.1f s), cdn %d B, peer %d B, "
                            + "fallback %d B served%n", r.secondsPlayed(), r.framesDisplayed(), r.stalls().count(),
                    r.stalls().totalSeconds(), r.servedBytes().get("cdn"), r.servedBytes().get("peer"),
                    r.servedBytes().get("fallback"));
        }
        return code;
    }

    private int fail(Path report, URI url, Instant started, int code, String reason) {
        err.println("error: " + Redacted.text(reason));
        write(report, Reports.failed(url, started, reason));
        return code;
    }


    private boolean write(Path report, PlayReport r) {
        if (report == null) {
            return true;
        }
        try {
            ReportWriter.write(r, report);
            return true;
        } catch (IOException e) {
            err.println("error: cannot write report " + report + ": " + e.getMessage());
            return false;
        }
    }
}
