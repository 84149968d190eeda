package io.p2pviewer.sim;

import java.util.Arrays;
import java.util.List;

/**
 * The results of one simulation run, as written by {@code viewer simulate --report}. Bytes are wire bytes (payload
 * scale applied); times are virtual seconds unless named wall.
 *
 * @param offload share of the bytes handed to players that came from peers, whole run
 * @param bound min(1 - 1/N, u/r) for the scenario ({@link Scenario#offloadBound()})
 * @param offloadOfBound offload / bound
 * @param payloadBound the bound against the uplinks' payload capacity, min(1 - 1/N, u / (overhead r))
 *                     ({@link Scenario#payloadOffloadBound()})
 * @param offloadOfPayloadBound offload / payloadBound
 * @param viewersTotal viewers that joined (churn replacements included)
 * @param peakViewers most viewers present at once
 * @param overTime offload per sample period
 * @param cdn the CDN's side: fetches and bytes per segment
 * @param stallsPerViewer stalls of each viewer (a playhead that reached the end of the download)
 * @param stallSecondsPerViewer seconds each viewer stood stalled
 * @param missedDeadlinesPerViewer the engine's missed deadlines (player waited > 1 s) per viewer
 * @param startupSeconds from joining to the first segment handed to the player
 * @param fairness how evenly viewers uploaded
 * @param peersPerViewer connected peers of each viewer present at the end
 * @param cost what the run cost on this machine
 */
public record SimReport(String scenario, boolean p2p, int viewers, double durationSeconds, long seed,
                        double offload, double bound, double uplinkOverBitrate, double offloadOfBound,
                        double payloadBound, double offloadOfPayloadBound,
                        int viewersTotal, int peakViewers, List<Sample> overTime, Cdn cdn,
                        int viewersWithStalls, long stallsTotal, Summary stallsPerViewer,
                        Summary stallSecondsPerViewer, long missedDeadlinesTotal, Summary missedDeadlinesPerViewer,
                        Summary startupSeconds, int viewersNeverStarted, long failedSegments, Fairness fairness,
                        Summary peersPerViewer, Cost cost) {
    /**
     * One sample period.
     *
     * @param atSeconds end of the period
     * @param offload peer share of the bytes served during the period
     * @param cumulativeOffload peer share of the bytes served since the start
     * @param viewers viewers present at the end of the period
     */
    public record Sample(double atSeconds, double offload, double cumulativeOffload, int viewers) {
    }

    /**
     * The CDN side.
     *
     * @param segmentFetches segment downloads started at the CDN
     * @param bytes wire bytes the CDN sent (segments only)
     * @param playerBytes wire bytes handed to all players
     * @param fetchesPerSegment per segment published during the run and fetched at least once: how many times
     *                          the viewers fetched it from the CDN
     */
    public record Cdn(long segmentFetches, long bytes, long playerBytes, Summary fetchesPerSegment) {
    }

    /**
     * How evenly viewers upload.
     *
     * @param jainIndexOfUtilisation Jain's fairness index of each viewer's uploaded bytes over its uplink capacity
     *                               times its time present (1 = all used their uplink equally)
     * @param meanUtilisation mean of those ratios
     * @param topTenthShare share of all uploaded bytes sent by the 10 % of viewers who uploaded most
     * @param uploadedBytes wire bytes uploaded by all viewers
     * @param byUplink the mean use per uplink speed of the scenario, slowest first: where a thin-uplink swarm leaves
     *                 its upload capacity unused
     */
    public record Fairness(double jainIndexOfUtilisation, double meanUtilisation, double topTenthShare,
                           long uploadedBytes, List<UplinkUse> byUplink) {
    }

    /**
     * The viewers of one uplink speed and how much of it they used.
     *
     * @param uplinkMbps the uplink speed
     * @param viewers viewers with it who were present at some time
     * @param meanUtilisation mean of their uploaded bytes over their uplink capacity times their time present: at
     *                        most 1 / {@code wire.overhead} (78 % with the measured 1.28), as segment payload
     * @param meanWireUse     mean of the wire bytes that left their uplinks (payload and the wire's overhead) over
     *                        their uplink capacity times their time present: the share of the time their uplink was
     *                        busy. A viewer whose payload use is 71 % of a 5 Mbit/s uplink at overhead 1.28 kept it
     *                        91 % busy; the rest is what idled (issue 25)
     */
    public record UplinkUse(double uplinkMbps, int viewers, double meanUtilisation, double meanWireUse) {
    }

    /**
     * The run's cost.
     *
     * @param wallSeconds elapsed real time
     * @param tasks scheduler tasks run (engine ticks, message deliveries, link events...)
     * @param realTimeFactor simulated seconds per wall second
     * @param partitions parts the viewers were split into ({@link Partitions})
     * @param threads threads that ran them side by side
     */
    public record Cost(double wallSeconds, long tasks, double realTimeFactor, int partitions, int threads) {
    }

    /** Distribution summary of per-viewer (or per-segment) values. */
    public record Summary(int count, double mean, double p50, double p90, double p99, double max) {
        public static Summary of(double[] values) {
            if (values.length == 0) {
                return new Summary(0, 0, 0, 0, 0, 0);
            }
            double[] v = values.clone();
            Arrays.sort(v);
            return new Summary(v.length, Arrays.stream(v).average().orElse(0), pick(v, 0.50), pick(v, 0.90),
                    pick(v, 0.99), v[v.length - 1]);
        }

        private static double pick(double[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0
                    : (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
