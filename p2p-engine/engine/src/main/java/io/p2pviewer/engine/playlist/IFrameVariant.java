package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.Objects;

/**
 * One I-frame-only variant of a master playlist ({@code EXT-X-I-FRAME-STREAM-INF}), used for trick play.
 *
 * @param index            0-based order among the I-frame variants of the playlist
 * @param uri              absolute URI of its I-frame media playlist
 * @param bandwidth        {@code BANDWIDTH}
 * @param averageBandwidth {@code AVERAGE-BANDWIDTH}, or null
 * @param codecs           {@code CODECS}, or null
 * @param resolution       {@code RESOLUTION}, or null
 * @param videoRange       {@code VIDEO-RANGE}, or null
 * @param lineIndex        0-based index of the tag line in {@link Playlist#lines()}
 */
public record IFrameVariant(int index, URI uri, long bandwidth, Long averageBandwidth, String codecs,
                            Resolution resolution, String videoRange, int lineIndex) {
    public IFrameVariant {
        Objects.requireNonNull(uri, "uri");
    }
}
