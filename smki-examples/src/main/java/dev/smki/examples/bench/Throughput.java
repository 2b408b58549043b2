package dev.smki.examples.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The measured throughput of one side of a benchmark: the items per second of each measured round, with the
 * number of items done and the sum of their result measures (see {@link #meanResult()}).
 *
 * @param perRound items per second in each measured round, in the order run
 * @param items the items done in the measured rounds
 * @param resultSum the sum of the result measures of those items
 */
public record Throughput(List<Double> perRound, long items, long resultSum) {

    /**
     * @throws IllegalArgumentException when there is no round or a rate is not positive and finite
     */
    public Throughput {
        perRound = List.copyOf(Objects.requireNonNull(perRound, "perRound"));
        if (perRound.isEmpty()) {
            throw new IllegalArgumentException("A throughput needs at least one round");
        }
        for (double rate : perRound) {
            if (!(rate > 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("A round's rate is positive and finite, not " + rate);
            }
        }
    }

    /** Returns the median of the per-round rates, in items per second (the mean of the middle two for an even count). */
    public double median() {
        double[] sorted = sorted();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Returns the slowest round's rate, in items per second. */
    public double min() {
        return sorted()[0];
    }

    /** Returns the fastest round's rate, in items per second. */
    public double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    /** Returns the mean result measure per item: mean certificate bytes, or the share of items that succeeded. */
    public double meanResult() {
        return items == 0 ? 0 : (double) resultSum / items;
    }

    private double[] sorted() {
        double[] values = perRound.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
