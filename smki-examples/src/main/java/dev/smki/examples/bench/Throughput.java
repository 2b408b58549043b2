package dev.smki.examples.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The measured throughput of one side of a benchmark: the items per second of each measured round by the wall
 * clock and by the CPU time of the threads doing the work, with the number of items done and the sum of their
 * result measures (see {@link #meanResult()}).
 *
 * <p>The wall-clock rate is what a user waits for. The CPU-time rate (items per CPU-second, summed over the
 * worker threads) leaves out the time the threads waited for a core, so it moves less when other processes load
 * the machine; it does not show how well work spreads over cores.
 *
 * @param perRound items per wall-clock second in each measured round, in the order run
 * @param perRoundCpu items per CPU-second of the worker threads in each measured round, in the same order
 * @param items the items done in the measured rounds
 * @param resultSum the sum of the result measures of those items
 */
public record Throughput(List<Double> perRound, List<Double> perRoundCpu, long items, long resultSum) {

    /**
     * @throws IllegalArgumentException when there is no round, the lists differ in length, or a rate is not
     *     positive and finite
     */
    public Throughput {
        perRound = List.copyOf(Objects.requireNonNull(perRound, "perRound"));
        perRoundCpu = List.copyOf(Objects.requireNonNull(perRoundCpu, "perRoundCpu"));
        if (perRound.isEmpty() || perRound.size() != perRoundCpu.size()) {
            throw new IllegalArgumentException("A throughput needs at least one round, with a CPU rate for each: "
                    + perRound.size() + " and " + perRoundCpu.size());
        }
        for (List<Double> rates : List.of(perRound, perRoundCpu)) {
            for (double rate : rates) {
                if (!(rate > 0 && Double.isFinite(rate))) {
                    throw new IllegalArgumentException("A round's rate is positive and finite, not " + rate);
                }
            }
        }
    }

    /** Returns the median of the per-round wall-clock rates, in items per second. */
    public double median() {
        return median(perRound);
    }

    /** Returns the slowest round's wall-clock rate, in items per second. */
    public double min() {
        return sorted(perRound)[0];
    }

    /** Returns the fastest round's wall-clock rate, in items per second. */
    public double max() {
        double[] sorted = sorted(perRound);
        return sorted[sorted.length - 1];
    }

    /** Returns the median of the per-round CPU-time rates, in items per CPU-second. */
    public double medianCpu() {
        return median(perRoundCpu);
    }

    /** Returns the mean result measure per item: mean certificate bytes, or the share of items that succeeded. */
    public double meanResult() {
        return items == 0 ? 0 : (double) resultSum / items;
    }

    /** Returns the median of {@code values}: the middle one, or the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        double[] sorted = sorted(values);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] sorted(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
