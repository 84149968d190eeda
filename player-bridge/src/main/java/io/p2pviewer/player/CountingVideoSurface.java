package io.p2pviewer.player;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * A libVLC callback video surface (RV32 pixels: one int per pixel, 0xAARRGGBB in native byte order)
 * that counts the pictures libVLC displays; subclasses decide what to do with the pixels.
 *
 * <p>libVLC 3 redisplays its last picture every 80 ms when no new one is due (while paused,
 * buffering or stalled). Such repeats are not counted: a picture counts when a sparse fingerprint
 * of its pixels (at most 4096 samples) differs from the previous picture's. A truly frozen picture
 * therefore counts once, which is what the no-progress watchdog needs.
 *
 * <p>Threading: the vlcj callbacks run on libVLC's video output thread; they never block and never
 * call libVLC. The pixel buffer belongs to vlcj (a direct {@link ByteBuffer}, kept alive by whoever
 * references it); libVLC writes each frame into it before {@code display}.
 *
 * <p>libVLC 3 hands this surface a padded size (320x194 for 320x180 video) and scales the picture
 * to fill it: the true size comes from the player after the first frame (see {@link Listener}).
 */
abstract class CountingVideoSurface implements BufferFormatCallback, RenderCallback {

    /** Receives the surface's notifications, on libVLC's video output thread; must not block. */
    interface Listener {
        /** The first frame since {@link #beginPlayback()} was displayed at {@code at}. */
        void onFirstFrame(Instant at);

        /** A frame in a new buffer format was displayed: the true video size should be read now. */
        void onNewFormatDisplayed();
    }

    private static final Logger log = LoggerFactory.getLogger(CountingVideoSurface.class);

    private static final int FINGERPRINT_SAMPLES = 4096;

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicBoolean newFormat = new AtomicBoolean();
    private volatile Listener listener;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int bufferWidth;
    private volatile int bufferHeight;
    private volatile IntBuffer pixels;
    private volatile boolean fingerprinted;
    private long lastFingerprint;

    /** Connects the surface to its bridge; call before playback starts. */
    final void bind(Listener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** Resets the frame count for a new {@code play()}; call while libVLC is stopped. */
    final void beginPlayback() {
        frames.set(0);
        repeats.set(0);
        fingerprinted = false;
    }

    /** Distinct pictures displayed since {@link #beginPlayback()}. */
    final long frames() {
        return frames.get();
    }

    /** Repeated pictures (libVLC redisplaying the same picture) since {@link #beginPlayback()}. */
    final long repeats() {
        return repeats.get();
    }

    /** Width of libVLC's (padded) buffer, 0 before the first format. */
    final int bufferWidth() {
        return bufferWidth;
    }

    /** Height of libVLC's (padded) buffer, 0 before the first format. */
    final int bufferHeight() {
        return bufferHeight;
    }

    /** The bridge learnt the true video size; called on the bridge's control thread. */
    void videoSizeKnown(int width, int height) {
    }

    /** A new pixel buffer was allocated (libVLC thread); {@code pixels} holds width x height RV32 pixels. */
    void buffersAllocated(int width, int height, ByteBuffer pixels) {
    }

    /** libVLC finished writing a new picture into the buffer (libVLC thread); must not block. */
    void frameReady() {
    }

    @Override
    public final BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
        bufferWidth = sourceWidth;
        bufferHeight = sourceHeight;
        newFormat.set(true);
        return new RV32BufferFormat(sourceWidth, sourceHeight);
    }

    @Override
    public final void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
        // getBufferFormat already recorded the size.
    }

    @Override
    public final void allocatedBuffers(ByteBuffer[] buffers) {
        pixels = buffers[0].duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
        fingerprinted = false;
        try {
            buffersAllocated(bufferWidth, bufferHeight, buffers[0]);
        } catch (RuntimeException e) {
            log.warn("Video surface failed to take its buffer", e);
        }
    }

    @Override
    public final void lock(MediaPlayer mediaPlayer) {
    }

    @Override
    public final void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat,
                              int displayWidth, int displayHeight) {
        try {
            if (!isNewPicture()) {
                repeats.incrementAndGet();
                return;
            }
            long count = frames.incrementAndGet();
            Listener l = listener;
            if (l != null) {
                if (count == 1) {
                    l.onFirstFrame(clock.instant());
                }
                if (newFormat.compareAndSet(true, false)) {
                    l.onNewFormatDisplayed();
                }
            }
            frameReady();
        } catch (RuntimeException e) {
            log.warn("Video surface failed to handle a frame", e);
        }
    }

    @Override
    public final void unlock(MediaPlayer mediaPlayer) {
    }

    private boolean isNewPicture() {
        IntBuffer p = pixels;
        if (p == null) {
            return true;
        }
        int length = p.capacity();
        int step = Math.max(1, length / FINGERPRINT_SAMPLES) | 1;
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i += step) {
            hash = (hash ^ p.get(i)) * 0x100000001b3L;
        }
        boolean fresh = !fingerprinted || hash != lastFingerprint;
        lastFingerprint = hash;
        fingerprinted = true;
        return fresh;
    }

    /** Asks for the true size to be read again after the next frame (the last read found none). */
    final void retryVideoSize() {
        newFormat.set(true);
    }
}
