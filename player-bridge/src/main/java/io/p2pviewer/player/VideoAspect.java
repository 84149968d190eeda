package io.p2pviewer.player;

import java.util.Locale;

/**
 * How the video fills its area, as players offer it (VLC's Video > Aspect ratio and Crop): the video's own shape,
 * a forced shape (an SD channel sent 4:3 but filmed wide), the whole area stretched, or the area filled by cropping
 * the picture's edges (no black bars).
 */
public enum VideoAspect {
    /** The video's own shape, letterboxed or pillarboxed in the area. */
    AUTO("Auto", 0),
    RATIO_16_9("16:9", 16.0 / 9),
    RATIO_4_3("4:3", 4.0 / 3),
    RATIO_16_10("16:10", 16.0 / 10),
    RATIO_235_1("2.35:1", 2.35),
    /** The whole area, the picture stretched to it. */
    STRETCH("Stretch", 0),
    /** The whole area at the video's own shape, its edges cropped. */
    ZOOM("Zoom", 0);

    private final String label;
    private final double ratio;

    VideoAspect(String label, double ratio) {
        this.label = label;
        this.ratio = ratio;
    }

    /** The name shown in menus and over the video: "Auto", "16:9", "Zoom". */
    public String label() {
        return label;
    }

    /** Width over height the picture is shown at, 0 for the video's own (or, for {@link #STRETCH}, the area's). */
    public double ratio() {
        return ratio;
    }

    /** The next one, after the last the first (the A key cycles through them). */
    public VideoAspect next() {
        VideoAspect[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** The aspect of this enum name (as settings store it), {@link #AUTO} for null or an unknown name. */
    public static VideoAspect parse(String name) {
        if (name != null) {
            for (VideoAspect a : values()) {
                if (a.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                    return a;
                }
            }
        }
        return AUTO;
    }
}
