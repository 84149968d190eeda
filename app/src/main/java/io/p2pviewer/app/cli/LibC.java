package io.p2pviewer.app.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;

/** The few C library calls the launcher makes on Linux, through JNA (which vlcj already brings). */
interface LibC extends Library {
    /** glibc's {@code mallopt} ({@link NativeHeapTuning}). */
    int mallopt(int param, int value);

    /** {@code dup2} ({@link NativeStdout}). */
    int dup2(int oldFd, int newFd);

    /** The C library on Linux; empty elsewhere or where it cannot be loaded. */
    static Optional<LibC> onLinux() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Native.load("c", LibC.class));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
