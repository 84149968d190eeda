package io.p2pviewer.sim;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a {@link Scenario} in virtual time: the real engine code (stream controller, delivery scheduler, swarm,
 * peer protocol) of every viewer over simulated peer channels ({@link SimChannel}), with a {@link LinkNetwork}
 * charging latency and link capacity, a simulated CDN ({@link SimOrigin}) and a simulated tracker
 * ({@link SimTracker}). Deterministic: the same scenario (seed and partitions included) gives the same report,
 * wall-clock cost aside, on any number of cores.
 *
 * <p>The viewers are split into partitions ({@link Scenario#partitionsToRun}) that run side by side on the
 * machine's cores ({@link Partitions}): viewer {@code i} lives in partition {@code i mod P} with its engine, its
 * links, its player and its partition's CDN edge; peer messages and the tracker cross between partitions. The
 * calling thread drives the run and is one of the threads. One instance runs once.
 */
public final class Simulation {
    private static final long STEP_NANOS = 1_000_000_000L;

    /**
     * What the run looks like now, for progress lines.
     *
     * @param simulatedSeconds virtual time reached
     * @param viewers viewers present
     * @param offload peer share of the bytes served so far
     */
    public record Progress(double simulatedSeconds, int viewers, double offload) {
    }

    /** What one partition owns: its CDN edge, its viewers (in joining order), its draws and counts. */
    private static final class Part {
        final int index;
        final SimOrigin origin;
        final Random random;
        final List<SimViewer> viewers = new ArrayList<>();
        int present;
        int replacements;

        Part(int index, SimOrigin origin, Random random) {
            this.index = index;
            this.origin = origin;
            this.random = random;
        }
    }

    private final Scenario scenario;
    private final Clock wallClock;
    private final Partitions partitions;
    private final LinkNetwork links;
    private final SimTracker tracker;
    private final List<Part> parts = new ArrayList<>();
    private int peakPresent;

    /** @param wallClock measures the run's cost only; simulated time never reads it */
    public Simulation(Scenario scenario, Clock wallClock) {
        this(scenario, wallClock, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads most threads to run the partitions on (the report is the same for any number)
     */
    public Simulation(Scenario scenario, Clock wallClock, int threads) {
        this.scenario = scenario;
        this.wallClock = wallClock;
        int count = scenario.partitionsToRun();
        long lookahead = scenario.lookaheadNanos();
        this.partitions = new Partitions(count, lookahead, Math.max(1, threads));
        this.links = new LinkNetwork(partitions, scenario.payloadScale(), scenario.wire());
        for (int p = 0; p < count; p++) {
            parts.add(new Part(p, new SimOrigin(partitions.scheduler(p), links, scenario, p, count),
                    new Random(p == 0 ? scenario.seed() : mix(scenario.seed(), -1 - p))));
        }
        this.tracker = new SimTracker(links, partitions, scenario.tracker(), scenario.seed(), lookahead);
    }

    /**
     * Runs the whole scenario.
     *
     * @param progressEvery wall time between progress reports
     * @param progress receives progress reports on this thread
     */
    public SimReport run(Duration progressEvery, Consumer<Progress> progress) {
        try (partitions) {
            return runAll(progressEvery, progress);
        }
    }

    private SimReport runAll(Duration progressEvery, Consumer<Progress> progress) {
        long wallStart = wallClock.millis();
        long end = scenario.duration().toNanos();
        int n = scenario.viewers();
        long ramp = scenario.ramp().toNanos();
        for (int i = 0; i < n; i++) {
            int index = i;
            Part part = parts.get(i % parts.size());
            partitions.scheduler(part.index).scheduleNanos(n == 1 ? 0 : ramp * i / n, () -> join(part, index));
        }
        List<SimReport.Sample> samples = new ArrayList<>();
        long sampleEvery = scenario.sampleEvery().toNanos();
        long nextSample = sampleEvery;
        long[] before = {0, 0};
        long lastProgress = wallClock.millis();
        for (long t = Math.min(STEP_NANOS, end); ; t = Math.min(t + STEP_NANOS, end)) {
            while (nextSample <= t) {
                runUntil(nextSample);
                samples.add(sample(nextSample, before));
                nextSample += sampleEvery;
            }
            runUntil(t);
            if (wallClock.millis() - lastProgress >= progressEvery.toMillis()) {
                lastProgress = wallClock.millis();
                long[] now = served();
                progress.accept(new Progress(t / 1e9, present(), ratio(now[0], now[1])));
            }
            if (t >= end) {
                break;
            }
        }
        double wall = (wallClock.millis() - wallStart) / 1000.0;
        return report(samples, wall);
    }

    private void runUntil(long nanos) {
        partitions.runUntil(nanos);
        peakPresent = Math.max(peakPresent, present()); // a leaver's replacement joins in the same task
    }

    private int present() {
        int n = 0;
        for (Part p : parts) {
            n += p.present;
        }
        return n;
    }

    /** Partition {@code part}'s thread: viewer {@code index} joins; when it leaves, a newcomer joins the partition. */
    private void join(Part part, int index) {
        Random r = new Random(mix(scenario.seed(), index));
        double up = scenario.uplinkMbps().sample(r) * 125_000;
        double down = scenario.downlinkMbps().sample(r) * 125_000;
        long latency = (long) (scenario.latencyMs().sample(r) * 1e6);
        boolean nat = r.nextDouble() < scenario.natShare();
        int variant = pickVariant(r);
        SimNode node = links.addNode("v" + index, up, down, latency, nat, part.index);
        VirtualTimeScheduler scheduler = partitions.scheduler(part.index);
        SimViewer v = new SimViewer(index, node, variant, up, scheduler, scenario);
        part.viewers.add(v);
        part.present++;
        v.join(part.origin, tracker);
        if (scenario.churnPerMinute() > 0) {
            double perSecond = scenario.churnPerMinute() / 60;
            double stay = -Math.log(1 - part.random.nextDouble()) / perSecond;
            scheduler.scheduleNanos((long) (stay * 1e9), () -> {
                v.leave();
                part.present--;
                join(part, scenario.viewers() + part.index + parts.size() * part.replacements++);
            });
        }
    }

    /** A well-mixed seed per viewer (java.util.Random's first draws are alike for adjacent seeds). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int pickVariant(Random r) {
        List<Scenario.Variant> variants = scenario.stream().variants();
        double total = variants.stream().mapToDouble(Scenario.Variant::weight).sum();
        double x = r.nextDouble() * total;
        for (int i = 0; i < variants.size(); i++) {
            x -= variants.get(i).weight();
            if (x < 0) {
                return i;
            }
        }
        return variants.size() - 1;
    }

    private long[] served() {
        long peer = 0;
        long total = 0;
        for (SimViewer v : allViewers()) {
            peer += v.servedPeerBytes;
            total += v.servedTotalBytes;
        }
        return new long[] {peer, total};
    }

    private SimReport.Sample sample(long at, long[] before) {
        long[] now = served();
        double period = ratio(now[0] - before[0], now[1] - before[1]);
        before[0] = now[0];
        before[1] = now[1];
        return new SimReport.Sample(at / 1e9, period, ratio(now[0], now[1]), present());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Every viewer that joined, by index (the order of a run in one partition). */
    private List<SimViewer> allViewers() {
        List<SimViewer> all = new ArrayList<>();
        for (Part p : parts) {
            all.addAll(p.viewers);
        }
        all.sort(Comparator.comparingInt(v -> v.index));
        return all;
    }

    /** CDN fetches per variant and segment, all partitions' edges together. */
    private int[][] fetches() {
        int[][] sum = null;
        for (Part p : parts) {
            int[][] f = p.origin.fetches();
            if (sum == null) {
                sum = new int[f.length][];
                for (int v = 0; v < f.length; v++) {
                    sum[v] = f[v].clone();
                }
            } else {
                for (int v = 0; v < f.length; v++) {
                    for (int i = 0; i < f[v].length; i++) {
                        sum[v][i] += f[v][i];
                    }
                }
            }
        }
        return sum;
    }

    private SimReport report(List<SimReport.Sample> samples, double wallSeconds) {
        long now = partitions.nanos();
        List<SimViewer> viewers = allViewers();
        int count = viewers.size();
        double[] stalls = new double[count];
        double[] stallSeconds = new double[count];
        double[] missed = new double[count];
        List<Double> startups = new ArrayList<>();
        List<Double> peersNow = new ArrayList<>();
        double[] utilisation = new double[count];
        double[] wireUse = new double[count];
        double[] uploaded = new double[count];
        double[] uplinkMbps = new double[count];
        int withStalls = 0;
        int neverStarted = 0;
        long stallsTotal = 0;
        long missedTotal = 0;
        long failed = 0;
        long uploadedTotal = 0;
        int scale = scenario.payloadScale();
        for (int i = 0; i < count; i++) {
            SimViewer v = viewers.get(i);
            stalls[i] = v.stalls(now);
            stallSeconds[i] = v.stallSeconds(now);
            stallsTotal += v.stalls(now);
            withStalls += v.stalls(now) > 0 ? 1 : 0;
            failed += v.failedSegments();
            if (v.startupSeconds() >= 0) {
                startups.add(v.startupSeconds());
            } else {
                neverStarted++;
            }
            EngineSnapshot s = v.snapshot();
            if (s != null && v.present()) {
                peersNow.add((double) s.peers().stream().filter(PeerInfo::connected).count());
            }
            if (s != null) {
                missed[i] = s.missedDeadlines();
                missedTotal += s.missedDeadlines();
                uploaded[i] = (double) s.uploadedBytes() * scale;
                uploadedTotal += s.uploadedBytes() * scale;
            }
            uplinkMbps[i] = v.uplinkBytesPerSecond * 8 / 1e6;
            double capacity = v.uplinkBytesPerSecond * v.presentSeconds(now);
            utilisation[i] = capacity > 0 ? uploaded[i] / capacity : 0;
            wireUse[i] = capacity > 0 ? v.node.uplink().carriedBytes() / capacity : 0;
        }
        long[] served = served();
        double offload = ratio(served[0], served[1]);
        double bound = scenario.offloadBound();
        double payloadBound = scenario.payloadOffloadBound();
        int[][] fetches = fetches();
        long segmentRequests = parts.stream().mapToLong(p -> p.origin.segmentRequests()).sum();
        long wireBytesServed = parts.stream().mapToLong(p -> p.origin.wireBytesServed()).sum();
        List<Double> perSegment = new ArrayList<>();
        for (int[] variant : fetches) {
            for (int c : variant) {
                if (c > 0) {
                    perSegment.add((double) c);
                }
            }
        }
        double u = scenario.uplinkMbps().mean() / scenario.meanBitrateMbps();
        return new SimReport(scenario.name(), scenario.p2p(), scenario.viewers(), now / 1e9, scenario.seed(),
                offload, bound, u, bound == 0 ? 0 : offload / bound, payloadBound,
                payloadBound == 0 ? 0 : offload / payloadBound, count, peakPresent, samples,
                new SimReport.Cdn(segmentRequests, wireBytesServed, served[1],
                        SimReport.Summary.of(toArray(perSegment))),
                withStalls, stallsTotal, SimReport.Summary.of(stalls), SimReport.Summary.of(stallSeconds),
                missedTotal, SimReport.Summary.of(missed), SimReport.Summary.of(toArray(startups)), neverStarted,
                failed, fairness(utilisation, wireUse, uploaded, uploadedTotal, uplinkMbps),
                SimReport.Summary.of(toArray(peersNow)),
                new SimReport.Cost(wallSeconds, partitions.executedTasks(),
                        wallSeconds == 0 ? 0 : now / 1e9 / wallSeconds, partitions.count(), partitions.threads()));
    }

    private static SimReport.Fairness fairness(double[] utilisation, double[] wireUse, double[] uploaded, long total,
                                               double[] uplinkMbps) {
        double sum = Arrays.stream(utilisation).sum();
        double squares = Arrays.stream(utilisation).map(x -> x * x).sum();
        double jain = squares == 0 ? 1 : sum * sum / (utilisation.length * squares);
        double[] sorted = uploaded.clone();
        Arrays.sort(sorted);
        int top = Math.max(1, sorted.length / 10);
        double topSum = 0;
        for (int i = sorted.length - top; i < sorted.length; i++) {
            topSum += sorted[i];
        }
        return new SimReport.Fairness(jain, utilisation.length == 0 ? 0 : sum / utilisation.length,
                total == 0 ? 0 : topSum / total, total, useByUplink(utilisation, wireUse, uplinkMbps));
    }

    /** Mean uplink use (payload and wire) per uplink speed, slowest first. */
    static List<SimReport.UplinkUse> useByUplink(double[] utilisation, double[] wireUse, double[] uplinkMbps) {
        TreeMap<Double, double[]> bySpeed = new TreeMap<>(); // speed -> {viewers, sum of use, sum of wire use}
        for (int i = 0; i < utilisation.length; i++) {
            double[] a = bySpeed.computeIfAbsent(uplinkMbps[i], k -> new double[3]);
            a[0]++;
            a[1] += utilisation[i];
            a[2] += wireUse[i];
        }
        List<SimReport.UplinkUse> uses = new ArrayList<>();
        bySpeed.forEach((speed, a) -> uses.add(new SimReport.UplinkUse(speed, (int) a[0], a[1] / a[0], a[2] / a[0])));
        return uses;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
