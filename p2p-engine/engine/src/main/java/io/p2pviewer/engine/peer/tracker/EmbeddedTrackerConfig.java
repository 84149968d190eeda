package io.p2pviewer.engine.peer.tracker;

import java.time.Duration;

/**
 * Settings of the {@link EmbeddedTracker}; immutable. Defaults follow bittorrent-tracker's WebSocket tracker.
 *
 * @param interval announce interval told to clients (bittorrent-tracker's WebSocket default: 120 s)
 * @param peerTimeout a peer that has not announced for this long is dropped (20 min)
 * @param expiryCheckPeriod how often idle peers are looked for
 * @param maxMessageChars a longer message gets a failure reply and its socket is closed (64 Ki)
 * @param maxSwarmPeers a swarm this big refuses new peers with "swarm full" (1000)
 * @param maxSwarms refuse announces that would create more swarms than this
 * @param maxOffersPerAnnounce offers forwarded from one announce at most (browsers send 5)
 * @param maxMessagesPerSecond messages one connection may send a second, burst twice that (20); more are refused
 *     and a sustained flood closes the connection ({@link MessageBudget})
 */
public record EmbeddedTrackerConfig(Duration interval, Duration peerTimeout, Duration expiryCheckPeriod,
                                    int maxMessageChars, int maxSwarmPeers, int maxSwarms,
                                    int maxOffersPerAnnounce, int maxMessagesPerSecond) {
    /** @throws IllegalArgumentException on a non-positive value, or an interval under one second */
    public EmbeddedTrackerConfig {
        if (interval == null || interval.toSeconds() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 s, got " + interval);
        }
        positive("peerTimeout", peerTimeout);
        positive("expiryCheckPeriod", expiryCheckPeriod);
        positive("maxMessageChars", maxMessageChars);
        positive("maxSwarmPeers", maxSwarmPeers);
        positive("maxSwarms", maxSwarms);
        positive("maxOffersPerAnnounce", maxOffersPerAnnounce);
        positive("maxMessagesPerSecond", maxMessagesPerSecond);
    }

    public static EmbeddedTrackerConfig defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder newBuilder() {
        return new Builder()
                .interval(interval).peerTimeout(peerTimeout).expiryCheckPeriod(expiryCheckPeriod)
                .maxMessageChars(maxMessageChars).maxSwarmPeers(maxSwarmPeers).maxSwarms(maxSwarms)
                .maxOffersPerAnnounce(maxOffersPerAnnounce).maxMessagesPerSecond(maxMessagesPerSecond);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** Builds an {@link EmbeddedTrackerConfig}; not thread-safe. */
    public static final class Builder {
        private Duration interval = Duration.ofSeconds(120);
        private Duration peerTimeout = Duration.ofMinutes(20);
        private Duration expiryCheckPeriod = Duration.ofMinutes(1);
        private int maxMessageChars = 64 * 1024;
        private int maxSwarmPeers = 1000;
        private int maxSwarms = 10_000;
        private int maxOffersPerAnnounce = 10;
        private int maxMessagesPerSecond = 20;

        private Builder() {
        }

        public Builder interval(Duration d) {
            interval = d;
            return this;
        }

        public Builder peerTimeout(Duration d) {
            peerTimeout = d;
            return this;
        }

        public Builder expiryCheckPeriod(Duration d) {
            expiryCheckPeriod = d;
            return this;
        }

        public Builder maxMessageChars(int n) {
            maxMessageChars = n;
            return this;
        }

        public Builder maxSwarmPeers(int n) {
            maxSwarmPeers = n;
            return this;
        }

        public Builder maxSwarms(int n) {
            maxSwarms = n;
            return this;
        }

        public Builder maxOffersPerAnnounce(int n) {
            maxOffersPerAnnounce = n;
            return this;
        }

        public Builder maxMessagesPerSecond(int n) {
            maxMessagesPerSecond = n;
            return this;
        }

        public EmbeddedTrackerConfig build() {
            return new EmbeddedTrackerConfig(interval, peerTimeout, expiryCheckPeriod, maxMessageChars,
                    maxSwarmPeers, maxSwarms, maxOffersPerAnnounce, maxMessagesPerSecond);
        }
    }
}
