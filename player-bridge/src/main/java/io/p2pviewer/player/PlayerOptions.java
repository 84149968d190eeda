package io.p2pviewer.player;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration of a {@link PlayerBridge}; immutable, built with {@link #builder()}.
 *
 * @param audioOutput          libVLC audio output module: {@code "adummy"} (no sound device; the default,
 *                             fit for headless use), {@code "auto"} (libVLC's choice) or a module name
 *                             such as {@code "pulse"} or {@code "alsa"}
 * @param extraLibVlcArgs      further libVLC options, each starting with {@code --}; appended last, so
 *                             they override the bridge's own. An unknown option makes player creation
 *                             fail with {@link LibVlcOptionsException}
 * @param noProgressTimeout    how long the player may open, buffer or play without a new frame and
 *                             without time progress before an {@link ErrorKind#NO_PROGRESS} error
 * @param networkCachingMillis libVLC's network cache ({@code --network-caching}), 0 to 60000 ms
 * @param clock                the clock for the watchdog and for first-frame timing
 */
public record PlayerOptions(
        String audioOutput,
        List<String> extraLibVlcArgs,
        Duration noProgressTimeout,
        int networkCachingMillis,
        Clock clock) {

    /** The default {@link #noProgressTimeout()}: 8 s. */
    public static final Duration DEFAULT_NO_PROGRESS_TIMEOUT = Duration.ofSeconds(8);
    /** The default {@link #networkCachingMillis()}: libVLC's own default, 1000 ms. */
    public static final int DEFAULT_NETWORK_CACHING_MILLIS = 1000;
    /** The default {@link #audioOutput()}: no sound device. */
    public static final String DEFAULT_AUDIO_OUTPUT = "adummy";

    private static final Pattern MODULE_NAME = Pattern.compile("[a-z0-9_]+");

    public PlayerOptions {
        Objects.requireNonNull(audioOutput, "audioOutput");
        if (!MODULE_NAME.matcher(audioOutput).matches()) {
            throw new IllegalArgumentException("audioOutput must be \"auto\", \"adummy\" or a libVLC audio output"
                    + " module name ([a-z0-9_]+), was \"" + audioOutput + "\"");
        }
        extraLibVlcArgs = List.copyOf(Objects.requireNonNull(extraLibVlcArgs, "extraLibVlcArgs"));
        for (String arg : extraLibVlcArgs) {
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new IllegalArgumentException("libVLC options must look like --name or --name=value, was \""
                        + arg + "\"");
            }
        }
        Objects.requireNonNull(noProgressTimeout, "noProgressTimeout");
        if (noProgressTimeout.isNegative() || noProgressTimeout.isZero()) {
            throw new IllegalArgumentException("noProgressTimeout must be positive, was " + noProgressTimeout);
        }
        if (networkCachingMillis < 0 || networkCachingMillis > 60_000) {
            throw new IllegalArgumentException("networkCachingMillis must be 0..60000, was " + networkCachingMillis);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** The default options (headless audio, 8 s watchdog, 1000 ms network cache, the UTC system clock). */
    public static PlayerOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        return new Builder()
                .audioOutput(audioOutput)
                .extraLibVlcArgs(extraLibVlcArgs)
                .noProgressTimeout(noProgressTimeout)
                .networkCachingMillis(networkCachingMillis)
                .clock(clock);
    }

    /**
     * The complete option list handed to libVLC: {@code --quiet} (libVLC would otherwise print
     * about 1,200 harmless lines to stderr at every start), {@code --no-video-title-show} (no
     * media title drawn over the picture), the audio output, the network cache, then the extras.
     */
    public List<String> libVlcArgs() {
        List<String> args = new ArrayList<>();
        args.add("--quiet");
        args.add("--no-video-title-show");
        if (!audioOutput.equals("auto")) {
            args.add("--aout=" + audioOutput);
        }
        args.add("--network-caching=" + networkCachingMillis);
        args.addAll(extraLibVlcArgs);
        return List.copyOf(args);
    }

    /** A mutable builder of {@link PlayerOptions}; not thread-safe. */
    public static final class Builder {
        private String audioOutput = DEFAULT_AUDIO_OUTPUT;
        private final List<String> extraLibVlcArgs = new ArrayList<>();
        private Duration noProgressTimeout = DEFAULT_NO_PROGRESS_TIMEOUT;
        private int networkCachingMillis = DEFAULT_NETWORK_CACHING_MILLIS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Sets the audio output: {@code "adummy"}, {@code "auto"} or a libVLC module name. */
        public Builder audioOutput(String audioOutput) {
            this.audioOutput = audioOutput;
            return this;
        }

        /** Replaces the extra libVLC options. */
        public Builder extraLibVlcArgs(List<String> args) {
            extraLibVlcArgs.clear();
            extraLibVlcArgs.addAll(args);
            return this;
        }

        /** Adds one extra libVLC option. */
        public Builder addLibVlcArg(String arg) {
            extraLibVlcArgs.add(arg);
            return this;
        }

        /** Sets the no-progress watchdog's timeout. */
        public Builder noProgressTimeout(Duration timeout) {
            this.noProgressTimeout = timeout;
            return this;
        }

        /** Sets libVLC's network cache in milliseconds. */
        public Builder networkCachingMillis(int millis) {
            this.networkCachingMillis = millis;
            return this;
        }

        /** Sets the clock (tests use a fake one). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Builds the options; throws {@link IllegalArgumentException} or {@link NullPointerException} on bad values. */
        public PlayerOptions build() {
            return new PlayerOptions(audioOutput, extraLibVlcArgs, noProgressTimeout, networkCachingMillis, clock);
        }
    }
}
