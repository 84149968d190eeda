package io.p2pviewer.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes the demo origin's HLS playlists (RFC 8216).
 *
 * <p>All URIs are relative and carry the viewer's token, so a playlist works behind any base URL
 * and a proxy that rewrites it can keep the token. Segment {@code m} plays clip segment
 * {@code m mod clipSegments}; an {@code EXT-X-DISCONTINUITY} precedes every segment that restarts the
 * clip ({@code m > 0}, {@code m mod clipSegments == 0}), and {@code EXT-X-DISCONTINUITY-SEQUENCE}
 * counts the discontinuity tags that have slid out of the playlist (a tag stays while the segment it
 * precedes is listed, even as the first one).
 *
 * <p>Stateless and thread-safe.
 */
final class DemoPlaylists {

    /** The name of the key file, under {@code /live/keys/} and {@code /vod/keys/}. */
    static final String KEY_FILE = "demo.key";
    /** How many times the VOD playlist repeats the clip. */
    static final int VOD_LOOPS = 3;

    private DemoPlaylists() {
    }

    /** The master playlist listing every variant, each URI carrying {@code token} (none if null). */
    static String master(List<ClipVariant> variants, String token) {
        StringBuilder out = new StringBuilder(512)
                .append("#EXTM3U\n")
                .append("#EXT-X-VERSION:3\n")
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (ClipVariant variant : variants) {
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(variant.bandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(variant.averageBandwidth())
                    .append(",RESOLUTION=").append(variant.width()).append('x').append(variant.height())
                    .append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", (double) variant.frameRate()))
                    .append(",CODECS=\"").append(variant.codecs()).append("\"\n")
                    .append(variant.name()).append("/playlist.m3u8").append(tokenQuery(token)).append('\n');
        }
        return out.toString();
    }

    /** A live media playlist listing the given window. */
    static String live(ClipVariant variant, SequenceRange window, String token) {
        return live(variant, window, token, 0);
    }

    /** A live media playlist whose key changes every {@code rotationSegments} segments (0: one key). */
    static String live(ClipVariant variant, SequenceRange window, String token, int rotationSegments) {
        return media(variant, window, token, false, rotationSegments);
    }

    /** The VOD media playlist: the clip {@value #VOD_LOOPS} times, then {@code EXT-X-ENDLIST}. */
    static String vod(ClipVariant variant, String token) {
        return vod(variant, token, 0);
    }

    /** The VOD media playlist with a key change every {@code rotationSegments} segments (0: one key). */
    static String vod(ClipVariant variant, String token, int rotationSegments) {
        return media(variant, vodRange(variant.segments().size()), token, true, rotationSegments);
    }

    /** The media sequence numbers of the VOD playlist. */
    static SequenceRange vodRange(int clipSegments) {
        return new SequenceRange(0, (long) clipSegments * VOD_LOOPS - 1);
    }

    /** The file name of a segment as listed in media playlists and SHA-256 lists: {@code seg-42.ts}. */
    static String segmentFileName(long mediaSequence) {
        return "seg-" + mediaSequence + ".ts";
    }

    /** Whether segment {@code mediaSequence} restarts the clip and so follows a discontinuity. */
    static boolean startsLoop(long mediaSequence, int clipSegments) {
        return mediaSequence > 0 && mediaSequence % clipSegments == 0;
    }

    /** The EXT-X-DISCONTINUITY-SEQUENCE of a playlist whose first segment is {@code first}. */
    static long discontinuitySequence(long first, int clipSegments) {
        // Tags precede segments clipSegments, 2*clipSegments, ...; those before `first` have slid out.
        return first == 0 ? 0 : (first - 1) / clipSegments;
    }

    /** The query string {@code ?token=...} (URL-encoded), or empty when {@code token} is null. */
    static String tokenQuery(String token) {
        return token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String media(ClipVariant variant, SequenceRange range, String token, boolean vod,
            int rotationSegments) {
        ContentKeys periods = new ContentKeys(new byte[DemoOriginConfig.KEY_LENGTH], rotationSegments);
        int clipSegments = variant.segments().size();
        String query = tokenQuery(token);
        StringBuilder out = new StringBuilder(128 + 48 * (int) range.size())
                .append("#EXTM3U\n")
                .append("#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:").append(targetDuration(variant)).append('\n');
        if (vod) {
            out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        }
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(range.first()).append('\n')
                .append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                .append(discontinuitySequence(range.first(), clipSegments)).append('\n');
        long keyPeriod = Long.MIN_VALUE;
        for (long m = range.first(); m <= range.last(); m++) {
            if (startsLoop(m, clipSegments)) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (periods.period(m) != keyPeriod) { // the first segment, and each key change with rotation
                keyPeriod = periods.period(m);
                out.append("#EXT-X-KEY:METHOD=AES-128,URI=\"../keys/").append(ContentKeys.keyFile(keyPeriod))
                        .append(query).append("\"\n");
            }
            out.append("#EXTINF:").append(seconds(variant.segmentAt(m).durationMillis())).append(",\n")
                    .append(segmentFileName(m)).append(query).append('\n');
        }
        if (vod) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    /** The smallest integer not below any segment duration rounded to the nearest second. */
    static long targetDuration(ClipVariant variant) {
        return variant.segments().stream()
                .mapToLong(s -> Math.round(s.durationMillis() / 1000.0))
                .max()
                .orElseThrow();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
}
