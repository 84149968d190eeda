package io.p2pviewer.player;

import java.nio.IntBuffer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Insets;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * A JavaFX node showing a player's video: an {@link ImageView} over a {@link PixelBuffer} that
 * wraps libVLC's own pixel buffer (no copy), scaled to fit the region with the video's true aspect
 * ratio and centred on a black background, or as {@link #aspectProperty()} asks (a forced shape, stretched, or
 * zoomed to fill the region with the picture's edges cropped).
 *
 * <p>libVLC 3 renders into a padded buffer (320x194 for 320x180 video) and scales the picture to
 * fill it, so the image is the whole buffer shown at the true aspect ratio (from
 * {@link #videoWidthProperty()} and {@link #videoHeightProperty()}), not a crop of it.
 *
 * <p>Threading: a normal JavaFX node, used on the JavaFX thread. The bridge allocates the
 * {@link PixelBuffer} and updates it on the JavaFX thread; when that thread is busy, frames are
 * dropped instead of queued. Obtain one from {@link VlcjPlayerBridge#forJavaFx(PlayerOptions)}.
 */
public final class FxVideoView extends Region {

    private static final double DEFAULT_WIDTH = 640;
    private static final double DEFAULT_HEIGHT = 360;

    private final ImageView imageView = new ImageView();
    private final ReadOnlyIntegerWrapper videoWidth = new ReadOnlyIntegerWrapper(this, "videoWidth");
    private final ReadOnlyIntegerWrapper videoHeight = new ReadOnlyIntegerWrapper(this, "videoHeight");
    private final ObjectProperty<VideoAspect> aspect = new SimpleObjectProperty<>(this, "aspect", VideoAspect.AUTO);
    private PixelBuffer<IntBuffer> pixelBuffer;
    private long framesPresented;

    FxVideoView() {
        getStyleClass().add("video-view");
        setStyle("-fx-background-color: black;");
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        imageView.setManaged(false);
        getChildren().add(imageView);
        setMinSize(0, 0);
        aspect.addListener((o, was, is) -> requestLayout());
    }

    /** How the picture fills the area ({@link VideoAspect#AUTO}: at the video's own shape); never null. */
    public ObjectProperty<VideoAspect> aspectProperty() {
        return aspect;
    }

    /** The true video width in pixels, 0 until known. */
    public ReadOnlyIntegerProperty videoWidthProperty() {
        return videoWidth.getReadOnlyProperty();
    }

    /** The true video height in pixels, 0 until known. */
    public ReadOnlyIntegerProperty videoHeightProperty() {
        return videoHeight.getReadOnlyProperty();
    }

    /**
     * Frames this view put on screen (fewer than the player displayed when the JavaFX thread was
     * busy); read it on the JavaFX thread.
     */
    public long framesPresented() {
        return framesPresented;
    }

    /** The image view inside (for tests). */
    ImageView imageView() {
        return imageView;
    }

    /** Shows a new libVLC buffer of width x height pixels; FX thread. */
    void attachBuffer(int width, int height, IntBuffer pixels) {
        pixelBuffer = new PixelBuffer<>(width, height, pixels, PixelFormat.getIntArgbPreInstance());
        imageView.setImage(new WritableImage(pixelBuffer));
        requestLayout();
    }

    /** Tells JavaFX the buffer holds a new frame; FX thread. */
    void presentFrame() {
        if (pixelBuffer != null) {
            pixelBuffer.updateBuffer(buffer -> null);
            framesPresented++;
        }
    }

    /** Records the true video size; FX thread. */
    void setVideoSize(int width, int height) {
        videoWidth.set(width);
        videoHeight.set(height);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double areaX = insets.getLeft();
        double areaY = insets.getTop();
        double areaWidth = Math.max(0, getWidth() - insets.getLeft() - insets.getRight());
        double areaHeight = Math.max(0, getHeight() - insets.getTop() - insets.getBottom());
        VideoAspect mode = aspect.get() == null ? VideoAspect.AUTO : aspect.get();
        double shape = mode.ratio() > 0 ? mode.ratio() : aspectRatio();
        double width = areaWidth;
        double height = areaWidth / shape;
        boolean cover = mode == VideoAspect.ZOOM;
        if (mode == VideoAspect.STRETCH || height > areaHeight != cover) {
            height = areaHeight;
            width = mode == VideoAspect.STRETCH ? areaWidth : areaHeight * shape;
        }
        // Zoom: the picture covers the area; the image view shows the middle of the buffer that fits.
        Image image = imageView.getImage();
        if (cover && image != null && width > 0 && height > 0) {
            double shownX = Math.min(1, areaWidth / width);
            double shownY = Math.min(1, areaHeight / height);
            imageView.setViewport(new Rectangle2D(image.getWidth() * (1 - shownX) / 2,
                    image.getHeight() * (1 - shownY) / 2, image.getWidth() * shownX, image.getHeight() * shownY));
            width = Math.min(width, areaWidth);
            height = Math.min(height, areaHeight);
        } else {
            imageView.setViewport(null);
        }
        imageView.setFitWidth(width);
        imageView.setFitHeight(height);
        imageView.relocate(snapPositionX(areaX + (areaWidth - width) / 2),
                snapPositionY(areaY + (areaHeight - height) / 2));
    }

    private double aspectRatio() {
        if (videoWidth.get() > 0 && videoHeight.get() > 0) {
            return (double) videoWidth.get() / videoHeight.get();
        }
        if (pixelBuffer != null && pixelBuffer.getHeight() > 0) {
            return (double) pixelBuffer.getWidth() / pixelBuffer.getHeight();
        }
        return DEFAULT_WIDTH / DEFAULT_HEIGHT;
    }

    @Override
    protected double computePrefWidth(double height) {
        int w = videoWidth.get();
        return insetsWidth() + (w > 0 ? w : DEFAULT_WIDTH);
    }

    @Override
    protected double computePrefHeight(double width) {
        int h = videoHeight.get();
        return insetsHeight() + (h > 0 ? h : DEFAULT_HEIGHT);
    }

    private double insetsWidth() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private double insetsHeight() {
        return getInsets().getTop() + getInsets().getBottom();
    }
}
