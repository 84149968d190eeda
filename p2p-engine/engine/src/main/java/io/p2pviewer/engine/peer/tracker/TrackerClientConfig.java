package io.p2pviewer.engine.peer.tracker;

import java.time.Duration;

/**
 * Settings of a {@link TrackerClient}; immutable. Defaults follow browsers (p2p-media-loader over
 * bittorrent-tracker's client) where they have one.
 *
 * @param offersPerAnnounce offers made for each announce (browsers: 5)
 * @param maxPendingOffers bound on our unanswered offers; a new announce cancels the oldest to stay under it
 * @param offerTimeout an unanswered offer is cancelled after this (browsers: 50 s); also how long we wait for
 *     the connection of an offer we answered
 * @param offerCreationTimeout an announce goes out with the offers ready by then; late ones are cancelled
 * @param maxPendingAnswers relayed offers we answer at the same time; more are ignored
 * @param answersPerMinute relayed offers we answer a minute, with {@code maxPendingAnswers} saved up; more are
 *     ignored. Each answer is a peer connection: without a rate, a peer that reconnects under new ids as fast as
 *     connections open makes us build hundreds a minute (each costing native memory webrtc-java 0.14.0 never
 *     gives back)
 * @param defaultInterval re-announce interval until the tracker names one (120 s)
 * @param minInterval lower bound on the tracker's interval (protects us from a tracker asking for 0 s)
 * @param backoffMin first reconnect delay (before jitter)
 * @param backoffMax longest reconnect delay
 * @param maxMessageChars incoming tracker messages longer than this are dropped
 */
public record TrackerClientConfig(int offersPerAnnounce, int maxPendingOffers, Duration offerTimeout,
                                  Duration offerCreationTimeout, int maxPendingAnswers, int answersPerMinute,
                                  Duration defaultInterval,
                                  Duration minInterval, Duration backoffMin, Duration backoffMax,
                                  int maxMessageChars) {
    /** @throws IllegalArgumentException on a non-positive count or duration, or min above max */
    public TrackerClientConfig {
        positive("offersPerAnnounce", offersPerAnnounce);
        positive("maxPendingOffers", maxPendingOffers);
        positive("maxPendingAnswers", maxPendingAnswers);
        positive("answersPerMinute", answersPerMinute);
        positive("maxMessageChars", maxMessageChars);
        positive("offerTimeout", offerTimeout);
        positive("offerCreationTimeout", offerCreationTimeout);
        positive("defaultInterval", defaultInterval);
        positive("minInterval", minInterval);
        new Backoff(backoffMin, backoffMax);
    }

    /** The defaults: 5 offers per announce, at most 10 pending, 50 s offer timeout, 120 s interval, 1..60 s. */
    public static TrackerClientConfig defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    Backoff backoff() {
        return new Backoff(backoffMin, backoffMax);
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

    /** Builds a {@link TrackerClientConfig}; not thread-safe. */
    public static final class Builder {
        private int offersPerAnnounce = 5;
        private int maxPendingOffers = 10;
        private Duration offerTimeout = Duration.ofSeconds(50);
        private Duration offerCreationTimeout = Duration.ofSeconds(15);
        private int maxPendingAnswers = 20;
        private int answersPerMinute = 30;
        private Duration defaultInterval = Duration.ofSeconds(120);
        private Duration minInterval = Duration.ofSeconds(5);
        private Duration backoffMin = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(60);
        private int maxMessageChars = 256 * 1024;

        private Builder() {
        }

        private Builder(TrackerClientConfig c) {
            offersPerAnnounce = c.offersPerAnnounce;
            maxPendingOffers = c.maxPendingOffers;
            offerTimeout = c.offerTimeout;
            offerCreationTimeout = c.offerCreationTimeout;
            maxPendingAnswers = c.maxPendingAnswers;
            answersPerMinute = c.answersPerMinute;
            defaultInterval = c.defaultInterval;
            minInterval = c.minInterval;
            backoffMin = c.backoffMin;
            backoffMax = c.backoffMax;
            maxMessageChars = c.maxMessageChars;
        }

        public Builder offersPerAnnounce(int n) {
            offersPerAnnounce = n;
            return this;
        }

        public Builder maxPendingOffers(int n) {
            maxPendingOffers = n;
            return this;
        }

        public Builder offerTimeout(Duration d) {
            offerTimeout = d;
            return this;
        }

        public Builder offerCreationTimeout(Duration d) {
            offerCreationTimeout = d;
            return this;
        }

        public Builder maxPendingAnswers(int n) {
            maxPendingAnswers = n;
            return this;
        }

        public Builder answersPerMinute(int n) {
            answersPerMinute = n;
            return this;
        }

        public Builder defaultInterval(Duration d) {
            defaultInterval = d;
            return this;
        }

        public Builder minInterval(Duration d) {
            minInterval = d;
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            backoffMin = min;
            backoffMax = max;
            return this;
        }

        public Builder maxMessageChars(int n) {
            maxMessageChars = n;
            return this;
        }

        public TrackerClientConfig build() {
            return new TrackerClientConfig(offersPerAnnounce, maxPendingOffers, offerTimeout, offerCreationTimeout,
                    maxPendingAnswers, answersPerMinute, defaultInterval, minInterval, backoffMin, backoffMax, maxMessageChars);
        }
    }
}
