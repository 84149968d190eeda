package io.p2pviewer.engine.sim;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.InMemorySignalling;
import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a {@link Scenario} in virtual time: the real engine code (stream controller, delivery scheduler, swarm,
 * peer protocol) of every viewer over the in-memory transport, with a {@link LinkNetwork} charging latency and
 * link capacity, a simulated CDN ({@link SimOrigin}) and a simulated tracker ({@link InMemorySignalling} with a
 * tracker model). Deterministic: the same scenario (seed included) gives the same report, wall-clock cost aside.
 *
 * <p>Single-threaded: {@link #run} drives everything on the calling thread and returns when the simulated
 * duration is over. One instance runs once.
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

    private final Scenario scenario;
    private final Clock wallClock;
    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    private final LinkNetwork links;
    private final SimOrigin origin;
    private final InMemoryNetwork peers;
    private final InMemorySignalling signalling;
    private final List<SimViewer> viewers = new ArrayList<>();
    private final Random random;
    private int present;
    private int peakPresent;

    /** @param wallClock measures the run's cost only; simulated time never reads it */
    public Simulation(Scenario scenario, Clock wallClock) {
        this.scenario = scenario;
        this.wallClock = wallClock;
        this.random = new Random(scenario.seed());
        this.links = new LinkNetwork(scheduler, scenario.payloadScale());
        this.origin = new SimOrigin(scheduler, links, scenario);
        this.peers = new InMemoryNetwork(scheduler::execute, links);
        Scenario.Tracker t = scenario.tracker();
        this.signalling = new InMemorySignalling(scheduler, new InMemorySignalling.Tracker(t.peersPerAnnounce(),
                t.announceInterval(), t.connectDelayMin(), t.connectDelayMax(), scenario.seed()));
    }

    /**
     * Runs the whole scenario.
     *
     * @param progressEvery wall time between progress reports
     * @param progress receives progress reports on this thread
     */
    public SimReport run(Duration progressEvery, Consumer<Progress> progress) {
        long wallStart = wallClock.millis();
        long end = scenario.duration().toNanos();
        int n = scenario.viewers();
        long ramp = scenario.ramp().toNanos();
        for (int i = 0; i < n; i++) {
            int index = i;
            scheduler.scheduleNanos(n == 1 ? 0 : ramp * i / n, () -> join(index));
        }
        List<SimReport.Sample> samples = new ArrayList<>();
        long sampleEvery = scenario.sampleEvery().toNanos();
        long nextSample = sampleEvery;
        long[] before = {0, 0};
        long lastProgress = wallClock.millis();
        for (long t = Math.min(STEP_NANOS, end); ; t = Math.min(t + STEP_NANOS, end)) {
            while (nextSample <= t) {
                scheduler.runUntilNanos(nextSample);
                samples.add(sample(nextSample, before));
                nextSample += sampleEvery;
            }
            scheduler.runUntilNanos(t);
            if (wallClock.millis() - lastProgress >= progressEvery.toMillis()) {
                lastProgress = wallClock.millis();
                long[] now = served();
                progress.accept(new Progress(t / 1e9, present, ratio(now[0], now[1])));
            }
            if (t >= end) {
                break;
            }
        }
        double wall = (wallClock.millis() - wallStart) / 1000.0;
        return report(samples, wall);
    }

    private void join(int index) {
        Random r = new Random(mix(scenario.seed(), index));
        double up = scenario.uplinkMbps().sample(r) * 125_000;
        double down = scenario.downlinkMbps().sample(r) * 125_000;
        long latency = (long) (scenario.latencyMs().sample(r) * 1e6);
        boolean nat = r.nextDouble() < scenario.natShare();
        int variant = pickVariant(r);
        String name = "v" + index;
        SimNode node = links.addNode(name, up, down, latency, nat);
        SimViewer v = new SimViewer(index, node, variant, up, scheduler, scenario);
        viewers.add(v);
        present++;
        peakPresent = Math.max(peakPresent, present);
        v.join(origin, peers, signalling);
        if (scenario.churnPerMinute() > 0) {
            double perSecond = scenario.churnPerMinute() / 60;
            double stay = -Math.log(1 - random.nextDouble()) / perSecond;
            scheduler.scheduleNanos((long) (stay * 1e9), () -> {
                v.leave();
                present--;
                links.removeNode(name);
                join(viewers.size());
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
        for (SimViewer v : viewers) {
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
        return new SimReport.Sample(at / 1e9, period, ratio(now[0], now[1]), present);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private SimReport report(List<SimReport.Sample> samples, double wallSeconds) {
        long now = scheduler.nanos();
        int count = viewers.size();
        double[] stalls = new double[count];
        double[] stallSeconds = new double[count];
        double[] missed = new double[count];
        List<Double> startups = new ArrayList<>();
        List<Double> peersNow = new ArrayList<>();
        double[] utilisation = new double[count];
        double[] uploaded = new double[count];
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
            double capacity = v.uplinkBytesPerSecond * v.presentSeconds(now);
            utilisation[i] = capacity > 0 ? uploaded[i] / capacity : 0;
        }
        long[] served = served();
        double offload = ratio(served[0], served[1]);
        double bound = scenario.offloadBound();
        int[][] fetches = origin.fetches();
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
                offload, bound, u, bound == 0 ? 0 : offload / bound, count, peakPresent, samples,
                new SimReport.Cdn(origin.segmentRequests(), origin.wireBytesServed(), served[1],
                        SimReport.Summary.of(toArray(perSegment))),
                withStalls, stallsTotal, SimReport.Summary.of(stalls), SimReport.Summary.of(stallSeconds),
                missedTotal, SimReport.Summary.of(missed), SimReport.Summary.of(toArray(startups)), neverStarted,
                failed, fairness(utilisation, uploaded, uploadedTotal), SimReport.Summary.of(toArray(peersNow)),
                new SimReport.Cost(wallSeconds, scheduler.executedTasks(),
                        wallSeconds == 0 ? 0 : now / 1e9 / wallSeconds));
    }

    private static SimReport.Fairness fairness(double[] utilisation, double[] uploaded, long total) {
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
                total == 0 ? 0 : topSum / total, total);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
