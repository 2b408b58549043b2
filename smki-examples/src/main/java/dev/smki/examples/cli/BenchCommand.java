package dev.smki.examples.cli;

import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.examples.bench.BenchSettings;
import dev.smki.examples.bench.BenchmarkReport;
import dev.smki.examples.bench.FleetBenchmark;
import dev.smki.examples.bench.IssuanceBenchmark;
import dev.smki.examples.bench.LintBenchmark;
import dev.smki.examples.bench.ScaleBenchmark;
import dev.smki.recovery.rehearsal.HeapNeed;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code smki bench} command group: measures the library against raw Bouncy Castle doing the same work,
 * in one process, and prints throughput, baseline, ratio and targets.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the library against a raw Bouncy Castle baseline doing the same work, in this one JVM: a"
                    + " warm-up, then alternating rounds of baseline and library; prints each side's median"
                    + " throughput, their ratio, and the project's targets with PASS or MISS (a MISS never fails"
                    + " the command).",
        },
        subcommands = {
            BenchCommand.Issuance.class,
            BenchCommand.Fleet.class,
            BenchCommand.Lint.class,
            BenchCommand.Scale.class
        },
        footer = {"", "Exit codes: 0 measured (whatever the targets say), 2 bad usage."})
final class BenchCommand implements Runnable {

    /** The most threads a benchmark may be asked to use. */
    static final int MAX_THREADS = 256;

    /** The shortest time budget, in seconds. */
    static final double MIN_SECONDS = 0.1;

