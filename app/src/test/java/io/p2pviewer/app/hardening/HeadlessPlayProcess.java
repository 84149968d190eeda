package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.report.PlayReport;
import io.p2pviewer.app.report.ReportWriter;
import io.p2pviewer.testing.NetnsFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./viewer play URL --headless --duration S --report F --csv F} as a child JVM with the app's own logging
 * (logback at INFO to stderr): what a QA engineer runs, and everything it prints, reports and exports.
 */
final class HeadlessPlayProcess {
    /** What one run left behind. {@code csv} is empty when the run never opened the stream. */
    record Result(int exitCode, String stdout, String stderr, String reportJson, PlayReport report, String csv) {
        /** Everything the run printed, reported and exported, for searching secrets. */
        String everything() {
            return stdout + "\n" + stderr + "\n" + reportJson + "\n" + csv;
        }

        /** The stderr line starting with {@code error:}. */
        String errorLine() {
            return stderr.lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
        }
    }

    private HeadlessPlayProcess() {
    }

    /** The last 30 lines of a file. */
    private static String tail(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static Result play(URI url, double seconds, Path dir) throws Exception {
        return play(url, seconds, dir, List.of());
    }

    /** As {@link #play(URI, double, Path)}, with more options for {@code play}. */
    static Result play(URI url, double seconds, Path dir, List<String> options) throws Exception {
        Path report = dir.resolve("report.json");
        Path csv = dir.resolve("run.csv");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        List<String> args = new java.util.ArrayList<>(List.of("play", url.toString(), "--headless", "--duration",
                Double.toString(seconds), "--report", report.toString(), "--csv", csv.toString()));
        args.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain",
                List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow"), args));
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            assertThat(process.waitFor((long) seconds + 60, TimeUnit.SECONDS)).as("the run ends (log %s)", err).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String json = Files.exists(report) ? Files.readString(report) : "";
        assertThat(json).as("report written; stderr:%n%s", tail(err)).isNotEmpty();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err), json,
                ReportWriter.mapper().readValue(json, PlayReport.class), Files.exists(csv) ? Files.readString(csv) : "");
    }
}
