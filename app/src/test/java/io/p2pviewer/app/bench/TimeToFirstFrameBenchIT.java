package io.p2pviewer.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerOptions;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks of the foundation, printed (not asserted beyond sanity): time to first frame through the engine vs
 * libVLC reading the origin directly, interleaved in one run; the engine's CPU and heap while libVLC plays the
 * 2.5 Mbit/s variant. Run: {@code xvfb-run -a mvn -Pbench verify -pl app -am}.
 */
@Tag("bench")
class TimeToFirstFrameBenchIT {
    private static final int ROUNDS = 11;

    @Test
    void timeToFirstFrameEngineVersusDirect() throws Exception {
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build());
             Engine engine = Engine.start(EngineConfig.builder().build());
             PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults());
             Playback playback = new Playback(engine, player, Clock.systemUTC())) {
            long[] direct = new long[ROUNDS];
            long[] viaEngine = new long[ROUNDS];
            firstFrame(player, () -> player.play(origin.masterUri().toString())); // warm-up: libVLC plugins
            for (int i = 0; i < ROUNDS; i++) {
                direct[i] = firstFrame(player, () -> player.play(origin.masterUri().toString()));
                viaEngine[i] = firstFrame(player, () -> playback.open(origin.masterUri()));
            }
            double d = median(direct);
            double e = median(viaEngine);
            System.out.printf(Locale.ROOT, "BENCH ttff direct   ms: %s median %.0f%n", Arrays.toString(direct), d);
            System.out.printf(Locale.ROOT, "BENCH ttff engine   ms: %s median %.0f%n", Arrays.toString(viaEngine), e);
            System.out.printf(Locale.ROOT, "BENCH ttff ratio engine/direct: %.2f (goal <= 1.10)%n", e / d);
            assertThat(d).isPositive();
            assertThat(e).isPositive();
        }
    }

    /** Wall time from the start action to the player's first frame, in ms. */
    private static long firstFrame(PlayerBridge player, Runnable start) throws InterruptedException {
        player.stop();
        Thread.sleep(300);
        return FirstFrames.after(player, start);
    }

    @Test
    void engineCpuAndHeapWhilePlayingTheHighVariant() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build());
             Engine engine = Engine.start(EngineConfig.builder().build());
             PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults());
             Playback playback = new Playback(engine, player, Clock.systemUTC())) {
            URI high = origin.baseUri().resolve("/live/720p/playlist.m3u8?token=" + origin.validToken());
            playback.open(high).get(10, TimeUnit.SECONDS);
            Thread.sleep(5000); // settle
            Map<Long, Long> before = engineThreadCpu(threads);
            long processBefore = processCpuNanos();
            long t0 = System.nanoTime();
            List<Long> heap = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Thread.sleep(1000);
                playback.tick();
                heap.add(memory.getHeapMemoryUsage().getUsed());
            }
            long wall = System.nanoTime() - t0;
            Map<Long, Long> after = engineThreadCpu(threads);
            long engineCpu = 0;
            for (var e : after.entrySet()) {
                engineCpu += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
            long processCpu = processCpuNanos() - processBefore;
            System.gc();
            Thread.sleep(300);
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            var snap = playback.session().orElseThrow().snapshot();
            System.out.printf(Locale.ROOT, "BENCH engine threads CPU while playing 720p (2.7 Mbit/s): %.2f%% of one core%n",
                    100.0 * engineCpu / wall);
            System.out.printf(Locale.ROOT, "BENCH whole process CPU (engine + libVLC decode): %.1f%% of one core%n",
                    100.0 * processCpu / wall);
            System.out.printf(Locale.ROOT, "BENCH heap used: max %.1f MiB, after GC %.1f MiB, engine cache %.1f MiB%n",
                    heap.stream().mapToLong(Long::longValue).max().orElse(0) / 1048576.0, heapAfterGc / 1048576.0,
                    snap.cacheBytes() / 1048576.0);
            assertThat(snap.totalServedBytes()).isPositive();
        }
    }

    /** CPU time of the engine's own threads: engine thread, proxy handlers, OkHttp. */
    private static Map<Long, Long> engineThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String n = info.getThreadName();
            if (n.equals("p2p-engine") || n.startsWith("loopback-proxy") || n.startsWith("OkHttp")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(long[] values) {
        return FirstFrames.median(values);
    }
}
