package io.p2pviewer.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheBudgetTest {
    private static final long MIB = 1L << 20;

    @Test
    void aCacheConfiguredLargerThanHalfTheHeapGetsHalfTheHeap() {
        assertEquals(128 * MIB, CacheBudget.within(256 * MIB, 256 * MIB));
    }

    @Test
    void aCacheThatFitsKeepsItsBound() {
        assertEquals(256 * MIB, CacheBudget.within(256 * MIB, 4096 * MIB));
    }

    @Test
    void aJvmWithoutLimitChangesNothingAndATinyHeapStillGetsOneMebibyte() {
        assertEquals(256 * MIB, CacheBudget.within(256 * MIB, Long.MAX_VALUE));
        assertEquals(MIB, CacheBudget.within(256 * MIB, MIB));
    }
}
