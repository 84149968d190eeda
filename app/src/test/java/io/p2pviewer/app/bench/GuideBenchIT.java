package io.p2pviewer.app.bench;

import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ChannelFixtures;
import io.p2pviewer.app.channels.M3uReader;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.ui.UiThread;
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
    private static final Instant FROM = Instant.parse("2026-12-05T00:00:00Z");

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
        GuideGridModel model = new GuideGridModel(clock, c -> { });
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
        int frames = 600;
        long[] intervals = new long[frames];
        long[] paints = new long[frames];
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] measured = new int[1];
        long started = System.nanoTime();
        onFx(() -> {
            new AnimationTimer() {
                long last;
                int i = -1;

                @Override
                public void handle(long now) {
                    if (i >= 0) {
                        intervals[i] = now - last;
                        paints[i] = grid.lastPaintNanos();
                        measured[0] = i + 1;
                    }
                    last = now;
                    if (++i == frames || now - started > TimeUnit.SECONDS.toNanos(90)) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    // Diagonal: 3 rows down and 10 minutes across per frame (over the 7 days, back at the end).
                    var v = grid.verticalBar();
                    var h = grid.horizontalBar();
                    v.setValue(v.getValue() + 3 * model.layout().rowHeight() > v.getMax() ? 0
                            : v.getValue() + 3 * model.layout().rowHeight());
                    h.setValue(h.getValue() + 40 > h.getMax() ? 0 : h.getValue() + 40);
                }
            }.start();
            return null;
        });
        done.get(150, TimeUnit.SECONDS);
        int n = measured[0];
        int rows = onFx(() -> grid.paintedRows().size());
        int cells = onFx(() -> grid.paintedRows().stream().mapToInt(r -> r.cells().size()).sum());
        System.out.printf(Locale.ROOT, "BENCH guide grid scroll (1200x800, %d rows and %d programmes on screen, %d"
                        + " frames in %.1f s): frame interval median %.1f ms, p95 %.1f ms, max %.1f ms; paint median"
                        + " %.2f ms, p95 %.2f ms, max %.2f ms%n", rows, cells, n, (System.nanoTime() - started) / 1e9,
                pct(intervals, n, 50), pct(intervals, n, 95), pct(intervals, n, 100), pct(paints, n, 50),
                pct(paints, n, 95), pct(paints, n, 100));
        assertThat(rows).isBetween(15, 20);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    private static double pct(long[] values, int n, int p) {
        long[] s = Arrays.copyOf(values, Math.max(1, n));
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }
}
