package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.List;

/**
 * A parsed HLS playlist: either a {@link MasterPlaylist} (a list of variants) or a {@link MediaPlaylist} (a list of
 * segments). Both keep the original lines so that {@link PlaylistRewriter} can re-emit them faithfully.
 */
public sealed interface Playlist permits MasterPlaylist, MediaPlaylist {

    /** The absolute URI the playlist was fetched from; relative URIs in it were resolved against this. */
    URI uri();

    /** The value of {@code EXT-X-VERSION}, 1 when absent. */
    int version();

    /**
     * The original lines, without line terminators and without a leading byte order mark. Elements of the playlist
     * refer to these by 0-based index.
     */
    List<String> lines();
}
