package io.p2pviewer.engine.playlist;

import java.util.Optional;

/** The {@code TYPE} attribute of an {@code EXT-X-MEDIA} rendition. */
public enum RenditionType {
    AUDIO("AUDIO"),
    VIDEO("VIDEO"),
    SUBTITLES("SUBTITLES"),
    CLOSED_CAPTIONS("CLOSED-CAPTIONS");

    private final String wireName;

    RenditionType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in a playlist, e.g. {@code CLOSED-CAPTIONS}. */
    public String wireName() {
        return wireName;
    }

    /** The type written as {@code text} in a playlist, or empty if it is not a known type. */
    public static Optional<RenditionType> fromWireName(String text) {
        for (RenditionType t : values()) {
            if (t.wireName.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
