package io.p2pviewer.engine.playlist;

/** A video resolution in pixels, written {@code 1280x720} in a playlist. */
public record Resolution(int width, int height) {
    public Resolution {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative resolution " + width + "x" + height);
        }
    }

    /** The resolution as written in a playlist, e.g. {@code 1280x720}. */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
