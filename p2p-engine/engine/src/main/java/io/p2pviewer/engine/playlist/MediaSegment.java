package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One media segment of a {@link MediaPlaylist}, with every tag that applies to it resolved.
 *
 * @param mediaSequence         the playlist's {@code EXT-X-MEDIA-SEQUENCE} plus {@code position}: the segment's
 *                              identity across reloads of a live playlist
 * @param position              0-based index of the segment within this playlist
 * @param uri                   absolute URI, query string kept
 * @param duration              the {@code EXTINF} duration in seconds
 * @param title                 the {@code EXTINF} title, or null when empty
 * @param byteRange             the {@code EXT-X-BYTERANGE} with its offset resolved, or null for the whole resource
 * @param discontinuity         whether an {@code EXT-X-DISCONTINUITY} precedes the segment
 * @param discontinuitySequence the playlist's {@code EXT-X-DISCONTINUITY-SEQUENCE} plus the discontinuities up to and
 *                              including this segment
 * @param key                   the key in effect (the most recent {@code EXT-X-KEY}), {@link SegmentKey#NONE} if none
 * @param initSection           the {@code EXT-X-MAP} in effect, or null
 * @param programDateTime       the {@code EXT-X-PROGRAM-DATE-TIME} immediately before this segment, or null (not
 *                              extrapolated from earlier segments)
 * @param gap                   whether the segment is marked {@code EXT-X-GAP} (absent: must not be fetched)
 * @param uriLineIndex          0-based index of the segment's URI line in {@link Playlist#lines()}
 */
public record MediaSegment(long mediaSequence, int position, URI uri, double duration, String title,
                           ByteRange byteRange, boolean discontinuity, long discontinuitySequence, SegmentKey key,
                           InitSection initSection, OffsetDateTime programDateTime, boolean gap, int uriLineIndex) {
    public MediaSegment {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(key, "key");
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("bad segment duration " + duration);
        }
    }
}
