package io.p2pviewer.engine.integrity;

import java.net.URI;
import java.util.Locale;

/** What a segment's bytes should look like without decrypting them. */
public enum ContainerKind {
    /** AES-128 encrypted (whole segment, CBC with PKCS#7 padding): only the length can be checked. */
    ENCRYPTED_AES128,
    /** Clear MPEG-TS: 188-byte packets, each starting with the sync byte 0x47. */
    MPEG_TS,
    /** Clear fragmented MP4: a sequence of ISO BMFF boxes. */
    FMP4,
    /** Something else (clear AAC, WebVTT...): only non-empty is checked. */
    OTHER;

    /** Derives the kind from the segment's key method and URI extension. */
    public static ContainerKind of(boolean aes128, URI uri) {
        if (aes128) {
            return ENCRYPTED_AES128;
        }
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".ts")) {
            return MPEG_TS;
        }
        if (path.endsWith(".m4s") || path.endsWith(".mp4") || path.endsWith(".m4v") || path.endsWith(".m4a")
                || path.endsWith(".cmfv") || path.endsWith(".cmfa")) {
            return FMP4;
        }
        return OTHER;
    }
}
