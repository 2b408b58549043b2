package dev.smki.examples.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the alternating rounds of a benchmark measured: each side's throughput and how the rounds were run.
 *
 * @param threads the threads each side ran on
 * @param batch the items per round, the same for both sides
 * @param rounds the measured rounds per side
 * @param warmUp the time spent warming up, before the measured rounds
 * @param jitQuiet whether the JIT compiler had been idle for {@link RoundPlan#JIT_QUIET} when the warm-up ended
 * @param measured the time spent in the measured rounds, both sides together
 * @param baseline the raw Bouncy Castle side
 * @param library the library side
 */
public record Measurement(
        int threads,
        int batch,
        int rounds,
        Duration warmUp,
        boolean jitQuiet,
        Duration measured,
        Throughput baseline,
        Throughput library) {

    /** Checks the fields are present. */
    public Measurement {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(library, "library");
    }

    /** Returns the library's median throughput divided by the baseline's: above 1 when the library is faster. */
    public double ratio() {
        return library.median() / baseline.median();
    }

    /** Returns the library's median CPU-time throughput divided by the baseline's (see {@link Throughput}). */
    public double cpuRatio() {
        return library.medianCpu() / baseline.medianCpu();
    }

    /** Returns how the rounds were run, in sentences, counting items in {@code unit}. */
    List<String> describe(String unit) {
        return List.of(
                String.format(
                        Locale.ROOT,
                        "Both sides ran in this one JVM on %d thread%s each; warm-up %.1f s of alternating rounds,"
                                + " %s.",
                        threads,
                        threads == 1 ? "" : "s",
                        warmUp.toMillis() / 1000.0,
                        jitQuiet
                                ? "until the JIT compiler had been idle for " + RoundPlan.JIT_QUIET.toSeconds() + " s"
                                : "ended by the time budget while the JIT compiler was still at work"),
                String.format(
                        Locale.ROOT,
                        "Then %d pairs of rounds of %d %s per side (%.1f s), baseline first in even pairs and library"
                                + " first in odd ones, so that drift in the machine's speed weighs on both sides.",
                        rounds,
                        batch,
                        unit,
                        measured.toMillis() / 1000.0),
                "Throughput is the median of the per-round rates; the ratio is the library's median divided by the"
                        + " baseline's. The CPU-time ratio does the same with items per CPU-second of the worker"
                        + " threads, which moves less when other processes load the machine.");
    }
}
