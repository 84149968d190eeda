package io.p2pviewer.engine.scheduler;

import java.time.Duration;

/**
 * Windows and timeouts of the delivery scheduler, measured from the player's predicted request time of a segment
 * (its deadline).
 *
 * @param highDemand a missing segment due within this is fetched from the CDN at once
 * @param p2pWindow segments due within this (and beyond the high-demand window) may be fetched from peers
 * @param stallTimeout a peer transfer that receives nothing for this long is given up
 * @param safetyMargin a peer transfer predicted to finish later than deadline minus this falls back to the CDN
 * @param maxPrefetchCdn CDN fetches the scheduler runs at once for segments not yet in high demand
 * @param seedersPerSegment about how many peers of every ten an engine sees (or of a smaller view) fetch a live-edge
 *                  segment nobody has from the CDN; engines whose uplink proved slower than the stream do not
 * @param joinGrace for this long after joining a swarm the engine is "young": its peers are still connecting,
 *                  so it seeds nothing and lets early player requests wait briefly for them
 * @param startupPatience how long a young engine lets a player request that is ahead of the player's need
 *                  wait for peers before the CDN fetches it
 * @param patience the same for an engine past its join grace: a player with a buffer asks for a segment seconds
 *                  before it plays it, and those seconds are time in which peers can deliver a live-edge segment
 *                  (the request waits at most until {@code highDemand} before the player's need)
 */
public record SchedulerConfig(Duration highDemand, Duration p2pWindow, Duration stallTimeout, Duration safetyMargin,
                              int maxPrefetchCdn, int seedersPerSegment, Duration joinGrace,
                              Duration startupPatience, Duration patience) {
    /**
     * Defaults for 2-6 s live segments on a LAN or a good broadband link. The high-demand window is short
     * (upstream's is 15 s) because the deadline here is the player's predicted request, and the player still
     * holds a few seconds of buffer then: a CDN fetch started 2.5 s before it is in time, and every second more
     * of P2P window is a second in which peers can deliver a live-edge segment. The safety margin is 500 ms:
     * a peer transfer given up keeps what it sent and the CDN fetches only the rest, so the margin need not
     * cover a whole segment's fetch (n100 simulated, 4 seeds: 88.3 % offload against 87.8 % with 1 s, 89.3 %
     * with judging after 4 s, {@link DeliveryPlanner#JUDGE_AFTER}; 250 ms or 750 ms: 89.0 %).
     */
    public static final SchedulerConfig DEFAULTS = new SchedulerConfig(Duration.ofMillis(2500),
            Duration.ofSeconds(60), Duration.ofMillis(2000), Duration.ofMillis(500), 2, 1, Duration.ofSeconds(3),
            Duration.ofMillis(800), Duration.ofSeconds(4));

    /** The windows and timeouts with the default patience (join grace 3 s, patience 800 ms, then 4 s). */
    public SchedulerConfig(Duration highDemand, Duration p2pWindow, Duration stallTimeout, Duration safetyMargin,
                           int maxPrefetchCdn, int seedersPerSegment) {
        this(highDemand, p2pWindow, stallTimeout, safetyMargin, maxPrefetchCdn, seedersPerSegment,
                Duration.ofSeconds(3), Duration.ofMillis(800), Duration.ofSeconds(4));
    }
}
