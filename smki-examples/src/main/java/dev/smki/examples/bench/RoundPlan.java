package dev.smki.examples.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How a benchmark's rounds are run: on how many threads, how many items per round, and for how long.
 *
 * <p>Warm-up rounds alternate between the sides for {@code warmUp}; then measured rounds alternate in pairs,
 * baseline first in even pairs and library first in odd ones (so that a steady drift of the machine's speed
 * weighs on both sides alike), until {@code measurement} has passed and at least {@code minPairs} pairs are
 * done, or {@code maxPairs} are.
 *
 * @param threads the threads each side runs on, at least 1
 * @param batch the items per round, or 0 to size rounds from the warm-up so that each takes about
 *     {@code measurement / (2 * AUTO_PAIRS)}
 * @param warmUp the warm-up time
 * @param measurement the measuring time, both sides together
 * @param minPairs the fewest measured pairs, at least 1
 * @param maxPairs the most measured pairs, at least {@code minPairs}
 */
record RoundPlan(int threads, int batch, Duration warmUp, Duration measurement, int minPairs, int maxPairs) {

    /** The number of pairs an automatically sized batch aims at. */
    static final int AUTO_PAIRS = 8;

    /** The share of a benchmark's time budget spent warming up. */
    static final double WARM_UP_SHARE = 0.25;

    RoundPlan {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(measurement, "measurement");
        if (threads < 1) {
            throw new IllegalArgumentException("threads is at least 1, not " + threads);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch is 0 (automatic) or more, not " + batch);
        }
        if (minPairs < 1 || maxPairs < minPairs) {
            throw new IllegalArgumentException("Expected 1 <= minPairs <= maxPairs, got " + minPairs + ", " + maxPairs);
        }
    }

    /**
     * Returns the plan for a time budget of {@code budget}: a quarter warming up, the rest measuring, at least 3
     * and at most 50 pairs.
     */
    static RoundPlan of(int threads, int batch, Duration budget) {
        Duration warmUp = Duration.ofNanos((long) (budget.toNanos() * WARM_UP_SHARE));
        return new RoundPlan(threads, batch, warmUp, budget.minus(warmUp), 3, 50);
    }

    /** Returns this plan with {@code batch} items per round. */
    RoundPlan withBatch(int batch) {
        return new RoundPlan(threads, batch, warmUp, measurement, minPairs, maxPairs);
    }

    /** Returns the time an automatically sized round aims at. */
    Duration autoRound() {
        return measurement.dividedBy(2L * AUTO_PAIRS);
    }
}
