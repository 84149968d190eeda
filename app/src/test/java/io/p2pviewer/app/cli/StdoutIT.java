package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.peer.tracker.EmbeddedTracker;
import io.p2pviewer.testing.NetnsFixture;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise that stdout carries only the commands' own output, for a command that used WebRTC: a child
 * JVM runs {@code viewer peer} with a tracker (so it creates webrtc-java's factory), stdout and stderr apart.
 * webrtc-java prints two lines of its own to the native stdout as the JVM exits ({@link NativeStdout}).
 */
class StdoutIT {
    @TempDir
    Path dir;

    @Test
    void aPeerRunsStdoutIsItsSummaryLineAloneAfterWebRtc() throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().bindAddress("127.0.0.1")
                .mode(DemoMode.LIVE).build())) {
            EmbeddedTracker tracker = new EmbeddedTracker();
            try {
                URI uri = tracker.start(InetAddress.getLoopbackAddress(), 0);
                Process p = new ProcessBuilder(NetnsFixture.javaCommand("io.p2pviewer.app.cli.ViewerMain",
                        List.of("-Xmx256m", "--sun-misc-unsafe-memory-access=allow"),
                        List.of("peer", origin.masterUri().toString(), "--tracker", uri.toString(),
                                "--duration", "6", "--report", dir.resolve("peer.json").toString())))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("exits; stderr %s", err).isTrue();
                assertThat(p.exitValue()).as("exit code; stderr: %s", Files.readString(err)).isZero();
                assertThat(tracker.counters().announces()).as("it announced: WebRTC was set up").isPositive();
            } finally {
                tracker.close();
            }
        }
        List<String> stdout = Files.readAllLines(out);
        System.out.printf("peer stdout %s%nstderr tail %s%n", stdout,
                Files.readAllLines(err).stream().skip(Math.max(0, Files.readAllLines(err).size() - 3)).toList());
        assertThat(stdout).as("stdout").hasSize(1);
        assertThat(stdout.get(0)).startsWith("peer played ");
    }
}
