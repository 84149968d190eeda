package io.p2pviewer.app.cli;

/**
 * Fixes glibc malloc's mmap threshold for this process, as {@code MALLOC_MMAP_THRESHOLD_=131072} would: every
 * allocation of 128 KiB or more is its own mapping, given back to the system when freed.
 *
 * <p>Why: by default glibc raises the threshold each time a mapped block is freed (up to 32 MiB), so after libVLC
 * has freed its first decoded pictures (about 1.4 MB each at 720p), later pictures come from malloc's arenas, where
 * freed space stays resident and fragments. Two demo windows side by side (docs/BENCHMARKS.md, soak): with the
 * default, 200 MiB sat free inside the arenas a minute after start (RSS 869 MiB); with the threshold fixed, 22 MiB
 * (RSS 686 MiB). The JVM's own periodic trim ({@code -XX:TrimNativeHeapInterval}) cannot give back space that lies
 * between blocks still in use.
 *
 * <p>Called once at start, before libVLC and webrtc-java allocate; does nothing where glibc's {@code mallopt} is
 * not there (another C library, another system). Logs nothing: it runs before the command has set up logging.
 */
final class NativeHeapTuning {
    /** glibc's {@code M_MMAP_THRESHOLD}. */
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's default threshold, kept fixed: no dynamic raising. */
    static final int MMAP_THRESHOLD_BYTES = 128 * 1024;

    private NativeHeapTuning() {
    }

    /**
     * Fixes the mmap threshold unless the user set one ({@code MALLOC_MMAP_THRESHOLD_} in the environment).
     *
     * @return true when glibc took the setting
     */
    static boolean fixMmapThreshold() {
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null) {
            return false;
        }
        try {
            return LibC.onLinux().map(c -> c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1).orElse(false);
        } catch (LinkageError | RuntimeException e) {
            return false; // not glibc (no mallopt): its own allocator's defaults
        }
    }
}
