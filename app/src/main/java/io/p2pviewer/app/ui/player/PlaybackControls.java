package io.p2pviewer.app.ui.player;

import io.p2pviewer.engine.http.RequestHeaders;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** What the player view model asks of playback; the app wires it to {@code Playback}, tests to a fake. */
public interface PlaybackControls {
    /** Opens and plays a stream; fails with a reason a person can read. */
    CompletableFuture<?> open(URI url);

    /** Opens and plays a stream whose every request carries these headers (a channel's). */
    default CompletableFuture<?> open(URI url, RequestHeaders headers) {
        return headers.isEmpty() ? open(url) : CompletableFuture.failedFuture(
                new UnsupportedOperationException("this playback sends no channel headers"));
    }

    /**
     * Opens and plays a stream whose swarms are named apart by {@code swarmQualifier} (a catch-up archive, whose URL
     * differs from its live channel's only in the query).
     */
    default CompletableFuture<?> open(URI url, RequestHeaders headers, String swarmQualifier) {
        return swarmQualifier.isEmpty() ? open(url, headers) : CompletableFuture.failedFuture(
                new UnsupportedOperationException("this playback names no swarms"));
    }

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
