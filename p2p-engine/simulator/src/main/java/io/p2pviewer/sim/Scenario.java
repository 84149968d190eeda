package io.p2pviewer.sim;

import io.p2pviewer.engine.peer.swarm.RelayConfig;
import java.time.Duration;
import java.util.List;

/**
 * What one simulation run models: the audience (how many viewers, when they come and go, their links), the stream,
 * the CDN and the tracker. Read from JSON by {@link ScenarioReader}; docs/SIMULATOR.md documents every field,
 * its unit and default. Immutable.
 *
 * @param viewers viewers watching at once (the population churn keeps steady)
 * @param ramp the first {@code viewers} join evenly spread over this
 * @param churnPerMinute share of the viewers that leave each minute, each replaced at once by a newcomer
 * @param uplinkMbps viewers' upload capacity, Mbit/s
 * @param downlinkMbps viewers' download capacity, Mbit/s
 * @param latencyMs viewers' one-way latency to the core, ms (a message between two hosts pays both)
 * @param natShare share of viewers behind a NAT; two of them cannot connect to each other
 * @param p2p false for the CDN-only baseline (engines run without peers)
 * @param relay whether and when viewers pass on segments while they receive them (on, 1 s, unless the scenario's
 *              {@code relay} says otherwise or {@code --no-relay} turns it off)
 * @param payloadScale wire bytes each simulated payload byte stands for (see {@link LinkNetwork})
 * @param sampleEvery period of the offload-over-time samples
 * @param partitions how many parts the viewers are split into to run side by side ({@link Partitions}); 0 chooses
 *                   ({@link #partitionsToRun}). The same scenario with another count gives another (equally valid) run
 * @param wire what a peer connection costs on the wire beyond its payload, and how long a host's own uploads make its
 *             requests wait ({@link Wire})
 */
