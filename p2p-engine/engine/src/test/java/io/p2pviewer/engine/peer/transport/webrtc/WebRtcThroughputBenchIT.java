package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.testing.NetnsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of 32 MiB through our {@link WebRtcPeerChannel} against webrtc-java used directly
 * ({@link RawTestEndpoint}), both between two JVMs in one network namespace, in the same run: a warm-up transfer
 * each, then rounds alternating raw and ours. Prints MB/s (10^6 bytes, timed by the receiver from its first to its
 * last message), the ratio of the medians and the median of each round's ratio (the two transfers of a round run
 * back to back, so they share the machine's load); the goal is at least 0.8. The machine's other load makes single
 * transfers vary by a factor of two or more, so it also prints the CPU time sender and receiver JVMs spent per
 * transfer, which the load disturbs less. Run with
 * {@code mvn -Pbench -pl p2p-engine/engine -am verify -Dit.test=WebRtcThroughputBenchIT}.
 */
@Tag("bench")
class WebRtcThroughputBenchIT {
    private static final long TOTAL = 32L << 20;
    private static final int ROUNDS = 7;

    @Test
    void ourChannelAgainstRawWebRtcJava() {
        int size = Integer.getInteger("bench.messageSize", 65535);
        try (NetnsFixture ns = NetnsFixture.create()) {
            TestPeerProcess rawA = TestPeerProcess.start(ns, "raw-a", "raw");
            TestPeerProcess rawB = TestPeerProcess.start(ns, "raw-b", "raw");
            List<String> options = System.getProperty("bench.peerOptions", "").isBlank() ? List.of()
                    : List.of(System.getProperty("bench.peerOptions").trim().split("\\s+"));
            TestPeerProcess oursA = TestPeerProcess.start(ns, "ours-a", "transport", options);
            TestPeerProcess oursB = TestPeerProcess.start(ns, "ours-b", "transport", options);
            TestPeerProcess.connect(rawA, rawB);
            TestPeerProcess.connect(oursA, oursB);
            transfer(rawA, rawB, size);
            transfer(oursA, oursB, size);
            List<Double> raw = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            Duration[] rawCpu = {Duration.ZERO, Duration.ZERO};
            Duration[] oursCpu = {Duration.ZERO, Duration.ZERO};
            for (int round = 0; round < ROUNDS; round++) {
                raw.add(measured(rawA, rawB, size, rawCpu));
                ours.add(measured(oursA, oursB, size, oursCpu));
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                ratios.add(ours.get(i) / raw.get(i));
            }
            double rawMedian = median(raw);
            double oursMedian = median(ours);
            System.out.printf("WebRTC 32 MiB in %d-byte messages, two JVMs in one namespace, %d rounds %s%n", size,
                    ROUNDS, options);
            System.out.printf("  raw webrtc-java : %s MB/s, median %.1f%n", format(raw), rawMedian);
            System.out.printf("  WebRtcPeerChannel: %s MB/s, median %.1f%n", format(ours), oursMedian);
            System.out.printf("  CPU per 32 MiB  : raw sender %d ms, receiver %d ms; ours sender %d ms, "
                    + "receiver %d ms%n",
                    rawCpu[0].toMillis() / ROUNDS, rawCpu[1].toMillis() / ROUNDS, oursCpu[0].toMillis() / ROUNDS,
                    oursCpu[1].toMillis() / ROUNDS);
            System.out.printf("  ratio ours/raw  : %.2f of the medians, %.2f median of the rounds' ratios %s"
                    + " (goal >= 0.80)%n", oursMedian / rawMedian, median(ratios), format(ratios));
            for (TestPeerProcess p : List.of(rawA, rawB, oursA, oursB)) {
                p.command("exit");
                assertThat(p.awaitExit(Duration.ofSeconds(30))).as(p + " exit code").isZero();
            }
            assertThat(oursA.events("closed")).as("no overflow close").containsExactly("transport closed");
        }
    }

    /** {@link #transfer}, adding the CPU time of sender and receiver (whole JVMs) to cpu[0] and cpu[1]. */
    private static double measured(TestPeerProcess a, TestPeerProcess b, int size, Duration[] cpu) {
        Duration a0 = a.cpuTime();
        Duration b0 = b.cpuTime();
        double mbs = transfer(a, b, size);
        cpu[0] = cpu[0].plus(a.cpuTime().minus(a0));
        cpu[1] = cpu[1].plus(b.cpuTime().minus(b0));
        return mbs;
    }

    /** One transfer of 32 MiB from a to b, checked; returns MB/s as timed by b. */
    private static double transfer(TestPeerProcess a, TestPeerProcess b, int size) {
        b.command("expect " + TestPayload.count(TOTAL, size));
        a.command("send " + TOTAL + " " + size);
        String received = b.await("received", Duration.ofSeconds(120));
        String queued = a.await("queued", Duration.ofSeconds(120));
        String[] w = received.split(" ");
        assertThat(w[0] + " " + w[1] + " " + w[2]).as(a + " -> " + b).isEqualTo(queued);
        assertThat(w[3]).as("in order").isEqualTo("true");
        return TOTAL / (Long.parseLong(w[4]) / 1e9) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String format(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format(v < 10 ? "%.2f" : "%.1f", v)).toList());
    }
}