    /** The longest time budget, in seconds. */
    static final double MAX_SECONDS = 3600;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing benchmark: choose one of " + spec.subcommands().keySet());
    }

    /** The options every benchmark takes. */
    static final class Options {

        @Option(
                names = "--devices",
                paramLabel = "N",
                description = "issuance and lint: certificates per round (default: sized from the warm-up so that a"
                        + " round takes about 1/32 of --seconds); lint checks N distinct certificates"
                        + " (default 1000). fleet: the fleet size (default 100000).")
        Integer devices;

        @Option(
                names = "--seconds",
                paramLabel = "S",
                description = "About how long warm-up and measured rounds take together, in seconds: the warm-up"
                        + " takes from a quarter to three fifths of it (until the JIT compiler is idle), the"
                        + " measured rounds the rest; setup comes on top. Default: 20, with the warm-up"
                        + " allowed up to 30 s when the JIT compiler needs it (a loaded machine).")
        Double seconds;

        @Option(
                names = "--threads",
                paramLabel = "T",
                description = "Threads per side. Default: 1 for issuance and lint, every core for fleet.")
        Integer threads;

        @Option(names = "--json", description = "Print one JSON object with every figure instead of a table.")
        boolean json;

        BenchSettings settings() {
            long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
            if (devices != null && (devices < 1 || devices > capacity)) {
                throw new UserInputException(
                        "--devices: expected 1 to " + capacity + " (the simulated Device identifiers), got " + devices);
            }
            if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
                throw new UserInputException("--threads: expected 1 to " + MAX_THREADS + ", got " + threads);
            }
            if (seconds != null && !(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
                throw new UserInputException(
                        "--seconds: expected " + MIN_SECONDS + " to " + (int) MAX_SECONDS + ", got " + seconds);
            }
            return new BenchSettings(
                    threads == null ? OptionalInt.empty() : OptionalInt.of(threads),
                    devices == null ? OptionalInt.empty() : OptionalInt.of(devices),
                    Optional.ofNullable(seconds).map(s -> Duration.ofMillis(Math.round(s * 1000))));
        }
    }

    /** A benchmark subcommand: reads the options, runs its benchmark and prints the report as they say. */
    private abstract static class Benchmark implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Options options = new Options();

        private final Function<BenchSettings, BenchmarkReport> bench;

        Benchmark(Function<BenchSettings, BenchmarkReport> bench) {
            this.bench = bench;
        }

        @Override
        public Integer call() {
            BenchmarkReport report = bench.apply(options.settings());
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                BenchOutput.printJson(out, report);
            } else {
                BenchOutput.printText(out, report);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code smki bench issuance}. */
    @Command(
            name = "issuance",
            mixinStandardHelpOptions = true,
            description = {
                "Device Certificates for fresh EUI-64s, key generation included: TestPki.deviceCertificate"
                        + " (deterministic key, lint before sign, RFC 6979 signature) against raw Bouncy Castle"
                        + " (JCA key pair generator, JcaX509v3CertificateBuilder, JcaContentSignerBuilder) making a"
                        + " certificate of the same shape. One thread unless --threads. Target: ratio >= "
                        + IssuanceBenchmark.TARGET_RATIO + "."
            })
    static final class Issuance extends Benchmark {
        Issuance() {
            super(IssuanceBenchmark::run);
        }
    }

    /** {@code smki bench fleet}. */
    @Command(
            name = "fleet",
            mixinStandardHelpOptions = true,
            description = {
                "A contingency recovery, one command per Device, on every core unless --threads: the library builds"
                        + " an anyByContingency Update Security Credentials command (a new Root OCA), signs it for the"
                        + " Device and the Device applies it (checks, signature, credentials swap), against raw Bouncy"
                        + " Castle signing and verifying a message of the same size. Also the heap per Device of a"
                        + " fleet of --devices (default 100000) after GC. Targets: ratio >= "
                        + FleetBenchmark.TARGET_RATIO + ", <= " + (int) FleetBenchmark.TARGET_HEAP_BYTES
                        + " bytes per Device."
            })
    static final class Fleet extends Benchmark {
        Fleet() {
            super(FleetBenchmark::run);
        }
    }

    /** {@code smki bench lint}. */
    @Command(
            name = "lint",
            mixinStandardHelpOptions = true,
            description = {
                "Device Certificates checked by CertificateValidator (every Device rule, signature included) against"
                        + " raw Bouncy Castle parsing the DER and verifying the signature. One thread unless"
                        + " --threads. No target."
            })
    static final class Lint extends Benchmark {
        Lint() {
            super(LintBenchmark::run);
        }
    }

    /** {@code smki bench scale}. */
    @Command(
            name = "scale",
            mixinStandardHelpOptions = true,
            description = {
                "How a contingency rehearsal's time and memory grow with the fleet: for each size (smallest first) the"
                        + " built-in contingency plan is rehearsed in a JVM of its own, with this JVM's heap options,"
                        + " as './smki rehearse --devices N' runs it; prints Devices per second, live heap per Device"
                        + " half way through sending, peak heap after GC, peak RSS and the load average per size,"
                        + " how the time per Device grows, and a projection to 30,000,000 Devices. Targets: <= "
                        + (int) ScaleBenchmark.TARGET_HEAP_BYTES
                        + " bytes of heap per Device, growth <= "
                        + ScaleBenchmark.TARGET_GROWTH
                        + ", projected national run <= 60 minutes and 4 GiB."
            })
    static final class Scale implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(
                names = "--devices",
                paramLabel = "N,...",
                split = ",",
                description = "The fleet sizes, comma-separated (default 100000,1000000,5000000); 1 to the simulated"
                        + " Device identifiers, at most 8 sizes.")
        private List<Integer> devices;

        @Option(names = "--json", description = "Print one JSON object with every figure instead of a table.")
        private boolean json;

        @Override
        public Integer call() {
            List<Integer> sizes = devices == null ? ScaleBenchmark.DEFAULT_SIZES : devices;
            long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
            if (sizes.size() > MAX_SIZES) {
                throw new UserInputException("--devices: at most " + MAX_SIZES + " sizes, got " + sizes.size());
            }
            for (int size : sizes) {
                if (size < 1 || size > capacity) {
                    throw new UserInputException("--devices: expected 1 to " + capacity
                            + " (the simulated Device identifiers), got " + size);
                }
                HeapNeed need = HeapNeed.of(size, Runtime.getRuntime().maxMemory());
                if (!need.fits()) {
                    throw new UserInputException("--devices " + size + ": " + need
                            + ": give Java more heap, such as SMKI_JAVA_OPTS=" + need.maxHeapOption());
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            ScaleBenchmark.Report report = ScaleBenchmark.run(sizes, line -> {
                err.println("smki bench scale: " + line);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ScaleOutput.printJson(out, report);
            } else {
                ScaleOutput.printText(out, report);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The most sizes {@code bench scale} measures in one run. */
    static final int MAX_SIZES = 8;
}
