package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * The one place that defines the colours of the delivery sources (and of uploads) for the whole app: PEER green,
 * CDN blue, FALLBACK orange, uploads violet. Views get them as CSS looked-up colours ({@link #lookedUpColors()},
 * set on a view's root, used by {@code stats.css} as {@code -src-peer}, {@code -src-peer-fill}, ...) or as
 * {@link Color}s. Pure values; any thread.
 */
public final class SourceColors {
    /** Uploads to peers (not a {@link DeliverySource}, drawn with them). */
    public static final Color UPLOAD = Color.web("#8e5ac8");

    private SourceColors() {
    }

    /** The line/marker colour of a source. */
    public static Color of(DeliverySource source) {
        return switch (source) {
            case PEER -> Color.web("#2ea043");
            case CDN -> Color.web("#2f7fd8");
            case FALLBACK -> Color.web("#e8590c");
        };
    }

    /** The opaque area fill of a source: its colour lightened, so stacked areas never blend into other hues. */
    public static Color fill(Color base) {
        return base.interpolate(Color.WHITE, 0.45);
    }

    /** The label people read for a source: "P2P", "CDN", "Fallback". */
    public static String label(DeliverySource source) {
        return switch (source) {
            case PEER -> "P2P";
            case CDN -> "CDN";
            case FALLBACK -> "Fallback";
        };
    }

    /** The CSS name of a source ("peer", "cdn", "fallback"): style classes are {@code source-<name>}. */
    public static String cssName(DeliverySource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    /** The style class of nodes coloured by a source: {@code source-peer}, {@code source-cdn}, ... */
    public static String styleClass(DeliverySource source) {
        return "source-" + cssName(source);
    }

    /** CSS looked-up colours for every source and uploads, for a view root's {@code setStyle}. */
    public static String lookedUpColors() {
        StringBuilder css = new StringBuilder();
        for (DeliverySource s : DeliverySource.values()) {
            append(css, cssName(s), of(s));
        }
        append(css, "upload", UPLOAD);
        return css.toString();
    }

    private static void append(StringBuilder css, String name, Color c) {
        css.append("-src-").append(name).append(": ").append(hex(c)).append("; ");
        css.append("-src-").append(name).append("-fill: ").append(hex(fill(c))).append("; ");
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
