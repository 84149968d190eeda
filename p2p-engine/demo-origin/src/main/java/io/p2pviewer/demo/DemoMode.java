package io.p2pviewer.demo;

/**
 * The kind of stream a {@link DemoOrigin} hands out by default through {@link DemoOrigin#masterUri()}.
 *
 * <p>The origin always serves both streams (under {@code /live/} and {@code /vod/}); the mode only
 * chooses which one {@code masterUri()} and {@code sha256List(...)} refer to.
 */
public enum DemoMode {
    /** A sliding-window live stream that advances with the clock and loops the clip forever. */
    LIVE("live"),
    /** An on-demand stream: the clip three times in a row, with {@code EXT-X-ENDLIST}. */
    VOD("vod");

    private final String pathSegment;

    DemoMode(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The first path segment of this stream's URLs: {@code live} or {@code vod}. */
    public String pathSegment() {
        return pathSegment;
    }
}
