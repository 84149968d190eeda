package io.p2pviewer.app.playback;

import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.Playlist;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.Variant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player without a decoder, for headless peers: reads an HLS stream from the engine's proxy at playback pace,
 * the way a real player does. It picks a variant, starts {@code liveDelaySegments} behind the live edge (libVLC
 * starts about 4 behind), keeps up to {@code bufferTarget} of media downloaded ahead of its playhead, and counts
 * a stall whenever the playhead reaches the end of what was downloaded. Runs on the calling thread.
 */
public final class PacedPlayer {
    private static final Logger log = LoggerFactory.getLogger(PacedPlayer.class);
    /** Like libVLC (15 s live delay by default), start about 7 two-second segments behind the live edge. */
    public static final int LIVE_DELAY_SEGMENTS = 7;
    /** Keep this much media downloaded ahead of the playhead, as libVLC with {@code --adaptive-maxbuffer}. */
    public static final Duration BUFFER_TARGET = Duration.ofSeconds(6);

    /**
     * What the run saw.
     *
     * @param startupSeconds from the call to {@link #play} until the first segment arrived and playback started;
     *                       -1 if it never did
     */
    public record Result(double secondsPlayed, int segments, int stalls, double stallSeconds, String variant,
                         String error, double startupSeconds) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private final Duration bufferTarget;
    private final int liveDelaySegments;
    private final String preferredVariant;

    /** @param preferredVariant a resolution such as "720p", or null for the highest bandwidth */
    public PacedPlayer(Clock clock, Duration bufferTarget, int liveDelaySegments, String preferredVariant) {
        this.clock = clock;
        this.bufferTarget = bufferTarget;
        this.liveDelaySegments = liveDelaySegments;
        this.preferredVariant = preferredVariant;
    }

    /** Plays until {@code until}; returns what happened. Interruptible. */
    public Result play(URI playerUri, Instant until) throws InterruptedException {
        String variant = "main";
        URI mediaUri = playerUri;
        double played = 0;
        int segments = 0;
        int stalls = 0;
        double stallSeconds = 0;
        Instant called = clock.instant();
        Instant startedAt = null;       // when playback started: the first segment arrived
        try {
            Playlist first = PlaylistParser.parse(playerUri, get(playerUri));
            if (first instanceof MasterPlaylist master) {
                Variant v = choose(master);
                variant = v.resolution() != null ? v.resolution().height() + "p" : "v" + v.index();
                mediaUri = v.uri();
            }
            MediaPlaylist media = PlaylistParser.parseMedia(mediaUri, get(mediaUri));
            Instant lastReload = clock.instant();
            long next = media.endList() ? media.mediaSequence()
                    : Math.max(media.mediaSequence(), media.mediaSequence() + media.segments().size()
                            - liveDelaySegments);
            double downloaded = 0;          // media seconds downloaded
            double stalledTotal = 0;        // seconds the playhead stood still after start
            Instant stallSince = null;
            while (clock.instant().isBefore(until)) {
                Instant now = clock.instant();
                double playhead = startedAt == null ? 0
                        : Math.min(downloaded, Duration.between(startedAt, now).toMillis() / 1000.0 - stalledTotal);
                if (startedAt != null && playhead >= downloaded && stallSince == null) {
                    stallSince = now;
                    stalls++;
                    log.info("stall at {} s of media", String.format("%.1f", playhead));
                }
                if (downloaded - playhead >= bufferTarget.toMillis() / 1000.0) {
                    Thread.sleep(100);
                    continue;
                }
                MediaSegment segment = find(media, next);
                if (segment == null) {
                    if (media.endList() && next >= media.mediaSequence() + media.segments().size()) {
                        break; // VOD ended
                    }
                    long reloadMs = Math.max(250, media.targetDurationSeconds() * 500);
                    if (Duration.between(lastReload, now).toMillis() >= reloadMs) {
                        media = PlaylistParser.parseMedia(mediaUri, get(mediaUri));
                        lastReload = clock.instant();
                        if (find(media, next) == null && next < media.mediaSequence()) {
                            next = media.mediaSequence(); // fell out of the window: skip ahead
                        }
                    } else {
                        Thread.sleep(100);
                    }
                    continue;
                }
                getBytes(segment.uri());
                Instant got = clock.instant();
                if (stallSince != null) {
                    double s = Duration.between(stallSince, got).toMillis() / 1000.0;
                    stalledTotal += s;
                    stallSeconds += s;
                    stallSince = null;
                }
                downloaded += segment.duration();
                segments++;
                next++;
                if (startedAt == null) {
                    startedAt = got;
                }
            }
            if (startedAt != null) {
                Instant end = clock.instant();
                if (stallSince != null) {
                    double s = Duration.between(stallSince, end).toMillis() / 1000.0;
                    stalledTotal += s;
                    stallSeconds += s;
                }
                played = Math.min(downloaded, Duration.between(startedAt, end).toMillis() / 1000.0 - stalledTotal);
            }
            return new Result(played, segments, stalls, stallSeconds, variant, null, seconds(called, startedAt));
        } catch (IOException | io.p2pviewer.engine.playlist.PlaylistException e) {
            return new Result(played, segments, stalls, stallSeconds, variant, e.getMessage(),
                    seconds(called, startedAt));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? -1 : Duration.between(from, to).toMillis() / 1000.0;
    }

    private Variant choose(MasterPlaylist master) {
        if (preferredVariant != null) {
            Optional<Variant> named = master.variants().stream()
                    .filter(v -> v.resolution() != null && (v.resolution().height() + "p").equals(preferredVariant))
                    .findFirst();
            if (named.isPresent()) {
                return named.get();
            }
        }
        return master.variants().stream().max(Comparator.comparingLong(Variant::bandwidth)).orElseThrow();
    }

    private static MediaSegment find(MediaPlaylist media, long sequence) {
        long index = sequence - media.mediaSequence();
        return index >= 0 && index < media.segments().size() ? media.segments().get((int) index) : null;
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + proxyPath(uri));
        }
        return r.body();
    }

    private void getBytes(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for segment " + proxyPath(uri));
        }
    }

    /** The proxy path without its first segment, the engine's secret: what an error may show ({@code s/x/t/0/seg/3.ts}). */
    static String proxyPath(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(second + 1);
    }
}
