package io.p2pviewer.player;

/** A failure to create a player: libVLC is missing or refused to start. */
public sealed class PlayerBridgeException extends RuntimeException
        permits LibVlcNotFoundException, LibVlcOptionsException {

    PlayerBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
