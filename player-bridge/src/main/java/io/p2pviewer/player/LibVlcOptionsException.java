package io.p2pviewer.player;

import java.util.List;

/** Thrown when libVLC refuses to start with the given options (an unknown option or a bad value). */
public final class LibVlcOptionsException extends PlayerBridgeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an unmodifiable List.copyOf, which is serializable
    private final List<String> options;

    LibVlcOptionsException(List<String> options, Throwable cause) {
        super("libVLC refused to start with the options " + options
                + ": one of them is unknown or has an invalid value (or the VLC plugins are missing:"
                + " install vlc-plugin-base)", cause);
        this.options = List.copyOf(options);
    }

    /** The full option list libVLC was given. */
    public List<String> options() {
        return options;
    }
}
