package io.p2pviewer.engine.peer.swarm;

/** The two kinds of stream p2p-media-loader gives a swarm: variants and alternate audio renditions. */
public enum StreamType {
    /** A variant ({@code EXT-X-STREAM-INF}): video, or audio and video together. */
    MAIN("main"),
    /** An alternate audio rendition ({@code EXT-X-MEDIA} with {@code TYPE=AUDIO}) with its own playlist. */
    SECONDARY("secondary");

    private final String wireName;

    StreamType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in stream swarm ids: {@code main} or {@code secondary}. */
    public String wireName() {
        return wireName;
    }
}
