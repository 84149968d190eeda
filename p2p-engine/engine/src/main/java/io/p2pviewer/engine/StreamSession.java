package io.p2pviewer.engine;

import io.p2pviewer.engine.stream.StreamController;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An opened stream: the URL the player should play and the stream's delivery statistics. Thread-safe; the query
 * methods wait briefly for the engine thread.
 */
public final class StreamSession implements AutoCloseable {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final Engine engine;
    private final StreamController controller;
    private final URI playerUri;

    StreamSession(Engine engine, StreamController controller, URI playerUri) {
        this.engine = engine;
        this.controller = controller;
        this.playerUri = playerUri;
    }

    /** The loopback URL to give the player (master playlist, or the single media playlist). */
    public URI playerUri() {
        return playerUri;
    }

    /**
     * The start of the player's URLs that holds the proxy's secret ({@code http://127.0.0.1:port/<secret>/}): never
     * to be shown to a person or logged; messages replace it.
     */
    public String secretPrefix() {
        String path = playerUri.getRawPath();
        int second = path.indexOf('/', 1);
        return playerUri.getScheme() + "://" + playerUri.getRawAuthority() + path.substring(0, second + 1);
    }

    /** The URL the stream was opened with. */
    public URI sourceUri() {
        return controller.sourceUri();
    }

    /**
     * Pins the player to the variant of one track (from {@link #tracks()}), -1 for every variant (adaptive): see
     * {@link StreamController#pinVariant}. The player takes it when it plays {@link #playerUri()} again.
     *
     * @throws IllegalArgumentException if the track is not a variant of this stream
     */
    public void pinVariant(int trackIndex) {
        try {
            engine.onEngine(() -> {
                controller.pinVariant(trackIndex);
                return null;
            }).get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("engine thread did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine thread did not answer: " + e, e);
        }
    }

    public List<TrackInfo> tracks() {
        return query(c -> c.tracks());
    }

    public EngineSnapshot snapshot() {
        return query(StreamController::snapshot);
    }

    /** One entry per segment served to the player, oldest first. */
    public List<ServedSegment> servedSegments() {
        return query(StreamController::servedSegments);
    }

    /** The last {@code n} segments served to the player, oldest first. */
    public List<ServedSegment> recentSegments(int n) {
        return query(c -> c.recentSegments(n));
    }

    public List<StreamError> errors() {
        return query(StreamController::errors);
    }

    /**
     * Stops sharing and fetching and waits (at most {@code timeout}) for CDN transfers in flight to finish, so the
     * snapshot taken after it reconciles with the origin's byte count. The player should have stopped first.
     */
    public EngineSnapshot finish(Duration timeout) {
        try {
            engine.onEngine(() -> controller.drain()).get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // report what we have; the caller sees the counts as they are
        }
        return snapshot();
    }

    /** Tells the engine how far the player has played, in media seconds since playback started. */
    public void reportPlayback(double seconds) {
        engine.onEngine(() -> {
            controller.playback(seconds);
            return null;
        });
    }

    /** Tells the engine the player's stall count and total stall time so far (shown by /metrics). */
    public void reportStalls(int count, double seconds) {
        engine.onEngine(() -> {
            controller.stalls(count, seconds);
            return null;
        });
    }

    private <T> T query(java.util.function.Function<StreamController, T> q) {
        try {
            return engine.onEngine(() -> q.apply(controller)).get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("engine thread did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        engine.closeStream(controller);
    }
}
