package dev.smki.examples.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one benchmark measured: each side's throughput and their ratio, other figures, the heap footprint for
 * fleets, the targets with their verdicts, how it was measured, and where.
 *
 * @param name the benchmark: {@code issuance}, {@code lint} or {@code fleet}
 * @param unit what one item is, plural, such as {@code certificates}
 * @param baseline what the baseline does per item
 * @param library what the library does per item
 * @param measurement the alternating rounds' measurement
 * @param facts further figures, such as the mean certificate size of each side
 * @param heap the heap a fleet holds, for the fleet benchmark
 * @param targets the targets, each with its verdict (may be empty)
 * @param method how it was measured, in sentences
 * @param environment the machine and JVM
 */
public record BenchmarkReport(
        String name,
        String unit,
        String baseline,
        String library,
        Measurement measurement,
        List<Fact> facts,
        Optional<HeapFootprint> heap,
        List<Target> targets,
        List<String> method,
        RunEnvironment environment) {

    /** Checks the fields are present and copies the lists. */
    public BenchmarkReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(measurement, "measurement");
        facts = List.copyOf(facts);
        Objects.requireNonNull(heap, "heap");
        targets = List.copyOf(targets);
        method = List.copyOf(method);
        Objects.requireNonNull(environment, "environment");
    }
}
