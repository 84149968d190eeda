package io.p2pviewer.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The immutable configuration of a {@link DemoOrigin}; build one with {@link #builder()}.
 *
 * @param bindAddress        the address to listen on (an IP literal or host name), default {@code 127.0.0.1}
 * @param port               the TCP port, 0 (the default) for an ephemeral one
 * @param mode               which stream {@link DemoOrigin#masterUri()} points at, default {@link DemoMode#LIVE}
 * @param liveWindowSegments how many segments a live media playlist lists, default 8
 * @param clock              the time source of the live window and of request timestamps,
 *                           default {@link Clock#systemUTC()}
 * @param validToken         the token the key server accepts; default a random 128-bit hex string
 * @param key                the AES-128 content key (16 bytes); default random. The accessor returns a copy.
 * @param keyRotationSegments a new key every this many segments (derived from {@code key}), 0 (the default) for
 *                           one key for the whole stream
 */
public record DemoOriginConfig(
        String bindAddress,
        int port,
        DemoMode mode,
        int liveWindowSegments,
        Clock clock,
        String validToken,
        byte[] key,
        int keyRotationSegments) {

    /** The default bind address: loopback only. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** The default number of segments in a live media playlist. */
    public static final int DEFAULT_LIVE_WINDOW_SEGMENTS = 8;
    /** The largest accepted live window (a few minutes of stream). */
    public static final int MAX_LIVE_WINDOW_SEGMENTS = 1000;
    /** The length of an AES-128 key in bytes. */
    public static final int KEY_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates every component and copies the key; throws {@link IllegalArgumentException} on bad values. */
    public DemoOriginConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validToken, "validToken");
        Objects.requireNonNull(key, "key");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (liveWindowSegments < 1 || liveWindowSegments > MAX_LIVE_WINDOW_SEGMENTS) {
            throw new IllegalArgumentException(
                    "liveWindowSegments must be in 1.." + MAX_LIVE_WINDOW_SEGMENTS + ": " + liveWindowSegments);
        }
        if (validToken.isEmpty()) {
            throw new IllegalArgumentException("validToken must not be empty");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("key must be " + KEY_LENGTH + " bytes, was " + key.length);
        }
        if (keyRotationSegments < 0) {
            throw new IllegalArgumentException("keyRotationSegments must not be negative: " + keyRotationSegments);
        }
        key = key.clone();
    }

    /** A builder with every default set (random token and key are drawn at {@link Builder#build()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** The default configuration: loopback, ephemeral port, live, random token and key. */
    public static DemoOriginConfig defaults() {
        return builder().build();
    }

    /** A builder initialised with this configuration's values. */
    public Builder toBuilder() {
        return new Builder()
                .bindAddress(bindAddress)
                .port(port)
                .mode(mode)
                .liveWindowSegments(liveWindowSegments)
                .clock(clock)
                .validToken(validToken)
                .key(key)
                .keyRotationSegments(keyRotationSegments);
    }

    /** The AES-128 content key; a fresh copy on every call. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemoOriginConfig that
                && bindAddress.equals(that.bindAddress)
                && port == that.port
                && mode == that.mode
                && liveWindowSegments == that.liveWindowSegments
                && clock.equals(that.clock)
                && validToken.equals(that.validToken)
                && Arrays.equals(key, that.key)
                && keyRotationSegments == that.keyRotationSegments;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, port, mode, liveWindowSegments, clock, validToken, Arrays.hashCode(key),
                keyRotationSegments);
    }

    /** Describes the configuration without revealing the key. */
    @Override
    public String toString() {
        return "DemoOriginConfig[bindAddress=" + bindAddress + ", port=" + port + ", mode=" + mode
                + ", liveWindowSegments=" + liveWindowSegments + ", clock=" + clock
                + ", validToken=(hidden), key=(hidden), keyRotationSegments=" + keyRotationSegments + "]";
    }

    /** A mutable builder of {@link DemoOriginConfig}; not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port;
        private DemoMode mode = DemoMode.LIVE;
        private int liveWindowSegments = DEFAULT_LIVE_WINDOW_SEGMENTS;
        private Clock clock = Clock.systemUTC();
        private String validToken;
        private byte[] key;
        private int keyRotationSegments;

        private Builder() {
        }

        /** Sets the address to listen on, e.g. {@code 0.0.0.0} or an address inside a network namespace. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Sets the TCP port; 0 picks an ephemeral one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets which stream {@link DemoOrigin#masterUri()} points at. */
        public Builder mode(DemoMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Sets how many segments a live media playlist lists. */
        public Builder liveWindowSegments(int liveWindowSegments) {
            this.liveWindowSegments = liveWindowSegments;
            return this;
        }

        /** Sets the clock that drives the live window. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the token the key server accepts. */
        public Builder validToken(String validToken) {
            this.validToken = Objects.requireNonNull(validToken, "validToken");
            return this;
        }

        /** Sets the 16-byte AES-128 content key (copied). */
        public Builder key(byte[] key) {
            this.key = Objects.requireNonNull(key, "key").clone();
            return this;
        }

        /** Rotates the content key every {@code segments} segments; 0 for one key. */
        public Builder keyRotationSegments(int segments) {
            this.keyRotationSegments = segments;
            return this;
        }

        /** Builds the configuration, drawing a random token and key where none was set. */
        public DemoOriginConfig build() {
            String token = validToken;
            if (token == null) {
                byte[] random = new byte[16];
                RANDOM.nextBytes(random);
                token = HexFormat.of().formatHex(random);
            }
            byte[] contentKey = key;
            if (contentKey == null) {
                contentKey = new byte[KEY_LENGTH];
                RANDOM.nextBytes(contentKey);
            }
            return new DemoOriginConfig(bindAddress, port, mode, liveWindowSegments, clock, token, contentKey,
                    keyRotationSegments);
        }
    }
}
