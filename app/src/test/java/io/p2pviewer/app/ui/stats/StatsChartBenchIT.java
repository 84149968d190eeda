package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.FxTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.player.PlayerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the stats panel costs, printed (asserted only for sanity): CPU time of the JavaFX application thread and of
 * the render thread while the shown panel is (a) not updated, (b) updated once a second in its chart only (the
 * chart's full 120-point window), (c) updated once a second everywhere (tiles, chart, 40-segment timeline, peer
 * table with 5 peers, counters). Animation is off. Run (about 3 min; {@code -Dbench.seconds=N} per phase):
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -B verify -pl app -am -Pbench -Dit.test=StatsChartBenchIT
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class StatsChartBenchIT {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private StatsViewModel model;

    @Start
    void start(Stage stage) {
        model = new StatsViewModel();
        stage.setScene(new Scene(new StatsView(model), 460, 760));
        stage.show();
    }

    @Test
    void chartCpuPerSecondOfUpdates() throws Exception {
        long fx = onFx(() -> Thread.currentThread().threadId());
        long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().threadId();
        // Fill the chart's window and the timeline first: every phase runs at full size.
        onFx(() -> {
            for (int i = 0; i < ThroughputChartViewModel.WINDOW_POINTS + 10; i++) {
                model.update(sample(i));
            }
            return null;
        });
        Thread.sleep(2000);

        Phase idle = run("idle", fx, renderer, i -> { });
        Phase chart = run("chart", fx, renderer, i -> model.chart().add(point(i)));
        Phase panel = run("panel", fx, renderer, i -> model.update(sample(i)));

        for (Phase p : List.of(idle, chart, panel)) {
            System.out.println(p);
        }
        System.out.printf(Locale.ROOT, "BENCH chart cpu: chart updates cost %.2f %% of one core (fx %.2f + render "
                        + "%.2f) over idle; the whole panel %.2f %% (goal: a few %%, <= 3 %%)%n",
                chart.percent() - idle.percent(), chart.fxPercent() - idle.fxPercent(),
                chart.renderPercent() - idle.renderPercent(), panel.percent() - idle.percent());
        assertThat(chart.ticks()).isGreaterThanOrEqualTo(SECONDS - 1);
        assertThat(panel.ticks()).isGreaterThanOrEqualTo(SECONDS - 1);
        assertThat(chart.fxNanos()).isPositive();
        assertThat(model.chart().windowProperty().get()).hasSize(ThroughputChartViewModel.WINDOW_POINTS);
    }

    private record Phase(String name, int ticks, double seconds, long fxNanos, long renderNanos) {
        double fxPercent() {
            return fxNanos / 1e9 / seconds * 100;
        }

        double renderPercent() {
            return renderNanos / 1e9 / seconds * 100;
        }

        double percent() {
            return fxPercent() + renderPercent();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "BENCH chart cpu %-5s %3d ticks in %.0f s: fx thread %6.0f ms "
                    + "(%.2f %%), render thread %6.0f ms (%.2f %%), together %.2f %% of one core", name, ticks,
                    seconds, fxNanos / 1e6, fxPercent(), renderNanos / 1e6, renderPercent(), percent());
        }
    }

    /** Runs {@code update} on the FX thread once a second for {@link #SECONDS} s and measures both threads. */
    private static Phase run(String name, long fx, long renderer, IntConsumer update) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long fx0 = THREADS.getThreadCpuTime(fx);
        long r0 = THREADS.getThreadCpuTime(renderer);
        long t0 = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> Platform.runLater(() -> update.accept(1000 + done.getAndIncrement())),
                1, 1, TimeUnit.SECONDS);
        Thread.sleep(SECONDS * 1000L + 500);
        ticker.shutdownNow();
        ticker.awaitTermination(2, TimeUnit.SECONDS);
        onFx(() -> null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Phase(name, done.get(), seconds, THREADS.getThreadCpuTime(fx) - fx0,
                THREADS.getThreadCpuTime(renderer) - r0);
    }

    private static ThroughputPoint point(int i) {
        return new ThroughputPoint(150_000 + 50_000 * Math.sin(i / 7.0), 180_000 + 60_000 * Math.cos(i / 5.0),
                i % 20 == 0 ? 90_000 : 0, 120_000 + 40_000 * Math.sin(i / 3.0));
    }

    private static StatsSample sample(int i) {
        ThroughputPoint p = point(i);
        long peerBytes = 1_000_000L * i;
        FakeSnapshot snap = FakeSnapshot.at(i)
                .source(DeliverySource.PEER, peerBytes, peerBytes, p.peer(), i)
                .source(DeliverySource.CDN, 1_200_000L * i, 1_200_000L * i, p.cdn(), i)
                .source(DeliverySource.FALLBACK, 10_000L * i, 10_000L * i, p.fallback(), i / 20)
                .upload(900_000L * i, p.upload());
        for (int k = 0; k < 5; k++) {
            snap.peer(FakeSnapshot.connected("-PV0100-benchpeer00" + k, 200_000L * i * (k + 1), 100_000L * i, 1e5));
        }
        EngineSnapshot e = snap.build();
        List<ServedSegment> segments = new ArrayList<>();
        for (int s = i - 39; s <= i; s++) {
            DeliverySource src = s % 7 == 0 ? DeliverySource.FALLBACK : s % 2 == 0 ? DeliverySource.PEER
                    : DeliverySource.CDN;
            segments.add(FakeSnapshot.segment(s, src, src == DeliverySource.PEER ? "-PV0100-benchpeer001" : null,
                    src == DeliverySource.PEER ? "sha256" : "origin"));
        }
        return new StatsSample(e, FakeSnapshot.PLAYING,
                new PlayerStats(i * 25L, i * 25L, 0, i * 40L, i * 40L, 0, 0.3f, 0.33f, 0, i * 1000L, 0, 0),
                0, Duration.ZERO, segments, Map.of());
    }

}
