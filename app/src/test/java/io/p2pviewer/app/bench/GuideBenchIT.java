package io.p2pviewer.app.bench;

import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelFixtures;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.ui.UiThread;
import io.p2pviewer.app.ui.guide.GuideGridLayout;
import io.p2pviewer.app.ui.guide.GuideGridModel;
import io.p2pviewer.app.ui.guide.GuideGridView;
import io.p2pviewer.app.ui.guide.GuideService;
import io.p2pviewer.app.ui.guide.XmltvGuideLoader;
import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The programme guide at the size: a gzip XMLTV guide of 2,000 channels x 7 days (560,000 programmes)
 * read through {@link GuideService} (file source, its own thread) with the time to the guide published and the
 * heap per programme; then the grid over a 2,000-channel playlist scrolled diagonally one step per frame for 600
 * frames under Xvfb: frame intervals (pulse to pulse) and the grid's paint time. Prints numbers; nothing timed is
 * asserted.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class GuideBenchIT {
    /** The guide starts at the grid's first day (7 December in Berlin) and covers all seven. */
    private static final Instant FROM = Instant.parse("2026-12-06T23:00:00Z");

    @Test
    void guideServiceLoadAndGridScrollAtTwoThousandChannelsBySevenDays() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-guide"));
        Path file = dir.resolve("guide-2000x7d.xml.gz");
        long programmes = ChannelFixtures.writeGuide(file, 2_000, 7, FROM, true, 36 * 60);
        System.out.printf(Locale.ROOT, "BENCH guide input: %.1f MB gzip, %d programmes%n", Files.size(file) / 1e6,
                programmes);

        var memory = ManagementFactory.getMemoryMXBean();
        Guide guide = null;
        for (int round = 1; round <= 2; round++) {
            guide = null;
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            CompletableFuture<Guide> published = new CompletableFuture<>();
            try (ExecutorTaskScheduler thread = new ExecutorTaskScheduler("guide-loader", Clock.systemUTC());
                 XmltvGuideLoader loader = new XmltvGuideLoader();
                 GuideService service = new GuideService(loader, thread, UiThread.DIRECT)) {
                service.guide().addListener((o, a, b) -> published.complete(b));
                long t0 = System.nanoTime();
                service.setSources(List.of(file.toString()), List.of(), 12);
                guide = published.get(120, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.gc();
                long after = memory.getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "BENCH guide service round %d: %d programmes on %d channels published"
                                + " %.2f s after setSources; heap after GC %.1f bytes per programme (store estimate"
                                + " %.1f)%n", round, guide.store().programmeCount(), guide.store().channelCount(),
                        seconds, (double) (after - before) / programmes,
                        (double) guide.store().estimatedBytes() / programmes);
            }
        }
        assertThat(guide.store().programmeCount()).isEqualTo(programmes);

        List<Channel> channels = M3uReader.read(new StringReader(ChannelFixtures.playlist(2_000, 20, null)))
                .channels();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T19:30:00Z"), ZoneId.of("Europe/Berlin"));
        GuideGridModel model = new GuideGridModel(clock, new io.p2pviewer.app.ui.guide.ChannelPlayer() {
            @Override
            public void play(Channel channel) {
            }

            @Override
            public void replay(Channel channel, io.p2pviewer.app.channels.guide.Programme programme,
                               io.p2pviewer.app.channels.CatchupUrl.Archive archive) {
            }
        }); // the bench only paints
        Guide loaded = guide;
        GuideGridView grid = onFx(() -> {
            model.setChannels(channels);
            model.setGuide(loaded);
            model.setPlaying(channels.get(1000));
            GuideGridView view = new GuideGridView(model);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
            view.showPlaying();
            return view;
        });
        // Baseline: the same window, the grid still (what the loaded machine's pulses cost with nothing to draw).
        Frames still = frames(grid, 60, false);
        Frames moving = frames(grid, 600, true);
        System.out.printf(Locale.ROOT, "BENCH guide grid still (%d frames): frame interval median %.1f ms, p95 %.1f"
                + " ms%n", still.n, pct(still.intervals, still.n, 50), pct(still.intervals, still.n, 95));
        long[] intervals = moving.intervals;
        long[] paints = moving.paints;
        int n = moving.n;
        double elapsed = moving.seconds;
        int rows = onFx(() -> grid.paintedRows().size());
        double cells = Arrays.stream(moving.cells, 0, Math.max(1, n)).average().orElse(0);
        System.out.printf(Locale.ROOT, "BENCH guide grid scroll (1200x800, %d rows, %.0f programmes on screen on average, %d"
                        + " frames in %.1f s): frame interval median %.1f ms, p95 %.1f ms, max %.1f ms; paint median"
                        + " %.2f ms, p95 %.2f ms, max %.2f ms%n", rows, cells, n, elapsed,
                pct(intervals, n, 50), pct(intervals, n, 95), pct(intervals, n, 100), pct(paints, n, 50),
                pct(paints, n, 95), pct(paints, n, 100));
        assertThat(rows).isBetween(15, 20);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    /** Frame intervals and the grid's paint times over {@code frames} pulses (at most 90 s). */
    private record Frames(long[] intervals, long[] paints, long[] cells, int n, double seconds) {
    }

    private static Frames frames(GuideGridView grid, int frames, boolean scroll) throws Exception {
        long[] intervals = new long[frames];
        long[] paints = new long[frames];
        long[] cells = new long[frames];
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] measured = new int[1];
        long started = System.nanoTime();
        double row = GuideGridLayout.ROW_HEIGHT;
        onFx(() -> {
            new AnimationTimer() {
                long last;
                int i = -1;

                @Override
                public void handle(long now) {
                    if (i >= 0) {
                        intervals[i] = now - last;
                        paints[i] = grid.lastPaintNanos();
                        cells[i] = grid.paintedRows().stream().mapToInt(r -> r.cells().size()).sum();
                        measured[0] = i + 1;
                    }
                    last = now;
                    if (++i == frames || now - started > TimeUnit.SECONDS.toNanos(90)) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    if (scroll) {
                        // Diagonal: 3 rows down and 10 minutes across per frame (back to the start at the end).
                        var v = grid.verticalBar();
                        var h = grid.horizontalBar();
                        v.setValue(v.getValue() + 3 * row > v.getMax() ? 0 : v.getValue() + 3 * row);
                        h.setValue(h.getValue() + 40 > h.getMax() ? 0 : h.getValue() + 40);
                    }
                }
            }.start();
            return null;
        });
        done.get(150, TimeUnit.SECONDS);
        return new Frames(intervals, paints, cells, measured[0], (System.nanoTime() - started) / 1e9);
    }

    private static double pct(long[] values, int n, int p) {
        long[] s = Arrays.copyOf(values, Math.max(1, n));
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }
}
