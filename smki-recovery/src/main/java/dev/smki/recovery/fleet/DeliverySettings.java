package dev.smki.recovery.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fleet execution delivers commands: the seed of its injected failures, how often it tries, the simulated
 * pace of sending, and how many threads do the work.
 *
 * <p>The simulated timeline: the DCC sends one command every {@code 1/commandsPerSecond} seconds, in the order of
 * the Devices; each attempt's outcome (an answer or a time-out) is known {@code turnaround} after it is sent.
 * Attempt 1 goes to every Device; attempt {@code k + 1} goes, in the same order, to the Devices whose attempt
 * {@code k} got no answer or a busy answer, starting {@code firstRetryDelay × backoffFactor^(k-1)} after the last
 * outcome of attempt {@code k} is known. Up to {@code maxAttempts} attempts are made. None of these durations or
 * rates comes from the SEC (no time limit was verified, recovery.md §2): they are {@linkplain
 * dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstructed} defaults, to be set per rehearsal.
 *
 * <p>What an execution does is a pure function of the Devices, the commands and every setting except {@code
 * threads} and {@code batchSize}: {@code threads} changes only how fast it runs, {@code batchSize} only how many
 * progress reports it gives (one per batch of Devices). Immutable.
 *
 * @param seed the seed of the injected failures
 * @param failures the failures to inject
 * @param maxAttempts how many attempts a Device gets before it is written off, 1 to 100
 * @param firstRetryDelay the simulated wait before attempt 2
 * @param backoffFactor how much longer each further wait is, 1 or more
 * @param commandsPerSecond the simulated sending rate, 1 or more
 * @param turnaround the simulated time from sending an attempt to knowing its outcome
 * @param threads how many threads work at once, 1 to {@value #MAX_THREADS}; {@link #defaultThreads()} by default
 * @param batchSize how many Devices a thread takes at a time, and so how many a progress report covers; 0
 *     chooses one from the number of Devices (a hundredth of them, from 1 to 1,024)
 */
public record DeliverySettings(
        long seed,
        FailureInjection failures,
        int maxAttempts,
        Duration firstRetryDelay,
        int backoffFactor,
        int commandsPerSecond,
        Duration turnaround,
        int threads,
        int batchSize) {

    /** The most attempts a Device may get. */
    public static final int MAX_ATTEMPTS = 100;

    /** The most threads an execution may work on. */
    public static final int MAX_THREADS = 256;

    /** The largest batch the automatic batch size chooses. */
    public static final int MAX_AUTOMATIC_BATCH = 1024;

    /**
     * Checks the settings.
     *
     * @param seed the seed of the injected failures
     * @param failures the failures to inject
     * @param maxAttempts how many attempts a Device gets before it is written off, 1 to 100
     * @param firstRetryDelay the simulated wait before attempt 2
     * @param backoffFactor how much longer each further wait is, 1 or more
     * @param commandsPerSecond the simulated sending rate, 1 or more
     * @param turnaround the simulated time from sending an attempt to knowing its outcome
     * @param threads how many threads work at once, 1 to {@value #MAX_THREADS}; {@link #defaultThreads()} by default
     * @param batchSize how many Devices a thread takes at a time, and so how many a progress report covers; 0 chooses
     *     one from the number of Devices (a hundredth of them, from 1 to 1,024)
     * @throws IllegalArgumentException naming the bad value
     */
    public DeliverySettings {
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(turnaround, "turnaround");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("Attempts are 1 to " + MAX_ATTEMPTS + ", not " + maxAttempts);
        }
        if (firstRetryDelay.isNegative()) {
            throw new IllegalArgumentException("A retry delay is not negative: " + firstRetryDelay);
        }
        if (backoffFactor < 1) {
            throw new IllegalArgumentException("A back-off factor is 1 or more, not " + backoffFactor);
        }
        if (commandsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "A sending rate is 1 or more commands per second, not " + commandsPerSecond);
        }
        if (turnaround.isNegative()) {
            throw new IllegalArgumentException("A turnaround is not negative: " + turnaround);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("Threads are 1 to " + MAX_THREADS + ", not " + threads);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("A batch size is 0 (automatic) or more, not " + batchSize);
        }
    }

    /**
     * {@return the defaults: seed 0, no failures, 4 attempts (3 retries), retries after 15 minutes doubling each
     * time, 100 commands a second, a 30-second turnaround, one thread per available processor, automatic batches}
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(
                0,
                FailureInjection.none(),
                4,
                Duration.ofMinutes(15),
                2,
                100,
                Duration.ofSeconds(30),
                defaultThreads(),
                0);
    }

    /**
     * {@return the number of threads an execution works on unless told otherwise, shared by the library and the CLI:
     * one per processor available to this JVM, at most {@value #MAX_THREADS}}
     */
    public static int defaultThreads() {
        return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@return a copy with seed {@code newSeed}}
     *
     * @param newSeed the seed
     */
    public DeliverySettings withSeed(long newSeed) {
        return new DeliverySettings(
                newSeed,
                failures,
                maxAttempts,
                firstRetryDelay,
                backoffFactor,
                commandsPerSecond,
                turnaround,
                threads,
                batchSize);
    }

    /**
     * {@return a copy injecting {@code newFailures}}
     *
     * @param newFailures the failures to inject
     */
    public DeliverySettings withFailures(FailureInjection newFailures) {
        return new DeliverySettings(
                seed,
                newFailures,
                maxAttempts,
                firstRetryDelay,
                backoffFactor,
                commandsPerSecond,
                turnaround,
                threads,
                batchSize);
    }

    /**
     * {@return a copy making up to {@code attempts} attempts per Device}
     *
     * @param attempts the attempts, in order
     */
    public DeliverySettings withMaxAttempts(int attempts) {
        return new DeliverySettings(
                seed,
                failures,
                attempts,
                firstRetryDelay,
                backoffFactor,
                commandsPerSecond,
                turnaround,
                threads,
                batchSize);
    }

    /**
     * {@return a copy waiting {@code first} before attempt 2, and {@code factor} times longer before each later one}
     *
     * @param first how long before attempt 2
     * @param factor the factor
     */
    public DeliverySettings withBackoff(Duration first, int factor) {
        return new DeliverySettings(
                seed, failures, maxAttempts, first, factor, commandsPerSecond, turnaround, threads, batchSize);
    }

    /**
     * {@return a copy sending {@code perSecond} commands a simulated second, each outcome known {@code after}}
     *
     * @param perSecond how many per second
     * @param after how long after its sending each outcome is known
     */
    public DeliverySettings withPace(int perSecond, Duration after) {
        return new DeliverySettings(
                seed, failures, maxAttempts, firstRetryDelay, backoffFactor, perSecond, after, threads, batchSize);
    }

    /**
     * {@return a copy working on {@code count} threads}
     *
     * @param count how many
     */
    public DeliverySettings withThreads(int count) {
        return new DeliverySettings(
                seed,
                failures,
                maxAttempts,
                firstRetryDelay,
                backoffFactor,
                commandsPerSecond,
                turnaround,
                count,
                batchSize);
    }

    /**
     * {@return a copy taking Devices {@code size} at a time (0: automatic)}
     *
     * @param size how many
     */
    public DeliverySettings withBatchSize(int size) {
        return new DeliverySettings(
                seed,
                failures,
                maxAttempts,
                firstRetryDelay,
                backoffFactor,
                commandsPerSecond,
                turnaround,
                threads,
                size);
    }

    /**
     * {@return the simulated wait before attempt {@code attempt}: {@code firstRetryDelay × backoffFactor^(attempt-2)},
     * at most about 292 years}
     *
     * @param attempt the attempt
     * @throws IllegalArgumentException when {@code attempt} is below 2
     */
    public Duration retryDelay(int attempt) {
        if (attempt < 2) {
            throw new IllegalArgumentException("Only attempts from 2 on are retries, not " + attempt);
        }
        long nanos = firstRetryDelay.toNanos();
        for (int i = 2; i < attempt && nanos != Long.MAX_VALUE; i++) {
            nanos = nanos > Long.MAX_VALUE / backoffFactor ? Long.MAX_VALUE : nanos * backoffFactor;
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * {@return the batch size for {@code devices} Devices: the one set, or the automatic one}
     *
     * @param devices how many Devices
     */
    public int batchSizeFor(int devices) {
        if (batchSize > 0) {
            return batchSize;
        }
        return Math.max(1, Math.min(MAX_AUTOMATIC_BATCH, (devices + 99) / 100));
    }

    /** Returns the simulated time from the start of an attempt's sending to sending the command at {@code position}. */
    long sendOffsetNanos(int position) {
        return position * 1_000_000_000L / commandsPerSecond;
    }

    /** Returns the settings that decide the outcome, in words. */
    @Override
    public String toString() {
        return "DeliverySettings[seed " + seed + ", " + failures + ", " + maxAttempts + " attempts, retry after "
                + firstRetryDelay + " x" + backoffFactor + ", " + commandsPerSecond + "/s, turnaround " + turnaround
                + ", " + threads + " threads, batch " + (batchSize == 0 ? "auto" : batchSize) + "]";
    }
}
