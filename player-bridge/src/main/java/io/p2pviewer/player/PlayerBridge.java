package io.p2pviewer.player;

import io.p2pviewer.redaction.Redacted;

import java.util.List;

/**
 * A media player: a small API over libVLC that knows nothing of P2P and works without a display.
 *
 * <p>Create one with {@link VlcjPlayerBridge#headless(PlayerOptions)} or
 * {@link VlcjPlayerBridge#forJavaFx(PlayerOptions)}.
 *
 * <p>Threading: every method may be called from any thread and returns without waiting for
 * libVLC (commands are queued on the bridge's own control thread, in call order), except
 * {@link #close()}, which waits for libVLC to be released. {@link #status()}, {@link #stats()} and
 * {@link #recentLibVlcErrors()} return snapshots and never call libVLC. Events go to listeners on
 * the bridge's single event thread (see {@link PlayerListener}).
 *
 * <p>After {@link #close()}, {@link #play(String)} throws {@link IllegalStateException}; the other
 * commands are ignored.
 */
public interface PlayerBridge extends AutoCloseable {

    /**
     * Starts playing an MRL (an {@code http://} HLS playlist, a file path, ...), stopping whatever
     * was playing. Asynchronous: progress and failures arrive as {@link PlayerEvent}s.
     *
     * Messages name the media by the MRL with its query values masked ({@link Redacted#url(String)}).
     *
     * @throws IllegalArgumentException if the MRL is blank
     * @throws IllegalStateException    if the bridge is closed
     */
    default void play(String mrl) {
        play(mrl, Redacted.url(mrl));
    }

    /**
     * As {@link #play(String)}, with the name its messages and log lines give the media: a player fed by a local
     * proxy whose URL holds a secret passes the stream's own (masked) URL, so the secret never reaches a person.
     *
     * @throws IllegalArgumentException if the MRL is blank
     * @throws IllegalStateException    if the bridge is closed
     */
    default void play(String mrl, String label) {
        play(mrl, label, List.of());
    }

    /**
     * As {@link #play(String, String)}, with libVLC media options for this media only, e.g.
     * {@code :http-user-agent=...} and {@code :http-referrer=...}, which libVLC's HTTP and adaptive (HLS) modules
     * send on every request of the media, the key requests included. Options may hold secrets: they are never
     * logged.
     *
     * @throws IllegalArgumentException if the MRL is blank or an option does not start with {@code :}
     * @throws IllegalStateException    if the bridge is closed
     */
    void play(String mrl, String label, List<String> mediaOptions);

    /**
     * Seeks to a media time in milliseconds (clamped at 0); ignored when the media cannot seek
     * ({@link MediaTracks#seekable()}). Asynchronous: {@link #status()} shows the new time once libVLC reports it.
     */
    void seek(long timeMillis);

    /**
     * What the media offers: whether it can seek, its audio and subtitle tracks and which play (a snapshot,
     * polled about once a second; never calls libVLC).
     */
    MediaTracks tracks();

    /** Plays the audio track of that id (from {@link #tracks()}); -1 mutes the audio track. */
    void selectAudioTrack(int id);

    /** Shows the subtitle track of that id (from {@link #tracks()}); -1 hides subtitles. */
    void selectSubtitleTrack(int id);

    /** Pauses playback (no effect if nothing plays). */
    void pause();

    /** Resumes paused playback. */
    void resume();

    /** Pauses if playing, resumes if paused. */
    void togglePause();

    /** Stops playback. */
    void stop();

    /**
     * Sets the audio volume.
     *
     * @param percent 0 to 200 (100 is the media's own level)
     * @throws IllegalArgumentException if out of range
     */
    void setVolume(int percent);

    /** Mutes or unmutes audio. */
    void setMuted(boolean muted);

    /**
     * Plays at {@code rate} times the normal speed, the pitch kept (libVLC's scaletempo); each new media starts at
     * normal speed. Meant for on-demand media: a live stream cannot be played faster than it is made.
     *
     * @param rate {@value #MIN_RATE} to {@value #MAX_RATE}; 1 is normal
     * @throws IllegalArgumentException if out of range
     */
    void setRate(double rate);

    /** The rate libVLC reports for what plays (1 normal), polled with {@link #status()} every 250 ms. */
    double rate();

    /** The slowest rate {@link #setRate} takes. */
    double MIN_RATE = 0.25;

    /** The fastest rate {@link #setRate} takes. */
    double MAX_RATE = 4;

    /**
     * The current status: a snapshot refreshed from libVLC's events and a poll every 250 ms; commands
     * show in it once the event thread has processed them (volume and mute at once, the rest when
     * libVLC reports the change).
     */
    PlayerStatus status();

    /** The version of the libVLC this player runs on, as libVLC reports it (e.g. "3.0.21 Vetinari"); read once. */
    String libVlcVersion();

    /** libVLC's statistics for the current media (a snapshot, polled every 250 ms). */
    PlayerStats stats();

    /**
     * The latest distinct error-level lines of libVLC's log (at most 50, oldest first), for
     * diagnostics. libVLC logs a few harmless errors at every start (hardware decoder probing:
     * "Failed to create video converter"); they are included.
     */
    List<LibVlcLogLine> recentLibVlcErrors();

    /** Adds a listener (see {@link PlayerListener} for its threading contract). */
    void addListener(PlayerListener listener);

    /** Removes a listener; events already queued for it may still arrive. */
    void removeListener(PlayerListener listener);

    /**
     * Stops playback and releases libVLC; waits for that (at most about 10 s). Idempotent, safe
     * after errors and from a listener.
     */
    @Override
    void close();
}
