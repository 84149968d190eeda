package io.p2pviewer.app.ui.guide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide grid's geometry: channels are rows of {@link #rowHeight()} pixels, time runs left to right at
 * {@link #pixelsPerMinute()} from local midnight of {@code firstDay} for {@code days} days in the machine's zone
 * (the clock's); coordinates are in the scrollable content (0,0 is the first row at the first minute), without
 * the channel column and the time header. Immutable; pure arithmetic, tested without a window.
 *
 * @param zone            the zone the times are shown in
 * @param start           the first instant of the grid (midnight of the first day in {@code zone})
 * @param end             the end of the last day
 * @param rowHeight       pixels per channel
 * @param pixelsPerMinute horizontal scale
 */
public record GuideGridLayout(ZoneId zone, Instant start, Instant end, double rowHeight, double pixelsPerMinute) {
    /** Rows of 44 px, 4 px a minute (an hour is 240 px). */
    public static final double ROW_HEIGHT = 44;
    public static final double PIXELS_PER_MINUTE = 4;

    /** From midnight of {@code firstDay} in {@code zone} for {@code days} days (23 or 25 hours on DST days). */
    public static GuideGridLayout days(ZoneId zone, LocalDate firstDay, int days) {
        ZonedDateTime from = firstDay.atStartOfDay(zone);
        return new GuideGridLayout(zone, from.toInstant(), from.plusDays(days).toInstant(), ROW_HEIGHT,
                PIXELS_PER_MINUTE);
    }

    /** The content's width in pixels. */
    public double contentWidth() {
        return x(end);
    }

    /** The content's height for {@code rows} channels. */
    public double contentHeight(int rows) {
        return rows * rowHeight;
    }

    /** The x of an instant (negative before the grid, beyond {@link #contentWidth()} after). */
    public double x(Instant t) {
        return Duration.between(start, t).toMillis() / 60_000.0 * pixelsPerMinute;
    }

    /** The instant at x. */
    public Instant time(double x) {
        return start.plusMillis(Math.round(x / pixelsPerMinute * 60_000.0));
    }

    /** The y of a row's top. */
    public double y(int row) {
        return row * rowHeight;
    }

    /** The row at y, or -1 outside {@code [0, rows)}. */
    public int rowAt(double y, int rows) {
        if (y < 0) {
            return -1;
        }
        int r = (int) (y / rowHeight);
        return r < rows ? r : -1;
    }

    /** The first row a viewport scrolled to {@code scrollY} shows, partly or wholly. */
    public int firstVisibleRow(double scrollY) {
        return Math.max(0, (int) Math.floor(scrollY / rowHeight));
    }

    /** The last row such a viewport of height {@code height} shows, or -1 with no rows. */
    public int lastVisibleRow(double scrollY, double height, int rows) {
        if (rows == 0) {
            return -1;
        }
        int last = (int) Math.ceil((scrollY + height) / rowHeight) - 1;
        return Math.max(0, Math.min(rows - 1, last));
    }

    /** Largest horizontal scroll for a viewport {@code width} wide. */
    public double maxScrollX(double width) {
        return Math.max(0, contentWidth() - width);
    }

    /** Largest vertical scroll. */
    public double maxScrollY(double height, int rows) {
        return Math.max(0, contentHeight(rows) - height);
    }

    /** The horizontal scroll that puts {@code t} a quarter of the way in (clamped). */
    public double scrollXShowing(Instant t, double width) {
        return clamp(x(t) - width / 4, maxScrollX(width));
    }

    /** The vertical scroll that centres {@code row} (clamped). */
    public double scrollYCentring(int row, double height, int rows) {
        return clamp(y(row) - (height - rowHeight) / 2, maxScrollY(height, rows));
    }

    /** The vertical scroll that brings {@code row} into view, moving as little as possible. */
    public double scrollYShowing(int row, double scrollY, double height, int rows) {
        double top = y(row);
        if (top < scrollY) {
            return clamp(top, maxScrollY(height, rows));
        }
        if (top + rowHeight > scrollY + height) {
            return clamp(top + rowHeight - height, maxScrollY(height, rows));
        }
        return scrollY;
    }

    /** The full local hours in {@code [from, to]} (the header's marks), in the zone, DST included. */
    public List<Instant> hours(Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        ZonedDateTime h = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        if (h.toInstant().isBefore(from)) {
            h = h.plusHours(1);
        }
        for (; !h.toInstant().isAfter(to); h = h.plusHours(1)) {
            out.add(h.toInstant());
        }
        return out;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
