package dev.smki.examples.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a benchmark's rounds are run: on how many threads, how many items per round, and for how long.
 *
 * <p>Warm-up rounds alternate between the sides for at least {@code minWarmUp}, and go on until the JIT compiler
 * has been idle for {@link #JIT_QUIET} or {@code maxWarmUp} has passed. Then measured rounds alternate in pairs,
 * baseline first in even pairs and library first in odd ones (so that a steady drift of the machine's speed
 * weighs on both sides alike), for {@link #measuring(Duration) what is left of the budget} and at least {@code
 * minPairs} pairs, or until {@code maxPairs} are done.
 *
 * @param threads the threads each side runs on, at least 1
 * @param batch the items per round, or 0 to size rounds from the warm-up so that each takes about
 *     {@link #autoRound()}
 * @param maxBatch the most items per round, at least 1 (a fleet commands each Device at most once per round)
 * @param budget about how long warm-up and measured rounds take together
 * @param minWarmUp the shortest warm-up
 * @param maxWarmUp the longest warm-up, at least {@code minWarmUp}
 * @param minPairs the fewest measured pairs, at least 1
 * @param maxPairs the most measured pairs, at least {@code minPairs}
 */
record RoundPlan(
        int threads,
        int batch,
        int maxBatch,
        Duration budget,
        Duration minWarmUp,
        Duration maxWarmUp,
        int minPairs,
        int maxPairs) {

    /** The number of pairs an automatically sized batch aims at. */
    static final int AUTO_PAIRS = 8;

    /** How long the JIT compiler must have been idle for the warm-up to end early. */
    static final Duration JIT_QUIET = Duration.ofSeconds(1);

    /** The budget when none is given. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    /** The longest warm-up when no budget is given: on a loaded machine the JIT compiler takes this long. */
    static final Duration DEFAULT_MAX_WARM_UP = Duration.ofSeconds(30);

    RoundPlan {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(minWarmUp, "minWarmUp");
        Objects.requireNonNull(maxWarmUp, "maxWarmUp");
        if (threads < 1) {
            throw new IllegalArgumentException("threads is at least 1, not " + threads);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch is 0 (automatic) or more, not " + batch);
        }
        if (maxBatch < Math.max(1, batch)) {
            throw new IllegalArgumentException("maxBatch is at least 1 and the batch, not " + maxBatch);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("The time budget is positive, not " + budget);
        }
        if (minWarmUp.isNegative() || maxWarmUp.compareTo(minWarmUp) < 0) {
            throw new IllegalArgumentException(
                    "Expected 0 <= minWarmUp <= maxWarmUp, got " + minWarmUp + ", " + maxWarmUp);
        }
        if (minPairs < 1 || maxPairs < minPairs) {
            throw new IllegalArgumentException("Expected 1 <= minPairs <= maxPairs, got " + minPairs + ", " + maxPairs);
        }
    }

    /**
     * Returns the plan for a time budget of {@code budget}, or the default plan when it is empty, with at least 3
     * and at most 50 measured pairs. With a budget, the warm-up takes a quarter to three fifths of it. Without,
     * the budget is {@link #DEFAULT_BUDGET} and the warm-up takes a quarter of it to {@link #DEFAULT_MAX_WARM_UP},
     * so that on a loaded machine the JIT compiler can finish before anything is measured.
     */
    static RoundPlan of(int threads, int batch, Optional<Duration> budget) {
        Duration b = budget.orElse(DEFAULT_BUDGET);
        Duration maxWarmUp = budget.isPresent() ? b.multipliedBy(3).dividedBy(5) : DEFAULT_MAX_WARM_UP;
        return new RoundPlan(threads, batch, Integer.MAX_VALUE, b, b.dividedBy(4), maxWarmUp, 3, 50);
    }

    /** Returns this plan with rounds of at most {@code maxBatch} items. */
    RoundPlan withMaxBatch(int maxBatch) {
        return new RoundPlan(threads, batch, maxBatch, budget, minWarmUp, maxWarmUp, minPairs, maxPairs);
    }

    /** Returns how long to measure after a warm-up of {@code warmUp}: the rest of the budget, at least two fifths of it. */
    Duration measuring(Duration warmUp) {
        Duration rest = budget.minus(warmUp);
        Duration floor = budget.multipliedBy(2).dividedBy(5);
        return rest.compareTo(floor) < 0 ? floor : rest;
    }

    /** Returns the time an automatically sized round aims at: half the budget shared by {@link #AUTO_PAIRS} pairs. */
    Duration autoRound() {
        return budget.dividedBy(4L * AUTO_PAIRS);
    }
}
