package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class P2pWarmUpTest {
    @Test
    void everyClassItNamesExistsAndInitialises() {
        assertThat(P2pWarmUp.run()).as("classes P2pWarmUp could not load (renamed or moved?)").isZero();
    }

    @Test
    void itRunsOnADaemonThreadThatEnds() throws InterruptedException {
        Thread t = P2pWarmUp.start();
        assertThat(t.isDaemon()).isTrue();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
    }
}
