package io.p2pviewer.app.cli;

/** Exit codes of the command line; scripts depend on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Played, but not well enough: no frames, or the player reported a fatal error. */
    public static final int PLAYBACK_FAILED = 1;
    /** Bad arguments (picocli's own code). */
    public static final int USAGE = 2;
    /** The stream could not be opened: unreachable, HTTP error, malformed playlist. */
    public static final int OPEN_FAILED = 3;
    /** libVLC or the display is missing or broken. */
    public static final int ENVIRONMENT = 4;
    /** A bug. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
