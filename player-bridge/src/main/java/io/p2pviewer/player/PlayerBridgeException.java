package io.p2pviewer.player;

/** A failure to create a player: libVLC is missing or refused to start. */
public sealed class PlayerBridgeException extends RuntimeException
        permits LibVlcNotFoundException, LibVlcOptionsException {

    private static final long serialVersionUID = 1L;

    PlayerBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
