package io.p2pviewer.sim;

import java.util.List;
import java.util.Random;

/**
 * A distribution of one scenario quantity (an uplink capacity, a latency...). In scenario files: a number
 * ({@link Constant}), {@code {"min": a, "max": b}} ({@link Uniform}), or {@code [{"value": v, "weight": w}, ...]}
 * ({@link Mix}).
 */
public sealed interface Distribution {
    /** One value drawn with {@code random}. */
    double sample(Random random);

    double mean();

    /** The smallest value a draw can give. */
    double lowest();

    /** Always the same value. */
    record Constant(double value) implements Distribution {
        @Override
        public double sample(Random random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double lowest() {
            return value;
        }
    }

    /** Uniform between min and max. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            if (max < min) {
                throw new IllegalArgumentException("max " + max + " is below min " + min);
            }
        }

        @Override
        public double sample(Random random) {
            return min + random.nextDouble() * (max - min);
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public double lowest() {
            return min;
        }
    }

    /** A weighted mix of values (weights need not sum to 1). */
    record Mix(List<Weighted> choices) implements Distribution {
        public Mix {
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("a mix needs at least one value");
            }
            if (choices.stream().mapToDouble(Weighted::weight).sum() <= 0) {
                throw new IllegalArgumentException("the weights of a mix must sum to more than 0");
            }
        }

        @Override
        public double sample(Random random) {
            double total = choices.stream().mapToDouble(Weighted::weight).sum();
            double r = random.nextDouble() * total;
            for (Weighted w : choices) {
                r -= w.weight();
                if (r < 0) {
                    return w.value();
                }
            }
            return choices.get(choices.size() - 1).value();
        }

        @Override
        public double mean() {
            double total = choices.stream().mapToDouble(Weighted::weight).sum();
            return choices.stream().mapToDouble(w -> w.value() * w.weight()).sum() / total;
        }

        @Override
        public double lowest() {
            return choices.stream().filter(w -> w.weight() > 0).mapToDouble(Weighted::value).min().orElse(0);
        }
    }

    /** One value of a mix and its weight (>= 0). */
    record Weighted(double value, double weight) {
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("weight " + weight + " is negative");
            }
        }
    }
}
