package io.p2pviewer.player;

import java.util.Objects;

/**
 * One entry of libVLC's audio or subtitle track list: the id to select it by and the name libVLC gives it
 * ("Disable", "Track 1 - [English]", an {@code EXT-X-MEDIA} rendition's NAME).
 *
 * @param id   libVLC's track id ({@code -1} is "Disable")
 * @param name libVLC's description of the track
 */
public record TrackChoice(int id, String name) {
    public TrackChoice {
        Objects.requireNonNull(name, "name");
    }
}
