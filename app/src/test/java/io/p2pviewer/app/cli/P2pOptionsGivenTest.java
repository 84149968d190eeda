package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether the window's command line gave P2P options, which then win over the settings' P2P part. */
class P2pOptionsGivenTest {
    private static boolean given(String... args) {
        ViewerMain main = new ViewerMain();
        new picocli.CommandLine(main).parseArgs(args);
        return main.p2p.given();
    }

    @Test
    void anyP2pOptionCountsAndNothingElseDoes() {
        assertThat(given()).isFalse();
        assertThat(given("--demo", "--no-audio", "http://h/master.m3u8")).isFalse();
        assertThat(given("--tracker", "ws://h:8000")).isTrue();
        assertThat(given("--upload-limit", "100")).isTrue();
        assertThat(given("--no-upload")).isTrue();
        assertThat(given("--relay-only")).isTrue();
        assertThat(given("--ice-servers", "/nonexistent.json")).isTrue();
        assertThat(given("--swarm-id", "x")).isTrue();
    }
}
