package io.p2pviewer.engine.playlist;

import java.util.Optional;

/** The {@code METHOD} attribute of an {@code EXT-X-KEY}: how the segments it applies to are encrypted. */
public enum KeyMethod {
    /** Not encrypted. */
    NONE("NONE"),
    /** Whole segments encrypted with AES-128 CBC and PKCS7 padding. */
    AES_128("AES-128"),
    /** Media samples encrypted (MPEG-TS / packed audio sample encryption). */
    SAMPLE_AES("SAMPLE-AES"),
    /** Media samples encrypted with AES CTR (common encryption, fMP4). */
    SAMPLE_AES_CTR("SAMPLE-AES-CTR");

    private final String wireName;

    KeyMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name as written in a playlist, e.g. {@code AES-128}. */
    public String wireName() {
        return wireName;
    }

    /** The method written as {@code text} in a playlist, or empty if it is not a known method. */
    public static Optional<KeyMethod> fromWireName(String text) {
        for (KeyMethod m : values()) {
            if (m.wireName.equals(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
