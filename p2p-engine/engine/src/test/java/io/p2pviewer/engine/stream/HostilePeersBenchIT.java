package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What each adversary of the suite costs the engine: the standard run ({@link AttackRun}: an engine, an honest
 * holder and leecher, a player asking a segment every 2 s for 30 s of virtual time) under each attack and under
 * none, in this JVM. Prints a table of the engine thread's CPU time for the 30 s (the engine and the in-process peers
 * share that thread; median of 5 runs after a warm-up of each) and the heap in use after a full GC, the largest of
 * the samples taken every 5 s of the attack (median of the runs), each against the run without an attack. Run with
 * {@code mvn -Pbench verify -pl p2p-engine/engine -am -Dit.test=HostilePeersBenchIT
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class HostilePeersBenchIT {
    private static final int RUNS = 5;

    /** One attack: its name and how it starts on the engine. */
    private record Attack(String name, Consumer<LiveEngineFixture> start) {
        static Attack by(String name, Supplier<WirePeer> adversary) {
            return new Attack(name, e -> adversary.get().join(e, "mallory", Adversaries.MALLORY));
        }
    }

    @Test
    void cpuAndHeapUnderEachAttackAgainstNone() throws Exception {
        List<Attack> attacks = List.of(
                new Attack("none", e -> { }),
                Attack.by("request flood (1,000/s)", Adversaries.Flooder::new),
                Attack.by("announces, never sends", Adversaries::liar),
                Attack.by("half a segment, then stalls", Adversaries::staller),
                Attack.by("trickle 1 byte/s (declares 64 MiB)", Adversaries::trickler),
                Attack.by("data never asked for", Adversaries::pusher),
                Attack.by("malformed frame", Adversaries::garbler),
                Attack.by("oversized command (2.5 MiB)", Adversaries::bloater),
                Attack.by("announcement of 100,000 ids", Adversaries::boaster),
                new Attack("Sybil (100 ids, one address)",
                        e -> Adversaries.sybil(e, new ArrayList<>(), 0, new int[1])));
        for (Attack a : attacks) {
            run(a); // warm-up
        }
        long[][] results = new long[attacks.size()][];
        for (int i = 0; i < attacks.size(); i++) {
            long[] cpu = new long[RUNS];
            long[] heap = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                AttackRun run = run(attacks.get(i));
                cpu[r] = run.cpuMillis;
                heap[r] = run.peakHeapAfterGc;
            }
            results[i] = new long[] {median(cpu), median(heap)};
        }
        System.out.println("BENCH hostile peers: engine thread CPU per 30 s of attack and heap after GC, median of "
                + RUNS + " runs");
        System.out.printf(Locale.ROOT, "BENCH %-36s %8s %8s %12s %10s%n", "attack", "CPU ms", "vs none", "heap KiB",
                "vs none");
        for (int i = 0; i < attacks.size(); i++) {
            System.out.printf(Locale.ROOT, "BENCH %-36s %8d %+8d %12d %+10d%n", attacks.get(i).name(),
                    results[i][0], results[i][0] - results[0][0], results[i][1] >> 10,
                    (results[i][1] >> 10) - (results[0][1] >> 10));
        }
        assertThat(results[0][0]).as("the run without an attack used CPU").isPositive();
    }

    private static AttackRun run(Attack attack) throws Exception {
        AttackRun run = new AttackRun(true);
        run.sampleHeap = true;
        run.attack(attack.start());
        return run;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
