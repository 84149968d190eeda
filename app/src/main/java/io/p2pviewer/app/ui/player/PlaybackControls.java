package io.p2pviewer.app.ui.player;

import io.p2pviewer.engine.http.RequestHeaders;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** What the player view model asks of playback; the app wires it to {@code Playback}, tests to a fake. */
public interface PlaybackControls {
    /**
     * Opens and plays a stream; fails with a reason a person can read.
     *
     * @param headers        what every request of the stream carries (a channel's; {@link RequestHeaders#NONE})
     * @param swarmQualifier names the stream's swarms apart, empty for none (a catch-up archive, whose URL differs
     *                       from its live channel's only in the query)
     */
    CompletableFuture<?> open(URI url, RequestHeaders headers, String swarmQualifier);

    /**
     * Plays at {@code rate} times the normal speed; false when the stream playing cannot (a live one, or nothing
     * plays), and nothing changes.
     */
    default boolean setRate(double rate) {
        return false;
    }

    void togglePause();

    void stop();

    void setVolume(int percent);

    void setMuted(boolean muted);
}
