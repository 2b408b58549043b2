package dev.smki.examples.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of one benchmark run.
 *
 * @param threads the threads each side runs on, or empty for the benchmark's default (one for issuance and
 *     lint, every core for fleets)
 * @param devices the items per round for issuance and lint, the fleet size for fleets, or empty for the
 *     benchmark's default
 * @param budget about how long warming up and the measured rounds take together, or empty for the default (20 s,
 *     with a longer warm-up if the JIT compiler needs it); setup (issuing the
 *     certificates to lint, building and measuring the fleet) comes on top
 */
public record BenchSettings(OptionalInt threads, OptionalInt devices, Optional<Duration> budget) {

    /**
     * @throws IllegalArgumentException when a count is below 1 or the budget is not positive
     */
    public BenchSettings {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(budget, "budget");
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("threads is at least 1, not " + threads.getAsInt());
        }
        if (devices.isPresent() && devices.getAsInt() < 1) {
            throw new IllegalArgumentException("devices is at least 1, not " + devices.getAsInt());
        }
        if (budget.isPresent() && (budget.get().isNegative() || budget.get().isZero())) {
            throw new IllegalArgumentException("The time budget is positive, not " + budget.get());
        }
    }

    /** Returns the threads, or {@code fallback} when none were given. */
    int threadsOr(int fallback) {
        return threads.orElse(fallback);
    }

    /** Returns the number of cores the JVM may use. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
