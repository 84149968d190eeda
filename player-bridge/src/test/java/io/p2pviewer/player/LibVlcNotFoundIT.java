package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LibVlcProbe} in a child JVM whose library paths hide libVLC (as on a machine without
 * libvlc5), and in one that can see it.
 */
class LibVlcNotFoundIT {

    @Test
    void aMissingLibVlcIsOneClearSentence() throws Exception {
        ProbeResult result = probe(List.of("-Djna.library.path=/nonexistent", "-Djna.platform.library.path=/nonexistent"));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output())
                .startsWith("LibVlcNotFoundException: libVLC not found: install libvlc5 and vlc-plugin-base")
                .doesNotContain("\tat ");
    }

    @Test
    void theSameProbeFindsLibVlcWhenItIsVisible() throws Exception {
        ProbeResult result = probe(List.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEqualTo("CREATED");
    }

    private record ProbeResult(int exitCode, String output) {}

    private static ProbeResult probe(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LibVlcProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new ProbeResult(exited ? process.exitValue() : -1, output);
    }
}
