package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A media playlist: the segments of one rendition, plus its original lines for faithful rewriting.
 *
 * @param uri                   the absolute URI the playlist was fetched from
 * @param targetDurationSeconds {@code EXT-X-TARGETDURATION}
 * @param mediaSequence         {@code EXT-X-MEDIA-SEQUENCE} (0 when absent): the sequence number of the first segment
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE} (0 when absent)
 * @param playlistType          {@code EXT-X-PLAYLIST-TYPE}, {@link PlaylistType#NONE} when absent
 * @param endList               whether {@code EXT-X-ENDLIST} is present (no more segments will be added)
 * @param segments              the segments in playlist order
 * @param version               {@code EXT-X-VERSION}, 1 when absent
 * @param lines                 the original lines (see {@link Playlist#lines()})
 */
public record MediaPlaylist(URI uri, long targetDurationSeconds, long mediaSequence, long discontinuitySequence,
                            PlaylistType playlistType, boolean endList, List<MediaSegment> segments, int version,
                            List<String> lines) implements Playlist {
    public MediaPlaylist {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(playlistType, "playlistType");
        segments = List.copyOf(segments);
        lines = List.copyOf(lines);
    }

    /** Whether the playlist may still change, so a player reloads it: no {@code EXT-X-ENDLIST} and not VOD. */
    public boolean live() {
        return !endList && playlistType != PlaylistType.VOD;
    }

    /** The sum of the segment durations, in seconds. */
    public double totalDurationSeconds() {
        double total = 0;
        for (MediaSegment s : segments) {
            total += s.duration();
        }
        return total;
    }
}
