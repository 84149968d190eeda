package io.p2pviewer.engine.peer.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and when the swarm passes on a segment while it receives it from a peer ({@link Relay}). Immutable.
 *
 * @param enabled whether segments being received are offered to engine peers at all (off: only held segments)
 * @param within  a segment being received is offered once its rate so far says it ends within this: its receivers
 *                then wait on our uplink rather than on our sender, and seldom see a relay fail
 */
public record RelayConfig(boolean enabled, Duration within) {
    /** On, offering a segment that ends within 1 s (BENCHMARKS.md "Issue 25"). */
    public static final RelayConfig DEFAULTS = new RelayConfig(true, Duration.ofSeconds(1));
    /** Off: only segments we hold are offered (for measuring relaying against its absence). */
    public static final RelayConfig OFF = new RelayConfig(false, DEFAULTS.within);

    public RelayConfig {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("relay threshold must not be negative: " + within);
        }
    }
}