public record Scenario(String name, long seed, Duration duration, int viewers, Duration ramp, double churnPerMinute,
                       Distribution uplinkMbps, Distribution downlinkMbps, Distribution latencyMs, double natShare,
                       Stream stream, Cdn cdn, Tracker tracker, Player player, boolean p2p, int payloadScale,
                       Duration sampleEvery, int partitions, RelayConfig relay, Wire wire) {
    /** Most partitions a scenario may ask for. */
    public static final int MAX_PARTITIONS = 64;
    /** Viewers from which a scenario runs in {@link #AUTO_PARTITIONS} partitions unless it says otherwise. */
    static final int PARTITION_FROM_VIEWERS = 200;
    /**
     * More partitions than cores: each window's work is uneven across viewers, and threads that take the next
     * partition as they finish share it out better (n1000 x 600 s with a barrier per window, runs one after the
     * other: 65.9 / 55.4 s against 66.6 s with 2 and 74.1 s with 8; BENCHMARKS.md "Tenth pass").
     */
    static final int AUTO_PARTITIONS = 16;
    /** Lookahead below which a scenario runs in one partition unless it says otherwise (windows too short). */
    static final long PARTITION_FROM_LOOKAHEAD_NANOS = 1_000_000;

    public Scenario {
        if (stream.variants().isEmpty()) {
            throw new IllegalArgumentException("the stream needs at least one variant");
        }
    }

    /** The same scenario with P2P on or off. */
    public Scenario withP2p(boolean on) {
        return with(seed, on, relay, wire);
    }

    /** The same scenario with relaying as {@code r} says. */
    public Scenario withRelay(RelayConfig r) {
        return with(seed, p2p, r, wire);
    }

    /** The same scenario drawn with another seed. */
    public Scenario withSeed(long other) {
        return with(other, p2p, relay, wire);
    }

    /** The same scenario with the wire model {@code w}. */
    public Scenario withWire(Wire w) {
        return with(seed, p2p, relay, w);
    }

    private Scenario with(long s, boolean on, RelayConfig r, Wire w) {
        return new Scenario(name, s, duration, viewers, ramp, churnPerMinute, uplinkMbps, downlinkMbps, latencyMs,
                natShare, stream, cdn, tracker, player, on, payloadScale, sampleEvery, partitions, r, w);
    }

    /**
     * The least delay with which one viewer can affect another, virtual ns: a message between two hosts pays both
     * latencies, and the tracker's two hops fit in the shortest connect delay. The partitions' windows span a third
     * of it.
     */
    public long lookaheadNanos() {
        long latencies = (long) (2 * latencyMs.lowest() * 1e6);
        return Math.max(0, Math.min(latencies, tracker.connectDelayMin().toNanos() / 2));
    }

    /**
     * Partitions this scenario runs in: as it says, else {@link #AUTO_PARTITIONS} for {@link #PARTITION_FROM_VIEWERS}
     * viewers or more with a lookahead of at least {@link #PARTITION_FROM_LOOKAHEAD_NANOS}, else one (small
     * scenarios gain nothing, and the partitions split the CDN's capacity). Never more than the viewers, and one
     * when the lookahead is under {@link Partitions#MIN_LOOKAHEAD}.
     */
    public int partitionsToRun() {
        if (lookaheadNanos() < Partitions.MIN_LOOKAHEAD) {
            return 1;
        }
        if (partitions > 0) {
            return Math.min(partitions, viewers);
        }
        return viewers >= PARTITION_FROM_VIEWERS && lookaheadNanos() >= PARTITION_FROM_LOOKAHEAD_NANOS
                ? AUTO_PARTITIONS : 1;
    }

    /** Mean bitrate the viewers watch, Mbit/s (variants weighted by their audience share). */
    public double meanBitrateMbps() {
        double total = stream.variants().stream().mapToDouble(Variant::weight).sum();
        return stream.variants().stream().mapToDouble(v -> v.bitrateMbps() * v.weight()).sum() / total;
    }

    /**
     * The offload no delivery scheme can beat here: min(1 - 1/N, u/r) with N the viewers watching at once, u the
     * mean uplink and r the mean bitrate (each segment must come from the CDN once per swarm; peers cannot upload
     * more than their uplinks). With several variants N is per variant, weighted by audience.
     */
    public double offloadBound() {
        return bound(uplinkMbps.mean());
    }

    /**
     * {@link #offloadBound()} with the uplinks' payload capacity in place of their raw speed: min(1 - 1/N,
     * u / (overhead r)). A peer connection carries {@link Wire#overhead()} wire bytes per payload byte (measured on
     * real WebRTC), so no scheme can send more payload than this through the uplinks. Equal to the bound when
     * the overhead does not cap it (u = 1.5r: 1.17r of payload against 1 - 1/N).
     */
    public double payloadOffloadBound() {
        return bound(uplinkMbps.mean() / wire.overhead());
    }

    private double bound(double uplinkPayloadMbps) {
        double total = stream.variants().stream().mapToDouble(Variant::weight).sum();
        double swarmTerm = 0;
        for (Variant v : stream.variants()) {
            double share = v.weight() / total;
            double n = Math.max(1, viewers * share);
            swarmTerm += share * (1 - 1 / n);
        }
        return Math.max(0, Math.min(swarmTerm, uplinkPayloadMbps / meanBitrateMbps()));
    }

    /**
     * The stream.
     *
     * @param live a sliding-window live stream, else VOD
     * @param segmentSeconds duration of every segment
     * @param windowSegments segments in the live playlist
     * @param vodSegments length of the VOD stream in segments
     */
    public record Stream(boolean live, double segmentSeconds, int windowSegments, int vodSegments,
                         List<Variant> variants) {
        public Stream {
            variants = List.copyOf(variants);
        }
    }

    /** One variant of the stream and the share of the audience that watches it (viewers do not switch). */
    public record Variant(double bitrateMbps, double weight) {
    }

    /** The origin behind the CDN: capacity shared by all its downloads, and its one-way latency. */
    public record Cdn(double capacityMbps, double latencyMs) {
    }

    /**
     * The tracker: peers it hands out per announce, the announce interval, and the delay from announce to open
     * connection (tracker round trips plus ICE), drawn uniformly in [min, max].
     */
    public record Tracker(int peersPerAnnounce, Duration announceInterval, Duration connectDelayMin,
                          Duration connectDelayMax) {
    }

    /**
     * What the wire adds to a peer connection, as measured on real engines over real WebRTC (docs/BENCHMARKS.md,
     * "Issue 25: real-WebRTC cross-check" and "the wire model"). {@code Wire(1, Duration.ZERO)} is the model before
     * either existed: payload only, and a request waits behind nothing but its own flow's payload.
     *
     * @param overhead wire bytes per payload byte a peer connection sends, on both links it crosses: IP, UDP, DTLS and
     *                 SCTP headers, the retransmission of what a full router queue dropped, and, lumped in because
     *                 the sender pays them on the same uplink, the SCTP acknowledgements of what it receives, its HTTP
     *                 and tracker requests and the protocol's commands ({@link #DEFAULTS})
     * @param uplinkQueue the deepest a host's uplink queue gets (a home router's queue): a command or an HTTP
     *                    request leaving a host waits behind the bytes its other uploads have queued, up to this
     *                    long, as in the one FIFO queue of a real uplink. Zero: it waits behind nothing but its own
     *                    flow
     */
    public record Wire(double overhead, Duration uplinkQueue) {
        /**
         * The real-WebRTC cross-check's measurement (ThinUplinkCrossCheckIT at 1.3 Mbit/s, three runs): tc's byte
         * count on the five shaped uplinks over the engines' uploaded payload, 1.276-1.280, with its routers' queue,
         * tbf's 200 ms (a small home router's), which dropped about 2,400 packets a run: 9 % of the payload sent
         * again. With a 1 s queue (0-44 drops per engine) tc counted 1.19.
         */
        public static final Wire DEFAULTS = new Wire(1.28, Duration.ofMillis(200));
        /** Payload only, no shared queue: the simulator before this model. */
        public static final Wire NONE = new Wire(1, Duration.ZERO);

        public Wire {
            if (!(overhead >= 1)) {
                throw new IllegalArgumentException("wire.overhead must be at least 1, got " + overhead);
            }
            if (uplinkQueue.isNegative()) {
                throw new IllegalArgumentException("wire.uplinkQueueMs must not be negative");
            }
        }
    }

    /**
     * The player model (as the headless {@code viewer peer}'s player): starts {@code liveDelaySegments} behind the
     * live edge and keeps up to {@code bufferSeconds} of media downloaded ahead of its playhead.
     */
    public record Player(int liveDelaySegments, double bufferSeconds) {
    }
}
