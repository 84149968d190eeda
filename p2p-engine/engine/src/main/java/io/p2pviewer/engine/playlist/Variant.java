package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.Objects;

/**
 * One variant stream of a master playlist: an {@code EXT-X-STREAM-INF} tag and the URI line after it.
 *
 * @param index                 0-based order among the variants of the playlist
 * @param uri                   absolute URI of the variant's media playlist
 * @param bandwidth             {@code BANDWIDTH}, peak bits per second
 * @param averageBandwidth      {@code AVERAGE-BANDWIDTH}, or null
 * @param codecs                {@code CODECS} as written, e.g. {@code avc1.42c01e,mp4a.40.2}, or null
 * @param resolution            {@code RESOLUTION}, or null
 * @param frameRate             {@code FRAME-RATE}, or null
 * @param videoRange            {@code VIDEO-RANGE} (SDR, PQ, HLG...), or null
 * @param audioGroupId          {@code AUDIO} group id, or null
 * @param videoGroupId          {@code VIDEO} group id, or null
 * @param subtitlesGroupId      {@code SUBTITLES} group id, or null
 * @param closedCaptionsGroupId {@code CLOSED-CAPTIONS} group id or {@code NONE} as written, or null
 * @param tagLineIndex          0-based index of the {@code EXT-X-STREAM-INF} line in {@link Playlist#lines()}
 * @param uriLineIndex          0-based index of the URI line in {@link Playlist#lines()}
 */
public record Variant(int index, URI uri, long bandwidth, Long averageBandwidth, String codecs, Resolution resolution,
                      Double frameRate, String videoRange, String audioGroupId, String videoGroupId,
                      String subtitlesGroupId, String closedCaptionsGroupId, int tagLineIndex, int uriLineIndex) {
    public Variant {
        Objects.requireNonNull(uri, "uri");
    }
}
