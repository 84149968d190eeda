package io.p2pviewer.engine.peer.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * How segments move between engine peers beyond one whole transfer from one holder: whether and when the swarm passes
 * on a segment while it receives it from a peer ({@link Relay}), and from how many peers at once one segment may be
 * fetched, each sending a part (multi-source, {@link io.p2pviewer.engine.scheduler.DeliveryPlanner} rule 6). Immutable.
 *
 * @param enabled whether segments being received are offered to engine peers at all (off: only held segments)
 * @param within  a segment being received is offered once its rate so far says it ends within this: its receivers
 *                then wait on our uplink rather than on our sender, and seldom see a relay fail
 * @param sources at most this many engine peers send parts of one segment at once; 1: one peer per segment
 */
public record RelayConfig(boolean enabled, Duration within, int sources) {
    /**
     * Peers per segment at most, by default. n100-u0.8r simulated (600 s, seeds 1-4, against one peer per segment in
     * the same build): offload 49.5 / 39.8 / 61.2 / 43.0 % against 47.9 / 36.9 / 58.9 / 39.8 % (mean +2.5 points),
     * missed deadlines 10 / 7 / 6 / 13 against 18 / 10 / 11 / 21 (CDN only: 29 / 20 / 27 / 28), the 1 Mbit/s uplinks'
     * use up 5-9 points; n100 (u = 1.5r) 91.5 % and 90.1 % against 91.8 % and 90.1 % (docs/BENCHMARKS.md,
     * "multi-source"). Thin holders are mostly uploading when asked and answer absent, so few segments arrive whole
     * in parts; a part taken over by the part before it, or the first part's bytes kept for the CDN's range fetch,
     * carry much of the gain.
     */
    public static final int DEFAULT_SOURCES = 3;
    /** On, offering a segment that ends within 1 s (BENCHMARKS.md "Issue 25"); up to 3 peers per segment. */
    public static final RelayConfig DEFAULTS = new RelayConfig(true, Duration.ofSeconds(1), DEFAULT_SOURCES);
    /** Off: only segments we hold are offered (for measuring relaying against its absence). */
    public static final RelayConfig OFF = new RelayConfig(false, DEFAULTS.within, DEFAULT_SOURCES);

    public RelayConfig {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("relay threshold must not be negative: " + within);
        }
        if (sources < 1) {
            throw new IllegalArgumentException("sources per segment must be at least 1: " + sources);
        }
    }

    /** With {@link #DEFAULT_SOURCES} peers per segment at most. */
    public RelayConfig(boolean enabled, Duration within) {
        this(enabled, within, DEFAULT_SOURCES);
    }

    /** The same with at most {@code n} peers per segment (1: one peer per segment). */
    public RelayConfig withSources(int n) {
        return new RelayConfig(enabled, within, n);
    }
}
