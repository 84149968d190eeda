package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JavaFX surface in a real window; needs a display (run under {@code xvfb-run -a}). */
class FxVideoViewIT {

    private static EncryptedHlsServer origin;

    @BeforeAll
    static void startJavaFxAndOrigin() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        assertThat(started.await(30, TimeUnit.SECONDS)).as("JavaFX started").isTrue();
        origin = EncryptedHlsServer.start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void showsTheMovingVideoAtItsTrueAspectRatio() throws Exception {
        try (FxPlayer player = VlcjPlayerBridge.forJavaFx(PlayerOptions.defaults())) {
            FxVideoView view = player.view();
            Stage stage = showPlaying(player);
            try {

                Image image = onFx(() -> view.imageView().getImage());
                assertThat(onFx(() -> view.videoWidthProperty().get())).isEqualTo(320);
                assertThat(onFx(() -> view.videoHeightProperty().get())).isEqualTo(180);
                assertThat(image.getWidth()).isEqualTo(player.bridge().status().videoWidth());
                assertThat(image.getHeight()).as("libVLC's padded buffer height").isBetween(180.0, 200.0);
                double shownWidth = onFx(() -> view.imageView().getBoundsInParent().getWidth());
                double shownHeight = onFx(() -> view.imageView().getBoundsInParent().getHeight());
                assertThat(shownWidth).isCloseTo(640.0, within(1.0));
                assertThat(shownWidth / shownHeight).isCloseTo(320.0 / 180.0, within(0.01));

                int[] first = snapshotPixels(view);
                Thread.sleep(1000);
                int[] second = snapshotPixels(view);

                assertThat(first).hasSameSizeAs(second);
                assertThat(nonBlackShare(first)).as("share of the window showing the picture")
                        .isGreaterThan(0.6);
                assertThat(changedShare(first, second)).as("share of pixels that changed in 1 s").isGreaterThan(0.002);
                assertThat(player.bridge().status().framesDisplayed()).isGreaterThan(20);
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
        }
    }

    /**
     * The aspect choices on the 320x180 (16:9) clip in a 640x480 window: a forced shape letterboxes at that shape,
     * Stretch fills the window, Zoom fills it at the video's shape by cropping the sides (no black bars left), and
     * Auto returns to the video's own shape.
     */
    @Test
    void theAspectChoicesShapeAndCropThePicture() throws Exception {
        try (FxPlayer player = VlcjPlayerBridge.forJavaFx(PlayerOptions.defaults())) {
            FxVideoView view = player.view();
            Stage stage = showPlaying(player);
            try {
                assertThat(shown(view, VideoAspect.RATIO_4_3)).containsExactly(640.0, 480.0);
                assertThat(shown(view, VideoAspect.RATIO_235_1))
                        .containsExactly(640.0, Math.round(640 / 2.35 * 100) / 100.0);
                assertThat(shown(view, VideoAspect.RATIO_16_10)).containsExactly(640.0, 400.0);
                assertThat(onFx(() -> view.imageView().getViewport())).as("no crop but for Zoom").isNull();
                assertThat(shown(view, VideoAspect.STRETCH)).containsExactly(640.0, 480.0);
                assertThat(nonBlackShare(snapshotPixels(view))).as("Stretch leaves no bars").isGreaterThan(0.97);

                assertThat(shown(view, VideoAspect.ZOOM)).containsExactly(640.0, 480.0);
                double bufferWidth = onFx(() -> view.imageView().getImage().getWidth());
                double bufferHeight = onFx(() -> view.imageView().getImage().getHeight());
                var viewport = onFx(() -> view.imageView().getViewport());
                // 16:9 at 480 px high is 853 px wide: the middle 640 / 853 = 3/4 of the buffer's width shows.
                assertThat(viewport.getWidth()).isCloseTo(bufferWidth * 0.75, within(0.01));
                assertThat(viewport.getMinX()).isCloseTo(bufferWidth * 0.125, within(0.01));
                assertThat(viewport.getHeight()).isEqualTo(bufferHeight);
                assertThat(nonBlackShare(snapshotPixels(view))).as("Zoom leaves no bars").isGreaterThan(0.97);

                assertThat(shown(view, VideoAspect.AUTO)).containsExactly(640.0, 360.0);
                assertThat(nonBlackShare(snapshotPixels(view))).as("Auto letterboxes 16:9 in 4:3").isLessThan(0.8);
                assertThat(onFx(() -> view.imageView().getViewport())).isNull();
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
        }
    }

    /** The player's view in a 640x480 window, playing the good clip until it has shown a few frames. */
    private static Stage showPlaying(FxPlayer player) throws Exception {
        FxVideoView view = player.view();
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(view, 640, 480));
            s.show();
            return s;
        });
        player.bridge().play(origin.goodPlaylist().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() ->
                view.imageView().getImage() != null && view.videoWidthProperty().get() > 0
                        && view.framesPresented() > 5));
        return stage;
    }

    /** The picture's shown width and height (rounded to 0.01 px) once the view laid out {@code aspect}. */
    private static double[] shown(FxVideoView view, VideoAspect aspect) throws Exception {
        return onFx(() -> {
            view.aspectProperty().set(aspect);
            view.layout();
            var b = view.imageView().getBoundsInParent();
            return new double[] {Math.round(b.getWidth() * 100) / 100.0, Math.round(b.getHeight() * 100) / 100.0};
        });
    }

    private static int[] snapshotPixels(FxVideoView view) throws Exception {
        return onFx(() -> {
            WritableImage snapshot = view.snapshot(null, null);
            int width = (int) snapshot.getWidth();
            int height = (int) snapshot.getHeight();
            int[] pixels = new int[width * height];
            snapshot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
            return pixels;
        });
    }

    private static double nonBlackShare(int[] pixels) {
        long lit = 0;
        for (int p : pixels) {
            if ((p & 0xFFFFFF) != 0) {
                lit++;
            }
        }
        return (double) lit / pixels.length;
    }

    private static double changedShare(int[] a, int[] b) {
        long changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                changed++;
            }
        }
        return (double) changed / a.length;
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }
}
