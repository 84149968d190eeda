package io.p2pviewer.app.ui.player;

/**
 * What the seek bar and the quality, audio and subtitle menus ask of playback; the app wires it to
 * {@code Playback} and the player bridge, tests to a fake. Every method returns at once (the work is queued).
 */
public interface PlayerChoices {
    /** Seeks to a media time in milliseconds. */
    void seek(long timeMillis);

    /** Live: back to the live edge (the stream opened anew). */
    void goLive();

    /** One variant by its engine track, or -1 for Auto (adaptive). */
    void selectVariant(int track);

    /** An audio track by libVLC's id. */
    void selectAudio(int id);

    /** A subtitle track by libVLC's id (-1: none). */
    void selectSubtitle(int id);
}
