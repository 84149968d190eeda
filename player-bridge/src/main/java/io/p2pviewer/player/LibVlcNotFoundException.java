package io.p2pviewer.player;

/** Thrown when the libVLC native library cannot be found or loaded. */
public final class LibVlcNotFoundException extends PlayerBridgeException {

    private static final long serialVersionUID = 1L;

    /** The message every instance starts with. */
    public static final String MESSAGE = "libVLC not found: install libvlc5 and vlc-plugin-base";

    LibVlcNotFoundException(Throwable cause) {
        super(MESSAGE + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }
}
