package io.p2pviewer.player;

/** The kind of a {@link PlayerEvent.Error}: what went wrong, in terms a user interface can act on. */
public enum ErrorKind {
    /** libVLC fired its error event for a reason the bridge could not narrow down (details in the message). */
    LIBVLC_ERROR,
    /**
     * Neither the displayed frame count nor the playback time advanced for the configured
     * {@code noProgressTimeout} while the player was opening, buffering or playing, or the media
     * ended before anything was shown. A wrong AES key looks exactly like this.
     */
    NO_PROGRESS,
    /**
     * The decryption key could not be obtained: the key server answered with an HTTP error
     * (typically 403 for a viewer without entitlement) or could not be reached.
     */
    KEY_REFUSED,
    /** libVLC could not open the MRL (unreachable host, missing file, unknown scheme, ...). */
    OPEN_FAILED
}
