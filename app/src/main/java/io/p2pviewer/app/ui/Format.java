package io.p2pviewer.app.ui;

import java.util.Locale;

/** Human-readable numbers for the panel: bytes in SI units, rates in bit/s, seconds with one decimal. */
public final class Format {
    private Format() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** A rate given in bytes per second, shown in bits per second as network people read it. */
    public static String rate(double bytesPerSecond) {
        double bits = bytesPerSecond * 8;
        if (bits < 1000) {
            return String.format(Locale.ROOT, "%.0f bit/s", bits);
        }
        if (bits < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f kbit/s", bits / 1000);
        }
        return String.format(Locale.ROOT, "%.1f Mbit/s", bits / 1_000_000);
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
