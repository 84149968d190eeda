package io.p2pviewer.app.cli;

/**
 * Keeps the process's standard output for the commands' own output at exit. webrtc-java 0.14.0 prints
 * "VM attach current thread failed" and "Failed to attach thread N" to the native standard output (C++
 * {@code std::cout}) while the JVM exits, in every process that created an audio device module (all that used
 * WebRTC; measured with a probe that only creates and disposes one), so {@code viewer peer ... | parse} read two
 * stray lines after the summary. Once the command has written all it will, {@link #handOverToStderr()} points
 * file descriptor 1 at standard error: the native lines are still shown, on stderr with the logs.
 */
final class NativeStdout {
    private NativeStdout() {
    }

    /**
     * Flushes {@link System#out} and makes descriptor 1 a copy of descriptor 2. Call right before
     * {@code System.exit}, never while the command may still print.
     *
     * @return true when the descriptor was replaced (false off Linux or where libc cannot be loaded)
     */
    static boolean handOverToStderr() {
        System.out.flush();
        return LibC.onLinux().map(c -> c.dup2(2, 1) == 1).orElse(false);
    }
}
