package io.p2pviewer.demo;

/** What a request to the {@link DemoOrigin} asked for, judged by its path. */
public enum RequestKind {
    /** The master playlist: {@code /live/master.m3u8}, {@code /vod/master.m3u8}. */
    MASTER,
    /** A variant's media playlist: {@code /live/720p/playlist.m3u8}. */
    MEDIA_PLAYLIST,
    /** A media segment: {@code /live/720p/seg-42.ts}. */
    SEGMENT,
    /** The AES-128 key: {@code /live/keys/demo.key}. */
    KEY,
    /** A variant's SHA-256 list: {@code /live/720p/segments-sha256.json}. */
    SEGMENT_HASHES,
    /** Anything else (answered 404), including paths naming an unknown variant. */
    OTHER
}
