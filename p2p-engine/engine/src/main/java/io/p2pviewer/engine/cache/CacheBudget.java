package io.p2pviewer.engine.cache;

/**
 * The bytes a stream's segment cache may hold in this JVM: the configured bound, but at most half the heap the JVM
 * may grow to, so a cache configured larger than the heap (256 MiB in a {@code -Xmx256m} process) evicts instead
 * of ending the process with an OutOfMemoryError. Stateless.
 */
public final class CacheBudget {
    /** The share of the maximum heap the cache may take. */
    public static final double HEAP_SHARE = 0.5;

    private CacheBudget() {
    }

    /**
     * The cache bound to use.
     *
     * @param configuredBytes the configured bound
     * @param maxHeapBytes    {@code Runtime.maxMemory()}: {@link Long#MAX_VALUE} when the JVM has no limit
     */
    public static long within(long configuredBytes, long maxHeapBytes) {
        if (maxHeapBytes == Long.MAX_VALUE || maxHeapBytes <= 0) {
            return configuredBytes;
        }
        long share = (long) (maxHeapBytes * HEAP_SHARE);
        return Math.max(1L << 20, Math.min(configuredBytes, share));
    }
}
