package dev.smki.examples.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How a benchmark's rounds are run: on how many threads, how many items per round, and for how long.
 *
 * <p>Warm-up rounds alternate between the sides for at least {@link #minWarmUp()}, and go on until the JIT
 * compiler has been idle for {@link #JIT_QUIET} or {@link #maxWarmUp()} has passed. Then measured rounds alternate
 * in pairs, baseline first in even pairs and library first in odd ones (so that a steady drift of the machine's
 * speed weighs on both sides alike), until the rest of the budget has passed and at least {@code minPairs} pairs
 * are done, or {@code maxPairs} are.
 *
 * @param threads the threads each side runs on, at least 1
 * @param batch the items per round, or 0 to size rounds from the warm-up so that each takes about
 *     {@link #autoRound()}
 * @param maxBatch the most items per round, at least 1 (a fleet commands each Device at most once per round)
 * @param budget about how long warm-up and measured rounds take together
 * @param minPairs the fewest measured pairs, at least 1
 * @param maxPairs the most measured pairs, at least {@code minPairs}
 */
record RoundPlan(int threads, int batch, int maxBatch, Duration budget, int minPairs, int maxPairs) {

    /** The number of pairs an automatically sized batch aims at. */
    static final int AUTO_PAIRS = 8;

    /** How long the JIT compiler must have been idle for the warm-up to end early. */
    static final Duration JIT_QUIET = Duration.ofSeconds(1);

    RoundPlan {
        Objects.requireNonNull(budget, "budget");
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
        if (minPairs < 1 || maxPairs < minPairs) {
            throw new IllegalArgumentException("Expected 1 <= minPairs <= maxPairs, got " + minPairs + ", " + maxPairs);
        }
    }

    /** Returns the plan for a time budget of {@code budget}, with at least 3 and at most 50 measured pairs. */
    static RoundPlan of(int threads, int batch, Duration budget) {
        return new RoundPlan(threads, batch, Integer.MAX_VALUE, budget, 3, 50);
    }

    /** Returns this plan with rounds of at most {@code maxBatch} items. */
    RoundPlan withMaxBatch(int maxBatch) {
        return new RoundPlan(threads, batch, maxBatch, budget, minPairs, maxPairs);
    }

    /** Returns the shortest warm-up: a quarter of the budget. */
    Duration minWarmUp() {
        return budget.dividedBy(4);
    }

    /** Returns the longest warm-up: three fifths of the budget. */
    Duration maxWarmUp() {
        return budget.multipliedBy(3).dividedBy(5);
    }

    /** Returns the time an automatically sized round aims at: half the budget shared by {@link #AUTO_PAIRS} pairs. */
    Duration autoRound() {
        return budget.dividedBy(4L * AUTO_PAIRS);
    }
}
