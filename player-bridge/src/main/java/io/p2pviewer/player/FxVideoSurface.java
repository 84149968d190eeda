package io.p2pviewer.player;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video surface of a JavaFX player: hands libVLC's buffer and frames to an {@link FxVideoView}.
 *
 * <p>Threading: called on libVLC's video output thread and the bridge's control thread; it only
 * posts to the JavaFX thread ({@link Platform#runLater}), never waits for it. At most one frame
 * update is pending on the JavaFX thread at a time: a frame that arrives while one is pending is
 * dropped (the pending update shows the newest pixels anyway). libVLC writes each picture into the
 * one buffer JavaFX reads, so a rare torn picture is possible, as with any single-buffer surface.
 */
final class FxVideoSurface extends CountingVideoSurface {

    private static final Logger log = LoggerFactory.getLogger(FxVideoSurface.class);

    private final FxVideoView view;
    private final AtomicBoolean updatePending = new AtomicBoolean();

    FxVideoSurface(FxVideoView view) {
        this.view = view;
    }

    @Override
    void buffersAllocated(int width, int height, ByteBuffer pixels) {
        IntBuffer ints = pixels.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
        runLater(() -> view.attachBuffer(width, height, ints));
    }

    @Override
    void frameReady() {
        if (updatePending.compareAndSet(false, true)) {
            runLater(() -> {
                updatePending.set(false);
                view.presentFrame();
            });
        }
    }

    @Override
    void videoSizeKnown(int width, int height) {
        runLater(() -> view.setVideoSize(width, height));
    }

    private void runLater(Runnable task) {
        try {
            Platform.runLater(task);
        } catch (IllegalStateException e) {
            updatePending.set(false);
            log.debug("JavaFX is not running; video frame not shown", e);
        }
    }
}
