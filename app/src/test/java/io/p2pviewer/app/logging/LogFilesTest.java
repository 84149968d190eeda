package io.p2pviewer.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFilesTest {
    private static final Logger log = LoggerFactory.getLogger(LogFilesTest.class);

    @AfterEach
    void remove() {
        LogFiles.uninstall();
    }

    @Test
    void linesGoToTheFileWhichRotatesBySizeKeepingAFewFiles(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state/p2p-viewer");
        assertThat(LogFiles.install(state, new LogFiles.Rotation(4096, 2, 0))).contains(state.resolve("viewer.log"));
        log.info("first line of the test");
        log.debug("a debug line stays out");
        for (int i = 0; i < 400; i++) {
            log.info("filler line {} of some length to make the files grow past their limit", i);
        }
        log.warn("last line of the test");
        LogFiles.uninstall();

        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("viewer.log", "viewer.1.log", "viewer.2.log");
        }
        String current = Files.readString(state.resolve("viewer.log"));
        assertThat(current).contains("WARN  io.p2pviewer.app.logging.LogFilesTest - last line of the test")
                .matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.*");
        for (String name : new String[] {"viewer.log", "viewer.1.log", "viewer.2.log"}) {
            assertThat(Files.size(state.resolve(name))).as(name).isLessThan(4096 + 2048);
            assertThat(Files.readString(state.resolve(name))).doesNotContain("a debug line");
        }
        assertThat(Files.readString(state.resolve("viewer.2.log"))).doesNotContain("first line of the test")
                .as("the oldest lines were dropped");
    }

    @Test
    void anUnwritableDirectoryMeansNoFileAndNoFailure(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertThat(LogFiles.install(blocker.resolve("state"), LogFiles.Rotation.DEFAULT)).isEmpty();
        log.info("still logging");
    }
}
