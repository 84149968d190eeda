package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.Objects;

/**
 * The media initialization section ({@code EXT-X-MAP}) that applies to a segment, e.g. the fMP4 {@code moov} box.
 *
 * @param uri       absolute URI of the resource holding the section
 * @param byteRange the part of that resource, or null for all of it (an omitted offset means 0)
 * @param lineIndex 0-based index of the {@code EXT-X-MAP} line in {@link Playlist#lines()}
 */
public record InitSection(URI uri, ByteRange byteRange, int lineIndex) {
    public InitSection {
        Objects.requireNonNull(uri, "uri");
    }
}
