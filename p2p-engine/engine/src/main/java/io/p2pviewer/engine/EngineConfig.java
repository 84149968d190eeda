package io.p2pviewer.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable engine configuration. Build with {@link #builder()}; derive a variant with {@link #newBuilder()}.
 *
 * @param proxyPort loopback port of the proxy libVLC reads from; 0 picks a free one
 * @param cacheMaxBytes bound of the segment cache
 * @param userAgent sent with every CDN request, so an origin can tell the engine's requests from the player's
 * @param requestTimeout a CDN request that takes longer fails (and is retried)
 * @param segmentAttempts how many times a failing CDN segment fetch is tried before the player gets an error
 * @param maxPlaylistBytes playlists larger than this are refused as malformed
 * @param maxSegmentBytes segments larger than this are refused
 * @param p2p peer-to-peer delivery, or null for CDN only
 * @param deadlineGrace a player request that waits longer than this for its segment is a missed deadline
 */
public record EngineConfig(int proxyPort, long cacheMaxBytes, String userAgent, Duration requestTimeout,
                           int segmentAttempts, int maxPlaylistBytes, int maxSegmentBytes, Clock clock,
                           P2pConfig p2p, Duration deadlineGrace) {

    public EngineConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(deadlineGrace, "deadlineGrace");
        if (proxyPort < 0 || proxyPort > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + proxyPort);
        }
        if (cacheMaxBytes < 1 << 20) {
            throw new IllegalArgumentException("cache must hold at least 1 MiB, got " + cacheMaxBytes);
        }
        if (segmentAttempts < 1) {
            throw new IllegalArgumentException("segmentAttempts must be >= 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        return new Builder().proxyPort(proxyPort).cacheMaxBytes(cacheMaxBytes).userAgent(userAgent)
                .requestTimeout(requestTimeout).segmentAttempts(segmentAttempts)
                .maxPlaylistBytes(maxPlaylistBytes).maxSegmentBytes(maxSegmentBytes).clock(clock).p2p(p2p)
                .deadlineGrace(deadlineGrace);
    }

    /** Builder with sensible defaults for a desktop viewer. */
    public static final class Builder {
        private int proxyPort = 0;
        private long cacheMaxBytes = 256L << 20;
        private String userAgent = "p2p-viewer-engine/0.1";
        private Duration requestTimeout = Duration.ofSeconds(15);
        private int segmentAttempts = 3;
        private int maxPlaylistBytes = 4 << 20;
        private int maxSegmentBytes = 64 << 20;
        private Clock clock = Clock.systemUTC();
        private P2pConfig p2p;
        private Duration deadlineGrace = Duration.ofMillis(1000);

        public Builder proxyPort(int v) { proxyPort = v; return this; }
        public Builder cacheMaxBytes(long v) { cacheMaxBytes = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder segmentAttempts(int v) { segmentAttempts = v; return this; }
        public Builder maxPlaylistBytes(int v) { maxPlaylistBytes = v; return this; }
        public Builder maxSegmentBytes(int v) { maxSegmentBytes = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder p2p(P2pConfig v) { p2p = v; return this; }
        public Builder deadlineGrace(Duration v) { deadlineGrace = v; return this; }

        public EngineConfig build() {
            return new EngineConfig(proxyPort, cacheMaxBytes, userAgent, requestTimeout, segmentAttempts,
                    maxPlaylistBytes, maxSegmentBytes, clock, p2p, deadlineGrace);
        }
    }
}
