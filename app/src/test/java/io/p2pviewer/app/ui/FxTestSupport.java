package io.p2pviewer.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** What the UI tests share: running on the FX thread, reading labels, node snapshots and screenshots. */
public final class FxTestSupport {
    /** Screenshots are build artifacts. */
    public static final Path SHOTS = Path.of("target", "screenshots");

    private FxTestSupport() {
    }

    /** Runs {@code c} on the FX thread and returns its result (10 s at most). */
    public static <T> T onFx(Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the window as the command line would with {@code argument} (null: none), with fresh settings in a
     * temporary XDG directory (never the user's), and shows the stage; on the FX thread.
     */
    public static ViewerRuntime openWindow(FxRobot robot, javafx.stage.Stage stage, String argument)
            throws IOException {
        io.p2pviewer.app.settings.XdgDirs dirs =
                io.p2pviewer.app.settings.XdgDirs.under(Files.createTempDirectory("window-it"));
        ViewerRuntime[] made = new ViewerRuntime[1];
        robot.interact(() -> {
            try {
                made[0] = new ViewerRuntime(stage, new AppLaunch.Options(argument, true, java.util.List.of(), 0),
                        dirs);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stage.show();
        });
        return made[0];
    }

    /**
     * Clicks the middle of the visible node {@code query} finds, its place read on the FX thread. TestFX's own
     * {@code clickOn(query)} reads node bounds on the test thread, which races the FX thread's layout (TestFX issue
     * 813: "IndexOutOfBoundsException: Index -1" from Parent.updateCachedBounds, seen in CI).
     */
    public static FxRobot click(FxRobot robot, String query) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Node[] found = new Node[1];
        org.awaitility.Awaitility.await("a visible node for " + query).atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> (found[0] = onFx(() -> robot.lookup(query).match(Node::isVisible).tryQuery()
                        .orElse(null))) != null);
        return click(robot, found[0]);
    }

    /** Clicks the middle of {@code node}, its place read on the FX thread. */
    public static FxRobot click(FxRobot robot, Node node) {
        return clickAt(robot, node, 0.5);
    }

    /** Clicks {@code node} at {@code fraction} of its width, halfway down, its place read on the FX thread. */
    public static FxRobot clickAt(FxRobot robot, Node node, double fraction) {
        javafx.geometry.Point2D point = onFx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            if (b == null) {
                throw new IllegalStateException("not on screen: " + node);
            }
            return new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * fraction, b.getCenterY());
        });
        robot.clickOn(point);
        return robot;
    }

    /** The text of the label with this id. */
    public static String text(FxRobot robot, String id) {
        return onFx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    public static WritableImage snapshot(Node node) {
        return onFx(() -> node.snapshot(null, null));
    }

    /** Saves an image as target/screenshots/{@code name}. */
    public static void save(Image image, String name) throws IOException {
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name).toFile());
    }

    /** The share of pixels (every other row and column) that differ between two images of the same size. */
    public static double changedFraction(Image a, Image b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        long changed = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed / (double) ((w / 2) * (h / 2));
    }

    /** Waits (a minute at most) until the window's engine serves {@code url} to libVLC and frames are shown. */
    public static void awaitEngineFrames(ViewerRuntime runtime, String url) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            var status = runtime.playback().player().status();
            String source = runtime.playback().session().map(s -> s.sourceUri().toString()).orElse("");
            org.assertj.core.api.Assertions.assertThat(source.equals(url) && status.framesDisplayed() > 5)
                    .as("%s on %s", status, source).isTrue();
        });
    }
}
