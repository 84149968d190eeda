package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Numbers for the report: time from {@code play()} to the first frame, CPU and RSS while playing.
 * Run with {@code xvfb-run -a mvn -Pbench -pl player-bridge verify}; prints lines starting "BENCH".
 */
@Tag("bench")
class PlaybackBenchIT {

    private static final Duration WINDOW = Duration.ofSeconds(8);
    private static EncryptedHlsServer origin;

    @BeforeAll
    static void startOrigin() {
        origin = EncryptedHlsServer.start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void timeToFirstFrameHeadless() {
        List<Long> freshPlayers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
                freshPlayers.add(firstFrameMillis(player));
            }
        }
        List<Long> samePlayer = new ArrayList<>();
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                samePlayer.add(firstFrameMillis(player));
            }
        }
        System.out.println("BENCH first frame, new player each time (ms): " + freshPlayers
                + " median " + median(freshPlayers));
        System.out.println("BENCH first frame, one player, 5 plays (ms): " + samePlayer
                + " median " + median(samePlayer));
        assertThat(median(freshPlayers)).isLessThan(5_000);
        assertThat(median(samePlayer)).isLessThan(5_000);
    }

    @Test
    void cpuAndMemoryWhilePlayingHeadless() throws Exception {
        try (PlayerBridge player = VlcjPlayerBridge.headless(PlayerOptions.defaults())) {
            player.play(origin.goodPlaylist().toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> player.status().framesDisplayed() > 0);
            Usage usage = measure(() -> player.status().framesDisplayed());
            System.out.println("BENCH headless: " + usage);
            assertThat(usage.framesPerSecond()).isGreaterThan(15);
        }
    }

    @Test
    void cpuAndMemoryWhilePlayingInJavaFx() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        try (FxPlayer player = VlcjPlayerBridge.forJavaFx(PlayerOptions.defaults())) {
            Stage stage = onFx(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(player.view(), 640, 360));
                s.show();
                return s;
            });
            try {
                player.bridge().play(origin.goodPlaylist().toString());
                await().atMost(Duration.ofSeconds(20)).until(() -> player.bridge().status().framesDisplayed() > 0);
                long presentedBefore = onFx(() -> player.view().framesPresented());
                Usage usage = measure(() -> player.bridge().status().framesDisplayed());
                long presented = onFx(() -> player.view().framesPresented()) - presentedBefore;
                System.out.printf("BENCH JavaFX 640x360 window: %s, presented %.1f fps%n", usage,
                        presented / (double) WINDOW.toSeconds());
                assertThat(usage.framesPerSecond()).isGreaterThan(15);
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
        }
    }

    private record Usage(double cpuPercentOfOneCore, long rssMegabytes, double framesPerSecond) {
        @Override
        public String toString() {
            return String.format("CPU %.1f%% of one core (whole JVM), RSS %d MB, %.1f distinct frames/s",
                    cpuPercentOfOneCore, rssMegabytes, framesPerSecond);
        }
    }

    private static Usage measure(Callable<Long> frames) throws Exception {
        long cpuBefore = cpuTicks();
        long framesBefore = frames.call();
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuTicks() - cpuBefore) / 100.0 / seconds * 100.0;
        return new Usage(cpu, rssKilobytes() / 1024, (frames.call() - framesBefore) / seconds);
    }

    private static long firstFrameMillis(PlayerBridge player) {
        RecordingListener events = new RecordingListener();
        player.addListener(events);
        player.play(origin.goodPlaylist().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.ofType(PlayerEvent.FirstFrame.class).isEmpty());
        player.removeListener(events);
        player.stop();
        return events.ofType(PlayerEvent.FirstFrame.class).get(0).sincePlay().toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** utime + stime of this process in clock ticks (100 per second on Linux). */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long rssKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }
}
