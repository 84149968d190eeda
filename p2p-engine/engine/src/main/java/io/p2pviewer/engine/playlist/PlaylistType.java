package io.p2pviewer.engine.playlist;

/** The {@code EXT-X-PLAYLIST-TYPE} of a media playlist; {@link #NONE} when the tag is absent. */
public enum PlaylistType {
    /** No type: a live playlist whose segments may be removed from its start. */
    NONE,
    /** Segments are only ever appended. */
    EVENT,
    /** The playlist never changes. */
    VOD
}
