package io.p2pviewer.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.cli.ExitCodes;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.demo.RequestKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No token and no proxy secret in anything a headless run prints (stdout, stderr with the app's INFO log), reports
 * (JSON) or exports (CSV), even when the key server refuses the key whose URL carries the token: the line that
 * says "not entitled" quotes the key URL with {@code token=***}. Child JVM, real libVLC, real local origin.
 */
class SecretsStayHiddenIT {
    private static final String TOKEN = "SECRET123";
    /** The engine's proxy secret: 24 random bytes, URL-safe Base64, as the first path segment of its URLs. */
    private static final String PROXY_SECRET_PATH = "127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_-]{32}/";

    @Test
    void aRefusedKeyIsReportedWithoutTheTokenOrTheProxySecret(@TempDir Path dir) throws Exception {
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().validToken("the-entitled-one").build())) {
            HeadlessPlayProcess.Result run = HeadlessPlayProcess.play(origin.masterUri(TOKEN), 20, dir);

            assertThat(origin.requests()).filteredOn(r -> r.kind() == RequestKind.KEY).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.query()).contains(TOKEN));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.PLAYBACK_FAILED);
            assertThat(run.errorLine()).contains("not entitled", "demo.key?token=***");
            assertThat(run.report().url()).endsWith("master.m3u8?token=***");
            assertThat(run.report().errors()).anySatisfy(e -> assertThat(e).contains("KEY_REFUSED", "token=***"));
            assertThat(run.stderr()).as("the app logs at INFO").contains("INFO");
            assertThat(run.csv()).as("the CSV export was written").isNotEmpty();
            assertThat(run.everything()).doesNotContain(TOKEN).doesNotContainPattern(PROXY_SECRET_PATH);
        }
    }
}
