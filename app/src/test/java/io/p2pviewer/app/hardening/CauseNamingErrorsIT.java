package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message a user sees names the cause the engine knows (a segment's HTTP status from the origin, an ftp://
 * segment URI, a master that points at itself), not libVLC's guess, in the headless run's stderr line, its report's
 * reason and errors: {@code ./viewer play URL --headless} as a child JVM with real libVLC against real local origins.
 */
class CauseNamingErrorsIT {
    private static final String LIBVLC_GUESS = "wrong decryption key";

    private static HostilePlaylistOrigin hostile;

    @BeforeAll
    static void start() throws Exception {
        hostile = HostilePlaylistOrigin.start();
    }

    @AfterAll
    static void stop() {
        hostile.close();
    }

    @ParameterizedTest(name = "HTTP {0} for every segment")
    @ValueSource(ints = {404, 403, 503})
    void anOriginRefusingTheSegmentsIsNamedAsTheCause(int status, @TempDir Path dir) throws Exception {
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.VOD).build())) {
            origin.failSegments(0, Long.MAX_VALUE, status);

            HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(origin.masterUri(), 20, dir);
            System.out.println("headless run: " + run.errorLine());

            String cause = "HTTP " + status + " from the origin";
            assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAYBACK_FAILED);
            assertThat(run.errorLine()).startsWith("error: playback failed:").contains(cause)
                    .containsPattern("segment \\d+p#\\d+: HTTP").doesNotContain(LIBVLC_GUESS);
            assertThat(run.report().reason()).contains(cause).doesNotContain(LIBVLC_GUESS);
            assertThat(run.report().errors()).anySatisfy(e -> assertThat(e).matches("segment \\d+p#\\d+: " + cause
                    + " \\(http://127\\.0\\.0\\.1:\\d+/vod/\\d+p/seg-\\d+\\.ts\\?token=\\*\\*\\*\\)"));
            assertThat(run.everything()).doesNotContain(origin.validToken());
        }
    }

    @Test
    void oneMissingSegmentIsNamedInTheErrors(@TempDir Path dir) throws Exception {
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.VOD).build())) {
            origin.failSegments(2, 2, 404);

            HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(origin.masterUri(), 10, dir);
            System.out.println("headless run: " + run.errorLine());

            assertThat(run.report().errors()).anySatisfy(e -> assertThat(e)
                    .startsWith("segment ").contains("#2: HTTP 404 from the origin"));
            if (run.report().reason() != null) {
                assertThat(run.report().reason()).contains("HTTP 404 from the origin").doesNotContain(LIBVLC_GUESS);
            }
        }
    }

    @Test
    void anFtpSegmentUriIsNamedAsTheCause(@TempDir Path dir) throws Exception {
        HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(hostile.ftpSegments(), 15, dir);
        System.out.println("headless run: " + run.errorLine());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAYBACK_FAILED);
        assertThat(run.errorLine()).contains("segment main#0: not an http(s) URL (ftp://127.0.0.1/media/seg-0.ts?token=***)")
                .doesNotContain(LIBVLC_GUESS);
        assertThat(run.report().reason()).contains("not an http(s) URL (ftp://");
        assertThat(run.everything()).doesNotContain(HostilePlaylistOrigin.TOKEN);
    }

    @Test
    void aMasterThatPointsAtItselfSaysSo(@TempDir Path dir) throws Exception {
        HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(hostile.selfReferencingMaster(), 10, dir);
        System.out.println("headless run: " + run.errorLine());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OPEN_FAILED);
        assertThat(run.errorLine()).isEqualTo("error: cannot open stream: The master playlist points at itself ("
                + hostile.selfReferencingMaster().toString().replace(HostilePlaylistOrigin.TOKEN, "***")
                + "): nothing to play");
        assertThat(run.report().reason()).contains("points at itself");
        assertThat(run.everything()).doesNotContain(HostilePlaylistOrigin.TOKEN);
    }
}
