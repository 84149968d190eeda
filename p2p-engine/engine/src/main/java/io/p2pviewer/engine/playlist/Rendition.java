package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.Objects;

/**
 * One alternate rendition of a master playlist ({@code EXT-X-MEDIA}), such as a second audio language.
 *
 * @param index      0-based order among the renditions of the playlist
 * @param type       {@code TYPE}
 * @param groupId    {@code GROUP-ID}
 * @param name       {@code NAME}
 * @param language   {@code LANGUAGE}, or null
 * @param channels   {@code CHANNELS} as written (e.g. {@code 2}, {@code 16/JOC}), or null
 * @param isDefault  {@code DEFAULT=YES}
 * @param autoselect {@code AUTOSELECT=YES}
 * @param uri        absolute URI of the rendition's media playlist, or null when the rendition is muxed into the
 *                   variant streams
 * @param lineIndex  0-based index of the {@code EXT-X-MEDIA} line in {@link Playlist#lines()}
 */
public record Rendition(int index, RenditionType type, String groupId, String name, String language,
                        String channels, boolean isDefault, boolean autoselect, URI uri, int lineIndex) {
    public Rendition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(name, "name");
    }
}
