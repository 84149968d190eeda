package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import java.util.ArrayDeque;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The throughput chart's data: one {@link ThroughputPoint} per second over a rolling window of
 * {@value #WINDOW_POINTS} seconds, and the values of its four drawn lines in Mbit/s. The three download sources
 * are stacked (P2P at the bottom, CDN on it, Fallback on top); upload is drawn below the axis (negative).
 * FX thread only.
 */
public final class ThroughputChartViewModel {
    /** Points kept: one per second, two minutes. */
    public static final int WINDOW_POINTS = 120;

    /** The lines of the chart in drawing order (each area fills from its line to zero, later ones on top). */
    public enum Line {
        /** Top of the stack: P2P + CDN + Fallback. */
        FALLBACK,
        /** P2P + CDN. */
        CDN,
        /** P2P alone. */
        PEER,
        /** Upload to peers, negative. */
        UPLOAD;

        /** The name people read ("Fallback", "CDN", "P2P", "Upload"). */
        public String label() {
            return this == UPLOAD ? "Upload" : SourceColors.label(DeliverySource.valueOf(name()));
        }

        /** This line's value at a point, Mbit/s. */
        public double mbps(ThroughputPoint p) {
            double bytes = switch (this) {
                case FALLBACK -> p.peer() + p.cdn() + p.fallback();
                case CDN -> p.peer() + p.cdn();
                case PEER -> p.peer();
                case UPLOAD -> -p.upload();
            };
            return bytes * 8 / 1_000_000;
        }
    }

    private final ArrayDeque<ThroughputPoint> points = new ArrayDeque<>(WINDOW_POINTS + 1);
    private final ReadOnlyObjectWrapper<List<ThroughputPoint>> window = new ReadOnlyObjectWrapper<>(List.of());

    /** Adds the snapshot's rates as the newest second (nothing while no stream is open). */
    public void update(EngineSnapshot e) {
        if (e != null) {
            add(ThroughputPoint.of(e));
        }
    }

    /** Adds a point, dropping the oldest beyond the window. */
    public void add(ThroughputPoint p) {
        points.addLast(p);
        while (points.size() > WINDOW_POINTS) {
            points.removeFirst();
        }
        window.set(List.copyOf(points));
    }

    /** The points of the window, oldest first; a new list on each update (views redraw on change). */
    public ReadOnlyObjectProperty<List<ThroughputPoint>> windowProperty() {
        return window.getReadOnlyProperty();
    }

    /** One line's values over the window, oldest first, Mbit/s. */
    public List<Double> values(Line line) {
        return window.get().stream().map(line::mbps).toList();
    }

    /** X of the i-th point of a window of n: seconds before the newest point (the newest is 0). */
    public static int secondsAgo(int i, int n) {
        return i - (n - 1);
    }
}
