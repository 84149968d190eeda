package io.p2pviewer.app.swarm;

import java.util.List;
import java.util.Locale;

/**
 * Whether a metric stayed flat after warm-up: the mean of the first quarter of the samples taken after warm-up
 * against the mean of the last quarter. Flat when the change is within the tolerance (10 %), or within an absolute
 * slack for small counts (one PeerConnection, a few threads or descriptors), so that 0 -> 1 is not "infinite growth".
 */
record Flatness(String metric, double first, double last, double changePercent, boolean flat) {

    static Flatness of(String metric, List<Double> afterWarmUp, double tolerance, double slack) {
        if (afterWarmUp.size() < 2) {
            return new Flatness(metric, Double.NaN, Double.NaN, Double.NaN, false);
        }
        int quarter = Math.max(1, afterWarmUp.size() / 4);
        double first = mean(afterWarmUp.subList(0, quarter));
        double last = mean(afterWarmUp.subList(afterWarmUp.size() - quarter, afterWarmUp.size()));
        double change = first == 0 ? (last == 0 ? 0 : Double.POSITIVE_INFINITY) : (last - first) / first * 100;
        boolean flat = Math.abs(last - first) <= Math.max(tolerance * Math.abs(first), slack);
        return new Flatness(metric, first, last, change, flat);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    String line() {
        return String.format(Locale.ROOT, "%-15s first %9.1f last %9.1f change %+7.1f%% %s", metric, first, last,
                changePercent, flat ? "FLAT" : "NOT FLAT");
    }
}
