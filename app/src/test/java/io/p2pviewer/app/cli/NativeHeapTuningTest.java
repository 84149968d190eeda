package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeHeapTuningTest {
    @Test
    void glibcTakesTheFixedMmapThreshold() {
        // The machines this runs on are Debian (glibc) without MALLOC_MMAP_THRESHOLD_ set.
        assertThat(System.getenv("MALLOC_MMAP_THRESHOLD_")).isNull();
        assertThat(NativeHeapTuning.fixMmapThreshold()).isTrue();
    }
}
