package dev.smki.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scale benchmark: how a contingency rehearsal's time and memory grow with the fleet. For each size, smallest
 * first, it runs {@link ScaleProbe} in a JVM of its own with this JVM's heap options, as {@code smki rehearse
 * --devices N} would run (journal forced to disk, Recovery Progress File streamed beside it), and collects the Devices
 * per second, the live heap half way through sending commands, the peak heap after any collection, the peak resident
 * set size and the load average. A JVM per size gives each size its own peak RSS, and the same JIT warm-up a user's
 * run has.
 *
 * <p>Targets: at most {@value #TARGET_HEAP_BYTES} bytes of live heap per Device at the largest size; the time per
 * Device at the largest size at most {@value #TARGET_GROWTH} times that at the smallest; and, projected to
 * {@value #NATIONAL_DEVICES} Devices (Great Britain's SMETS2 fleet) from the largest size and the cost of each Device
 * added between the smallest size and the largest, at most 60 minutes and 4 GiB of heap. The national run itself is measured by {@code ./smki rehearse --devices 30000000} (docs/scale.md).
 */
public final class ScaleBenchmark {

    /** The sizes measured when none are given. */
    public static final List<Integer> DEFAULT_SIZES = List.of(100_000, 1_000_000, 5_000_000);

    /** The most live heap bytes per Device the project aims at. */
    public static final double TARGET_HEAP_BYTES = 64;

    /** The most the time per Device may grow from the smallest size to the largest. */
    public static final double TARGET_GROWTH = 1.1;

    /** The national fleet the projection is made for. */
    public static final int NATIONAL_DEVICES = 30_000_000;

    /** The longest a national rehearsal should take, in minutes. */
    public static final double TARGET_NATIONAL_MINUTES = 60;

    /** The most resident memory a national rehearsal should need, in bytes. */
    public static final long TARGET_NATIONAL_BYTES = 4L << 30;

    private ScaleBenchmark() {}

    /**
     * One size measured.
     *
     * @param devices the fleet
     * @param relevant the Relevant Devices sent commands
     * @param wallNanos the rehearsal's wall time, JVM start and the heap measurements excluded
     * @param sendingNanos the wall time from the first progress report of the sending to its last
     * @param baselineHeapBytes the live heap before the rehearsal
     * @param liveHeapBytes the live heap half way through sending commands (after two full collections)
     * @param peakHeapAfterGcBytes the most heap in use after any collection
     * @param peakHeapCommittedBytes the most heap committed after any collection
     * @param peakRssBytes the JVM's peak resident set size ({@code VmHWM}); -1 where not reported
     * @param loadAtStart the one-minute load average before the size ran
     * @param loadAtEnd the one-minute load average after it ran
     * @param complete whether the rehearsal closed its incident
     */
    public record Size(
            int devices,
            long relevant,
            long wallNanos,
            long sendingNanos,
            long baselineHeapBytes,
            long liveHeapBytes,
            long peakHeapAfterGcBytes,
            long peakHeapCommittedBytes,
            long peakRssBytes,
            double loadAtStart,
            double loadAtEnd,
            boolean complete) {

        /** Returns the Devices of the fleet rehearsed per second of wall time. */
        public double devicesPerSecond() {
            return devices * 1e9 / wallNanos;
        }

        /** Returns the wall time per Device of the fleet, in microseconds. */
        public double microsPerDevice() {
            return wallNanos / 1e3 / devices;
        }

        /** Returns the Relevant Devices sent commands per second of the sending. */
        public double sentPerSecond() {
            return sendingNanos <= 0 ? 0 : relevant * 1e9 / sendingNanos;
        }

        /** Returns the live heap the rehearsal added, per Device. */
        public double bytesPerDevice() {
            return (double) (liveHeapBytes - baselineHeapBytes) / devices;
        }
    }

    /**
     * What the benchmark measured.
     *
     * @param sizes each size, smallest first
     * @param growth the time per Device at the largest size over that at the smallest
     * @param projectedNationalSeconds the wall time projected for {@value #NATIONAL_DEVICES} Devices
     * @param projectedNationalHeapBytes the live heap projected for {@value #NATIONAL_DEVICES} Devices
     * @param targets the targets with their verdicts
     * @param method how it was measured
     * @param environment where
     */
    public record Report(
            List<Size> sizes,
            double growth,
            double projectedNationalSeconds,
            double projectedNationalHeapBytes,
            List<Target> targets,
            List<String> method,
            RunEnvironment environment) {

        public Report {
            sizes = List.copyOf(sizes);
            targets = List.copyOf(targets);
            method = List.copyOf(method);
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * Measures each of {@code sizes} (sorted, smallest first) in a JVM of its own and returns the report; {@code
     * log} hears a line as each size starts.
     *
     * @throws IllegalArgumentException when no size is given or one is below 1
     * @throws IllegalStateException when a size's JVM fails
     */
    public static Report run(List<Integer> sizes, Consumer<String> log) {
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("Sizes are 1 Device or more: " + sizes);
        }
        List<Integer> sorted = sizes.stream().sorted().distinct().toList();
        RunEnvironment environment = RunEnvironment.now();
        List<Size> measured = new ArrayList<>();
        Path directory;
        try {
            directory = Files.createTempDirectory("smki-bench-scale");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for the rehearsals' journals", e);
        }
        try {
            for (int devices : sorted) {
                log.accept(String.format(Locale.ROOT, "rehearsing %,d Devices...", devices));
                measured.add(probe(devices, directory));
            }
        } finally {
            deleteAll(directory);
        }
        Size smallest = measured.get(0);
        Size largest = measured.get(measured.size() - 1);
        double growth = largest.microsPerDevice() / smallest.microsPerDevice();
        // The cost of each Device added between the smallest size and the largest; where noise makes it come out not
        // positive (sizes too close together on a busy machine), the largest size's own cost per Device instead.
        double spread = largest.devices() - smallest.devices();
        double nanosPerAdded = spread > 0 ? (largest.wallNanos() - smallest.wallNanos()) / spread : 0;
        double bytesPerAdded = spread > 0 ? (largest.liveHeapBytes() - smallest.liveHeapBytes()) / spread : 0;
        boolean marginal = nanosPerAdded > 0 && bytesPerAdded > 0;
        if (!marginal) {
            nanosPerAdded = largest.microsPerDevice() * 1e3;
            bytesPerAdded = Math.max(largest.bytesPerDevice(), 0);
        }
        double added = NATIONAL_DEVICES - largest.devices();
        double nationalSeconds = (largest.wallNanos() + nanosPerAdded * added) / 1e9;
        double nationalHeap = largest.liveHeapBytes() + bytesPerAdded * added;
        String at = String.format(Locale.ROOT, "at %,d Devices", largest.devices());
        List<Target> targets = List.of(
                Target.atMost("heapBytesPerDevice", TARGET_HEAP_BYTES, largest.bytesPerDevice())
                        .withNote("live heap per Device " + at),
                Target.atMost("growth", TARGET_GROWTH, growth)
                        .withNote(String.format(
                                Locale.ROOT, "time per Device %s over that at %,d", at, smallest.devices())),
                Target.atMost("nationalMinutes", TARGET_NATIONAL_MINUTES, nationalSeconds / 60)
                        .withNote(String.format(
                                Locale.ROOT,
                                "projected to %,d Devices %s",
                                NATIONAL_DEVICES,
                                projectedFrom(smallest, largest, marginal))),
                Target.atMost("nationalHeapBytes", TARGET_NATIONAL_BYTES, nationalHeap)
                        .withNote(String.format(
                                Locale.ROOT,
                                "live heap projected to %,d Devices %s",
                                NATIONAL_DEVICES,
                                projectedFrom(smallest, largest, marginal))));
        List<String> method = List.of(
                "Each size is the built-in contingency plan (seed 1) rehearsed in a JVM of its own, started with this"
                        + " JVM's heap options: journal forced to disk after every step (not sealed), Recovery"
                        + " Progress File written beside it as the commands go, both deleted afterwards.",
                "Wall time: from starting the rehearsal to its result, JVM start and the heap measurement excluded;"
                        + " Devices per second and time per Device count every Device of the fleet.",
                "Live heap: heap in use after two System.gc() calls, once half the Relevant Devices have been sent"
                        + " their command, less the same reading before the rehearsal; divided by the fleet.",
                "Peak heap after GC: the most heap in use after any collection (GC notifications), garbage not yet"
                        + " collected from the old generation included; peak RSS: VmHWM of /proc/self/status.",
                "Projection to " + String.format(Locale.ROOT, "%,d", NATIONAL_DEVICES) + " Devices: the largest"
                        + " size's wall time and live heap, plus the time and heap each further Device added between"
                        + " the smallest size and the largest (with one size, or when that does not come out positive,"
                        + " the largest size's own time and heap per Device).");
        return new Report(measured, growth, nationalSeconds, nationalHeap, targets, method, environment.ended());
    }

    private static String projectedFrom(Size smallest, Size largest, boolean marginal) {
        return marginal
                ? String.format(
                        Locale.ROOT,
                        "from the %,d-Device run and the cost per Device added from %,d to %,d",
                        largest.devices(),
                        smallest.devices(),
                        largest.devices())
                : String.format(
                        Locale.ROOT,
                        "from the %,d-Device run and its cost per Device (no cost per Device added could be measured"
                                + " between the sizes)",
                        largest.devices());
    }

    /** Runs the probe for {@code devices} in a child JVM and reads its figures. */
    private static Size probe(int devices, Path directory) {
        double loadAtStart = RunEnvironment.now().loadAverageAtStart();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xmx") || option.startsWith("-Xms") || option.matches("-XX:[+-]Use\\w+GC")) {
                command.add(option);
            }
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ScaleProbe.class.getName(),
                Integer.toString(devices),
                directory.toString()));
        Path output = directory.resolve("probe-" + devices + ".out");
        try {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = false;
            try {
                ended = child.waitFor(24, TimeUnit.HOURS);
            } finally {
                if (!ended) {
                    child.destroyForcibly();
                }
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            String line = printed.lines()
                    .filter(l -> l.startsWith(ScaleProbe.PREFIX))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The rehearsal of " + devices + " Devices failed"
                            + " (exit code " + child.exitValue() + "): " + tail(printed)));
            JsonNode f = new ObjectMapper().readTree(line.substring(ScaleProbe.PREFIX.length()));
            return new Size(
                    f.get("devices").asInt(),
                    f.get("relevant").asLong(),
                    f.get("wallNanos").asLong(),
                    f.get("sendingNanos").asLong(),
                    f.get("baselineHeapBytes").asLong(),
                    f.get("liveHeapBytes").asLong(),
                    f.get("peakHeapAfterGcBytes").asLong(),
                    f.get("peakHeapCommittedBytes").asLong(),
                    f.get("peakRssBytes").asLong(),
                    loadAtStart,
                    RunEnvironment.now().loadAverageAtStart(),
                    f.get("complete").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the rehearsal of " + devices + " Devices", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rehearsing " + devices + " Devices", e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // Left in the temporary directory.
            }
        }
    }

    /** Deletes {@code directory} and what a failed size left in it (journals, progress files, output). */
    private static void deleteAll(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // Left in the temporary directory.
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
