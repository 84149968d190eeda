package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.swarm.SwarmFootprint;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of the adversary suite (issue 24): an engine ({@link LiveEngineFixture}), an honest holder (which serves the
 * engine) and an honest leecher (which the engine serves), a player asking for a segment every 2 s for
 * {@link #ATTACK}, and whatever adversaries the caller lets loose. Records the player's missed deadlines, the peak
 * {@link SwarmFootprint}, the engine thread's CPU time. Runs on the fixture's engine thread (the caller's).
 */
final class AttackRun {
    /** One segment duration: the time every offender must be dropped or throttled within. */
    static final Duration SEGMENT = Duration.ofSeconds(2);
    static final Duration ATTACK = Duration.ofSeconds(30);
    static final String HOLDER = "-PV0100-holder000001";
    static final String LEECHER = "-PV0100-leecher00001";
    final LiveEngineFixture engine;
    final boolean withPeers;
    final HonestHolder holder = new HonestHolder();
    final HonestLeecher leecher = new HonestLeecher();
    SwarmFootprint peak = new SwarmFootprint(0, 0, 0, 0, 0);
    StreamController controller;
    long missed;
    long cpuMillis;
    /** Whether the run samples the heap after a full GC every 5 s (for benchmarks; the GCs' waits are not in the CPU). */
    boolean sampleHeap;
    /** The largest heap in use after a GC among the samples, bytes. */
    long peakHeapAfterGc;
    Instant attackStart;
    int asked;
    final Set<Long> played = new HashSet<>();

    /** A run in virtual time. */
    AttackRun(boolean withPeers) {
        this(withPeers, new LiveEngineFixture());
    }

    AttackRun(boolean withPeers, LiveEngineFixture engine) {
        this.withPeers = withPeers;
        this.engine = engine;
    }

    /** Opens the engine, lets the honest peers join, then the adversaries, and plays for {@link #ATTACK}. */
    void attack(Consumer<LiveEngineFixture> adversaries) throws Exception {
        controller = engine.open();
        engine.scheduler.advance(Duration.ofSeconds(4));
        if (withPeers) {
            holder.join(engine, "holder", HOLDER);
            leecher.join(engine, "leecher", LEECHER);
        }
        engine.scheduler.advance(Duration.ofMillis(200));
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        if (withPeers) {
            adversaries.accept(engine);
        }
        attackStart = engine.scheduler.now();
        long next = engine.origin.edge() - 3;
        for (int k = 0; k < 3; k++) {
            ask(next++);
        }
        Instant end = attackStart.plus(ATTACK);
        Instant nextAsk = attackStart.plus(SEGMENT);
        long gcCpu = 0;
        for (int step = 1; engine.scheduler.now().isBefore(end); step++) {
            engine.advance(Duration.ofMillis(100));
            if (sampleHeap && step % 50 == 0) {
                long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                peakHeapAfterGc = Math.max(peakHeapAfterGc, heapAfterGc());
                gcCpu += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before;
            }
            if (!engine.scheduler.now().isBefore(nextAsk)) {
                ask(next++);
                nextAsk = nextAsk.plus(SEGMENT);
            }
            controller.swarmFootprints().forEach(f -> peak = new SwarmFootprint(
                    Math.max(peak.peers(), f.peers()), Math.max(peak.indexedIds(), f.indexedIds()),
                    Math.max(peak.downloadBytes(), f.downloadBytes()),
                    Math.max(peak.downloadCapacity(), f.downloadCapacity()),
                    Math.max(peak.departed(), f.departed())));
        }
        cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu - gcCpu) / 1_000_000;
        missed = controller.snapshot().missedDeadlines();
        engine.advance(Duration.ofSeconds(5)); // the last, patient requests are due
        assertThat(played).as("the player got every segment it asked for, intact").hasSize(asked);
    }

    /** The heap in use after a full GC, bytes. */
    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The player asks for a segment; counted once it arrives with the origin's bytes. */
    private void ask(long seq) {
        asked++;
        controller.segment(0, seq).thenAccept(c -> {
            if (Arrays.equals(c.data(), FakeLiveOrigin.bytes(seq))) {
                played.add(seq);
            }
        });
    }

    /** What every attack must leave intact: deadlines as CDN-only, the honest peers connected and served. */
    void assertHonestPeersServed(long cdnOnlyMissed) {
        assertThat(missed).as("missed deadlines, against a CDN-only run").isLessThanOrEqualTo(cdnOnlyMissed);
        assertThat(info(HOLDER).connected()).as("the honest holder stays").isTrue();
        assertThat(info(LEECHER).connected()).as("the honest leecher stays").isTrue();
        assertThat(leecher.completed).as("segments the engine served the honest leecher").isGreaterThanOrEqualTo(10);
        assertThat(peerDelivered()).as("segments the honest holder delivered to the engine").isGreaterThanOrEqualTo(3);
    }

    /** Segments peers delivered to the engine. */
    long peerDelivered() {
        return engine.events.ofType(DeliveryEvent.Cached.class).stream().filter(c -> c.source() == DeliverySource.PEER)
                .count();
    }

    PeerInfo info(String peerId) {
        return controller.snapshot().peers().stream().filter(p -> p.peerId().equals(peerId)).findFirst()
                .orElseThrow(() -> new AssertionError("no peer " + peerId));
    }

    /** From the offender's connection (or the attack's start) to its drop; null if never dropped. */
    Duration dropAfter(WirePeer p) {
        return p.closedAt == null ? null
                : Duration.between(p.connectedAt == null ? attackStart : p.connectedAt, p.closedAt);
    }

    /** From the engine's first request to the offender until its first cancel (or drop); null if neither. */
    Duration firstCancelAfter(WirePeer p) {
        if (p.requestTimes.isEmpty()) {
            return null;
        }
        Instant end = !p.cancelTimes.isEmpty() ? p.cancelTimes.get(0) : p.closedAt;
        return end == null ? null : Duration.between(p.requestTimes.get(0), end);
    }
}
