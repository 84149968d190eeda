package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.PlaylistException;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.PlaylistRewriter;
import io.p2pviewer.engine.proxy.ProxyFailure;
import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Loads the media playlists of a stream's tracks from the CDN: fetches, parses and rewrites them for the player,
 * reloads live ones while the player uses the track, and answers the player's playlist requests from a fresh
 * enough copy. A failed reload leaves the player the previous copy. Engine thread only.
 */
@EngineThread
final class PlaylistLoader {
    private final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final StreamStats stats;
    private final SegmentCache cache;
    private final Runnable changed;
    private final BooleanSupplier closed;

    /**
     * @param cache the stream's segments: a live track's segments well behind its window are dropped from it
     * @param changed told whenever a track's playlist changed (announcements follow it)
     * @param closed true once the stream is closed: nothing is reloaded any more
     */
    PlaylistLoader(TaskScheduler scheduler, CdnClient cdn, StreamStats stats, SegmentCache cache, Runnable changed,
                   BooleanSupplier closed) {
        this.scheduler = scheduler;
        this.cdn = cdn;
        this.stats = stats;
        this.cache = cache;
        this.changed = changed;
        this.closed = closed;
    }

    /** The track's playlist for the player: the copy in hand unless a live one is older than half a target. */
    CompletableFuture<String> playlist(Track track, Instant now) {
        if (track.rewritten != null && (!track.live() || age(track, now).compareTo(freshFor(track)) < 0)) {
            return CompletableFuture.completedFuture(track.rewritten);
        }
        return load(track);
    }

    /** Loads the track's playlist now unless a load is under way; the future is the rewritten text. */
    CompletableFuture<String> load(Track track) {
        if (track.loading != null) {
            return track.loading;
        }
        CompletableFuture<String> loading = new CompletableFuture<>();
        track.loading = loading;
        cdn.fetchText(track.originUri).whenComplete((response, failure) -> scheduler.execute(() -> {
            track.loading = null;
            if (failure != null) {
                StreamError err = new StreamError.PlaylistFailed(now(), track.name, rootMessage(failure));
                stats.error(err);
                failOrStale(track, loading, new ProxyFailure(502, err.message()));
                return;
            }
            if (response.body().equals(track.latestText) && response.finalUri().equals(track.latestUri)) {
                track.fetchedAt = now(); // unchanged (we reload live playlists twice per target duration)
                scheduleReload(track);
                loading.complete(track.rewritten);
                return;
            }
            try {
                MediaPlaylist media = PlaylistParser.parseMedia(response.finalUri(), response.body());
                accept(track, media);
                track.latestText = response.body();
                track.latestUri = response.finalUri();
                loading.complete(track.rewritten);
            } catch (PlaylistException e) {
                StreamError err = new StreamError.MalformedPlaylist(now(), track.name, e.getMessage());
                stats.error(err);
                failOrStale(track, loading, new ProxyFailure(502, err.message()));
            }
        }));
        return loading;
    }

    /** Installs a freshly fetched playlist of the track (the opener's first one of a media-only stream too). */
    void accept(Track track, MediaPlaylist media) {
        changed.run();
        track.latest = media;
        track.fetchedAt = now();
        track.remember(media);
        if (!media.endList()) {
            // Kept: the window and one more window's length behind it (a peer whose playlist is a little older
            // may still ask); older segments are out of every playlist and only hold memory.
            cache.dropBefore(track.name, media.mediaSequence() - media.segments().size());
        }
        track.rewritten = PlaylistRewriter.rewriteMedia(media,
                s -> "seg/" + s.mediaSequence() + "." + extension(s.uri()));
        scheduleReload(track);
        if (track.p2p != null) {
            track.p2p.playlistChanged();
        }
    }

    /** Reloads the track's playlist now (a peer announced a segment we have not seen in it yet). */
    void reloadSoon(Track track) {
        if (!closed.getAsBoolean() && track.loading == null && track.live()
                && age(track, now()).compareTo(Duration.ofMillis(300)) > 0) {
            load(track);
        }
    }

    /** Stops the track's reloads (the stream drains or closes). */
    void stop(Track track) {
        track.reloadTimer.cancel();
    }

    private void failOrStale(Track track, CompletableFuture<String> loading, ProxyFailure failure) {
        // A live player is better served by the previous playlist than by an error it may give up on.
        if (track.rewritten != null) {
            loading.complete(track.rewritten);
        } else {
            loading.completeExceptionally(failure);
        }
    }

    /** Live playlists are reloaded every target duration while the player uses the track. */
    private void scheduleReload(Track track) {
        track.reloadTimer.cancel();
        if (closed.getAsBoolean() || !track.live() || track.latest == null) {
            return;
        }
        Duration target = Duration.ofMillis(Math.max(500, track.latest.targetDurationSeconds() * 1000));
        // With peers, learn of new live segments sooner: every second the seeder waits is a second less for peers.
        Duration every = track.p2p != null ? target.dividedBy(2) : target;
        track.reloadTimer = scheduler.schedule(every, () -> {
            Instant idleSince = track.lastActivity == null ? Instant.MIN : track.lastActivity;
            if (!closed.getAsBoolean() && Duration.between(idleSince, now()).compareTo(target.multipliedBy(3)) < 0) {
                load(track);
            }
        });
    }

    private static Duration freshFor(Track track) {
        return Duration.ofMillis(track.latest.targetDurationSeconds() * 500);
    }

    private static Duration age(Track track, Instant now) {
        return track.fetchedAt == null ? Duration.ofDays(1) : Duration.between(track.fetchedAt, now);
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** The message of a failure, unwrapped from the futures' wrappers. */
    static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The file extension of a segment URI ("ts", "m4s", "aac"...), "ts" when it has none. */
    static String extension(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash || dot == path.length() - 1) {
            return "ts";
        }
        String ext = path.substring(dot + 1);
        if (ext.length() > 8) {
            return "ts";
        }
        for (int i = 0; i < ext.length(); i++) {
            if (!asciiLetterOrDigit(ext.charAt(i))) {
                return "ts";
            }
        }
        return ext;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
