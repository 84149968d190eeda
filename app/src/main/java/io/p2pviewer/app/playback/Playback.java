package io.p2pviewer.app.playback;

import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.StreamSession;
import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.engine.http.RequestHeaders;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.PlayerState;
import io.p2pviewer.player.PlayerStatus;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One viewer's playback: the engine opens a stream, the player plays it through the engine's proxy, and
 * periodic {@link #tick()}s feed the player's progress to the stall tracker and to the engine (for its buffer
 * estimate). Used by the window and by headless runs alike.
 *
 * <p>Threading: {@link #open} from any thread; {@link #tick()} from one sampler thread.
 */
public final class Playback implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Playback.class);
    /** A stretch without progress at least this long counts as a stall. */
    public static final Duration STALL_THRESHOLD = Duration.ofMillis(1000);

    private final Engine engine;
    private final PlayerBridge player;
    private final Clock clock;
    private volatile StreamSession session;
    private volatile StallTracker stalls = new StallTracker(STALL_THRESHOLD);
    private long lastTimeMillis;
    private long lastFrames;
    private Instant lastTickAt;
    private volatile long playedMillis;
    private volatile Opened current;
    /** Where on-demand playback resumes once the player shows frames again (after a variant switch), else -1. */
    private volatile long resumeAtMillis = -1;

    /**
     * What was opened last: the stream's URL, its headers and its swarm qualifier (empty for none; a catch-up
     * archive's), reopened by "Go live" and the quality menu.
     */
    public record Opened(URI url, RequestHeaders headers, String swarmQualifier) {
    }

    public Playback(Engine engine, PlayerBridge player, Clock clock) {
        this.engine = engine;
        this.player = player;
        this.clock = clock;
    }

    /**
     * Opens a stream and starts playing it, replacing whatever played. The future fails with the engine's
     * {@link io.p2pviewer.engine.StreamException} when the stream cannot be opened; player problems arrive as
     * player events.
     */
    public CompletableFuture<StreamSession> open(URI url) {
        return open(url, RequestHeaders.NONE);
    }

    /**
     * As {@link #open(URI)}, for a channel whose requests must carry headers ({@code #EXTVLCOPT:http-user-agent=},
     * {@code http-referrer=}, {@code #KODIPROP} headers): the engine sends them on every playlist and segment
     * request, and libVLC on its own requests (the keys) through media options ({@link HeaderOptions}).
     */
    public CompletableFuture<StreamSession> open(URI url, RequestHeaders headers) {
        return open(url, headers, "");
    }

    /**
     * As {@link #open(URI, RequestHeaders)}, the stream's swarms named apart by {@code swarmQualifier} (a catch-up
     * archive's: {@link io.p2pviewer.engine.Engine#open(URI, RequestHeaders, String)}).
     */
    public CompletableFuture<StreamSession> open(URI url, RequestHeaders headers, String swarmQualifier) {
        java.util.Objects.requireNonNull(headers, "headers");
        current = new Opened(url, headers, swarmQualifier);
        List<String> unsupported = HeaderOptions.unsupported(headers);
        if (!unsupported.isEmpty()) {
            log.debug("libVLC cannot send the headers {}: only the engine's requests carry them", unsupported);
        }
        StreamSession previous = session;
        session = null;
        if (previous != null) {
            previous.close(); // first: fails the proxy's pending reads, so libVLC's stop() cannot hang on them
            player.stop();
        }
        resumeAtMillis = -1;
        return engine.open(url, headers, swarmQualifier).thenApply(s -> {
            stalls = new StallTracker(STALL_THRESHOLD);
            lastTimeMillis = 0;
            lastFrames = 0;
            lastTickAt = null;
            playedMillis = 0;
            session = s;
            // The player's messages name the stream by its own URL (masked), never by the proxy URL and its secret.
            player.play(s.playerUri().toString(), Redacted.url(url), HeaderOptions.of(headers));
            return s;
        });
    }

    /**
     * The player error as a person should read it: the engine's cause when it knows one (a segment's HTTP 404, a
     * malformed playlist), no proxy secret, no token ({@link FailureMessages}). Any thread; waits briefly for the
     * engine thread.
     */
    public PlayerEvent.Error explain(PlayerEvent.Error error) {
        StreamSession s = session;
        List<StreamError> engineErrors = List.of();
        String secretPrefix = null;
        if (s != null) {
            secretPrefix = s.secretPrefix();
            try {
                engineErrors = s.errors();
            } catch (IllegalStateException e) {
                // the engine is closing: the player's words will do
            }
        }
        return new PlayerEvent.Error(error.kind(), FailureMessages.explain(error, engineErrors, secretPrefix));
    }

    /** Seeks the player to a media time (ignored when the media cannot seek). Any thread. */
    public void seek(long timeMillis) {
        player.seek(timeMillis);
    }

    /**
     * The variants of the stream playing (tracks with a bandwidth, lowest first), for a quality menu; empty for a
     * lone media playlist or when nothing plays. Any thread; waits briefly for the engine thread.
     */
    public List<TrackInfo> variants() {
        StreamSession s = session;
        if (s == null) {
            return List.of();
        }
        try {
            return s.tracks().stream().filter(t -> t.bandwidth() > 0)
                    .sorted(java.util.Comparator.comparingLong(TrackInfo::bandwidth)).toList();
        } catch (IllegalStateException e) {
            return List.of(); // the engine is closing
        }
    }

    /**
     * Whether the stream playing is live (a media playlist without {@code EXT-X-ENDLIST}), as the engine read it;
     * false when nothing plays. libVLC cannot tell: it gives a live stream the length of its window. Any thread;
     * waits briefly for the engine thread.
     */
    public boolean isLive() {
        StreamSession s = session;
        try {
            return s != null && s.tracks().stream().anyMatch(TrackInfo::live);
        } catch (IllegalStateException e) {
            return false; // the engine is closing
        }
    }

    /**
     * Plays one variant (a track of {@link #variants()}), or every variant adaptively for -1, in the same stream
     * session: the engine's master then lists that variant only and libVLC reads it anew, so the tracks and their
     * swarms stay. On-demand playback resumes where it was. Any thread.
     *
     * @throws IllegalArgumentException if the track is not a variant of the stream playing
     */
    public void selectVariant(int track) {
        StreamSession s = session;
        Opened opened = current;
        if (s == null || opened == null) {
            return;
        }
        s.pinVariant(track);
        PlayerStatus status = player.status();
        resumeAtMillis = player.tracks().seekable() && status.lengthMillis() > 0 ? status.timeMillis() : -1;
        player.play(s.playerUri().toString(), Redacted.url(opened.url()), HeaderOptions.of(opened.headers()));
    }

    /** Stops playback and closes the stream session. */
    public void stop() {
        StreamSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        player.stop();
    }

    /** Samples the player once; call every 100-250 ms. */
    public PlayerStatus tick() {
        PlayerStatus status = player.status();
        StreamSession s = session;
        long resume = resumeAtMillis;
        if (resume >= 0 && status.framesDisplayed() > 0 && player.tracks().seekable()) {
            resumeAtMillis = -1;
            player.seek(resume);
        }
        if (s != null) {
            // libVLC's clock for live HLS starts at the stream's timestamps and restarts at some discontinuities,
            // so the playhead is measured as wall time during which frames or time advanced (not paused).
            Instant now = clock.instant();
            boolean progressed = status.framesDisplayed() > lastFrames || status.timeMillis() != lastTimeMillis;
            if (progressed && lastTickAt != null && lastFrames > 0 && status.state() != PlayerState.PAUSED) {
                playedMillis += Duration.between(lastTickAt, now).toMillis();
            }
            lastTickAt = now;
            lastFrames = status.framesDisplayed();
            lastTimeMillis = status.timeMillis();
            stalls.sample(now, status.state() == PlayerState.PAUSED, playedMillis, status.framesDisplayed());
            s.reportPlayback(playedMillis / 1000.0);
            s.reportStalls(stalls.count(), stalls.total(now).toMillis() / 1000.0);
        }
        return status;
    }

    /** Playhead: media time played since the stream was opened, in milliseconds (wall time while advancing). */
    public long playedMillis() {
        return playedMillis;
    }

    /** The stream opened last, if any. */
    public Optional<Opened> current() {
        return Optional.ofNullable(current);
    }

    public Optional<StreamSession> session() {
        return Optional.ofNullable(session);
    }

    public StallTracker stalls() {
        return stalls;
    }

    public PlayerBridge player() {
        return player;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        stop();
    }
}
