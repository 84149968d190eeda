package io.p2pviewer.app.ui.player;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** What the player view model asks of playback; the app wires it to {@code Playback}, tests to a fake. */
public interface PlaybackControls {
    /** Opens and plays a stream; fails with a reason a person can read. */
    CompletableFuture<?> open(URI url);

    void togglePause();

    void stop();

    void setVolume(int percent);

    void setMuted(boolean muted);
}
