package dev.smki.examples.cli;

import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.examples.report.HtmlReport;
import dev.smki.examples.report.RehearsalReport;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.JournalInUseException;
import dev.smki.recovery.journal.JournalMismatchException;
import dev.smki.recovery.journal.JournalSealer;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.FleetPlan;
import dev.smki.recovery.plan.PlanException;
import dev.smki.recovery.procedures.BuiltInProcedure;
import dev.smki.recovery.procedures.FleetState;
import dev.smki.recovery.rehearsal.HeapNeed;
import dev.smki.recovery.rehearsal.HeapTooSmallException;
import dev.smki.recovery.rehearsal.ProgressFiles;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.ResumeException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code smki rehearse} command: rehearses an exercise plan over a simulated world ({@link Rehearsal}): a
 * built-in scenario's plan or the planner's own ({@code --plan}), the other options overriding its values;
 * journalled so that it can be resumed after any interruption; prints its timeline (with each step's confidence and
 * source), device counts and anomalies; optionally writes the result as JSON and as an HTML report.
 */
@Command(
        name = "rehearse",
        mixinStandardHelpOptions = true,
        description = {
            "Rehearses an incident response (a Root OCA compromise by default) over a simulated world and prints"
                    + " its timeline, device counts and anomalies.",
            "The world: a seeded test PKI, a fleet of Devices, Key"
                    + " Custodians with Shamir shares in a simulated HSM, revocation and a simulated clock. Every"
                    + " attempt at a step is journalled; each accepted step has its effect (key ceremonies,"
                    + " certificates, one signed command per Relevant Device, revocations).",
            "Prints the timeline (time, actor, step, outcome), the device counts and the anomalies. A rehearsal"
                    + " is a function of its parameters: the same ones give the same result, and one stopped at any"
                    + " moment ends, with --resume, as if it had never stopped.",
            "Each scenario is a built-in exercise plan ('smki plan init SCENARIO' prints it); --list says what each"
                    + " rehearses.",
            "--plan FILE rehearses a planner's own plan; the options below override the plan's values."
        },
        footer = {
            "",
            "Exit codes: 0 the incident closed (every step of the procedure done, so every Relevant Device recovered"
                    + " or written off), 1 it did not (a refusal left the procedure incomplete), 2 bad usage, an"
                    + " existing --journal, or a journal that cannot be resumed (one line on stderr)."
        })
final class RehearseCommand implements Callable<Integer> {

    /** Where journals go when no {@code --journal} is given, relative to the working directory. */
    static final Path DEFAULT_JOURNAL_DIRECTORY = Path.of("build", "rehearsals");

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            completionCandidates = Scenarios.class,
            description = "A built-in scenario (default contingency): ${COMPLETION-CANDIDATES}.")
    private String scenario;

    @Option(
            names = "--list",
            description = "Print every built-in scenario, one a line: its name, then what it rehearses.")
    private boolean list;

    /** The built-in scenarios' names, for the help. */
    static final class Scenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ExercisePlan.BUILT_IN.iterator();
        }
    }

    /** Prints every built-in scenario, one a line: its name, then its plan's description. */
    private static void printScenarios(PrintWriter out) {
        int width =
                ExercisePlan.BUILT_IN.stream().mapToInt(String::length).max().orElse(0);
        for (String name : ExercisePlan.BUILT_IN) {
            out.println(String.format(
                    java.util.Locale.ROOT,
                    "%-" + width + "s  %s",
                    name,
                    ExercisePlan.builtIn(name).description()));
        }
        out.flush();
    }

    @Option(
            names = "--plan",
            paramLabel = "FILE",
            description = "The exercise plan to rehearse (see 'smki plan init'); instead of a SCENARIO.")
    private Path plan;

    @Option(
            names = "--devices",
            paramLabel = "N",
            description = "Devices in the simulated fleet (default: the plan's, 10,000 in the built-in scenarios);"
                    + " about 98%% are commissioned, and those holding the compromised key are the Relevant Devices.")
    private Integer devices;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The seed of every key, Device and injected failure (default: the plan's, 1 in the"
                    + " built-in scenarios).")
    private Long seed;

    @Option(
            names = "--quorum",
            paramLabel = "M/N",
            description = "The custody quorum: N Key Custodians hold shares, M attend (default: the plan's, 3/5 in"
                    + " the built-in scenarios).")
    private String quorum;

    @Option(
            names = "--failure-rate",
            paramLabel = "P",
            description = "The chance, 0 to 0.95, that one attempt to update a Device finds it busy and must be"
                    + " retried (default 0.02).")
    private Double failureRate;

    @Option(
            names = "--uncontactable",
            paramLabel = "P",
            description = "The share, 0 to 1, of Relevant Devices that never answer and are written off after"
                    + " the last retry (default 0.002).")
    private Double uncontactable;

    @Option(
            names = "--retries",
            paramLabel = "N",
            description = "Retries of a failed update before the Device is written off, 0 to 16 (default 3); each waits"
                    + " twice as long as the one before, from 15 minutes of simulated time.")
    private Integer retries;

    @Option(
            names = "--method",
            paramLabel = "2|3",
            description = "recovery-key only: the SMKI PMA requires the Recovery Private Key by Method 2 or 3"
                    + " (default 3).")
    private Integer method;

    @Option(
            names = "--settings",
            paramLabel = "FILE",
            description = "A procedure settings properties file: durations, paces, omitted steps, the Recovery"
                    + " key policy, the Guidance; they override the plan's (see docs/plans.md).")
    private Path settings;

    @Option(
            names = "--journal",
            paramLabel = "FILE",
            description = "The journal to write; it must not exist yet (default: a new file in "
                    + "build/rehearsals/, named PLAN-seedN.journal).")
    private Path journal;

    @Option(
            names = "--resume",
            paramLabel = "JOURNAL",
            description = "Continue the rehearsal journalled in JOURNAL, however it stopped; its parameters come"
                    + " from the journal, so give none of the options above.")
    private Path resume;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Send commands to the Devices on N threads, 1 to " + DeliverySettings.MAX_THREADS
                    + " (default: one per processor); changes only how fast the rehearsal runs, never its result."
                    + " Allowed with --resume.")
    private Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    private Path json;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write a self-contained HTML report (index.html, journal.jsonl) into DIR.")
    private Path report;

    @Option(
            names = "--seal-key",
            paramLabel = "KEY.pem",
            description = "The ECDSA P-256 private key (PEM) that seals the journal at each checkpoint and at the"
                    + " end (default: a new key, written to JOURNAL.seal-key.pem; keep it elsewhere). Check the"
                    + " seals with 'smki journal verify JOURNAL --seal-pub JOURNAL.seal.pub.pem'.")
    private Path sealKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printScenarios(out);
            return ExitCodes.OK;
        }
        int workers = threads();
        RehearsalText text = new RehearsalText(out);
        long startNanos = System.nanoTime();
        Consumer<RecoveryProgress> progress = DeviceProgressBar.onTerminal(System.out);
        if (!(progress instanceof DeviceProgressBar)) {
            progress = ProgressLines.onStandardError(spec.commandLine().getErr(), "smki rehearse");
        }
        RehearsalResult result;
        List<FleetState.Restored> restored;
        RunOutputs outputs;
        RunOutputs.refuseOverwritingInputs(json, report, inputs());
        try {
            Rehearsal rehearsal;
            if (resume != null) {
                byte[] bytes = CliFiles.read(resume);
                outputs = RunOutputs.forResume(resume, json, report, bytes);
                rehearsal = resume(outputs, bytes, progress, out, workers);
                text.header(rehearsal.plan(), rehearsal.procedure(), rehearsal.movesPlanned(), resume);
                rehearsal.result().timeline().forEach(text::entry);
                text.resumedAfter(rehearsal.movesMade());
            } else {
                ExercisePlan exercisePlan = plan();
                requireHeap(HeapNeed.of(exercisePlan));
                outputs = RunOutputs.forNewRun(
                        journal,
                        DEFAULT_JOURNAL_DIRECTORY,
                        exercisePlan.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + exercisePlan.seed(),
                        json,
                        report);
                rehearsal = start(exercisePlan, outputs, workers);
                text.header(exercisePlan, rehearsal.procedure(), rehearsal.movesPlanned(), outputs.journal());
            }
            try (rehearsal) {
                result = rehearsal.onEntry(text::entry).onProgress(progress).finish();
                restored = rehearsal.restored();
            }
        } finally {
            if (progress instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        Path journalFile = outputs.journal();
        Duration wallTime = Duration.ofNanos(System.nanoTime() - startNanos);
        text.summary(result, wallTime);
        out.println("Journal: " + journalFile + " (head " + result.journalHead() + ")");
        out.println("Seals: " + outputs.seals() + " (check them: smki journal verify " + journalFile + " --seal-pub "
                + outputs.sealPublicKey() + ")");
        if (Files.exists(outputs.sealKey())) {
            out.println("Seal key: " + outputs.sealKey() + " (private: keep it elsewhere, apart from the journal)");
        }
        for (FleetState.Restored sent : restored) {
            FleetState.Sending sending = sent.sending();
            out.println("Recovery Progress File: "
                    + ProgressFiles.path(journalFile, sending.operation(), sending.number())
                    + (sent.restoredAttempts() == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (resumed from it: %,d attempts restored, %,d made)",
                                    sent.restoredAttempts(),
                                    sent.madeAttempts())));
        }
        RehearsalReport rehearsalReport = RehearsalReport.of(result, journalFile.toString(), wallTime.toMillis());
        if (json != null) {
            outputs.writeJson(rehearsalReport.toJson() + System.lineSeparator());
            out.println("JSON: " + json);
        }
        if (report != null) {
            out.println("Report: " + writeReport(rehearsalReport, outputs));
        }
        out.flush();
        return result.complete() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Returns the files the run reads, by option, which its outputs may not overwrite. */
    private Map<String, Path> inputs() {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--plan", plan);
        inputs.put("--settings", settings);
        inputs.put("--seal-key", sealKey);
        return inputs;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Only a progress display: nothing recorded depends on it.
        }
    }

    /**
     * Returns the plan to rehearse: the {@code --plan} file's, or the built-in plan of the scenario (contingency
     * unless named), with the values the other options give.
     *
     * @throws UserInputException naming the option when one is out of range or does not apply, or the plan's problem
     */
    ExercisePlan plan() {
        if (plan != null && scenario != null) {
            throw new UserInputException("give a SCENARIO or --plan, not both: a plan names its own procedure");
        }
        ExercisePlan p = plan != null
                ? PlanFiles.read(plan)
                : PlanFiles.builtIn(scenario == null ? ExercisePlan.BUILT_IN.get(0) : scenario);
        if (seed != null) {
            p = p.withSeed(seed);
        }
        if (devices != null) {
            p = p.withDevices(checkedDevices(devices));
        }
        p = ProcedureSettingsFile.applyTo(p, settings);
        if (quorum != null) {
            try {
                p = p.withQuorum(Quorum.parse(quorum));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--quorum: " + e.getMessage(), e);
            }
        }
        if (method != null) {
            if (method != 2 && method != 3) {
                throw new UserInputException(
                        "--method: The Recovery Private Key is used by Method 2 or 3, not " + method);
            }
            if (BuiltInProcedure.parse(p.procedure().builtIn()) != BuiltInProcedure.ORGANISATION_KEY_COMPROMISE) {
                throw new UserInputException("--method applies to the recovery-key scenario only, not " + p.name());
            }
            p = p.withDecision(method == 2 ? RecoveryMechanism.RECOVERY_METHOD_2 : RecoveryMechanism.RECOVERY_METHOD_3);
        }
        double busy = failureRate == null ? p.fleet().busy() : share("--failure-rate", failureRate, 0.95);
        double silent = uncontactable == null ? p.fleet().uncontactable() : share("--uncontactable", uncontactable, 1);
        if (retries != null && (retries < 0 || retries > FleetPlan.MAX_RETRIES)) {
            throw new UserInputException("--retries: expected 0 to " + FleetPlan.MAX_RETRIES + ", got " + retries);
        }
        return p.withFailures(silent, busy, retries == null ? p.fleet().retries() : retries);
    }

    private void checkNoParametersWithResume() {
        List<String> given = new ArrayList<>();
        if (scenario != null) {
            given.add("SCENARIO");
        }
        addIf(given, plan, "--plan");
        addIf(given, devices, "--devices");
        addIf(given, seed, "--seed");
        addIf(given, quorum, "--quorum");
        addIf(given, failureRate, "--failure-rate");
        addIf(given, uncontactable, "--uncontactable");
        addIf(given, retries, "--retries");
        addIf(given, method, "--method");
        addIf(given, settings, "--settings");
        addIf(given, journal, "--journal");
        if (!given.isEmpty()) {
            throw new UserInputException(
                    "--resume takes the rehearsal's parameters from its journal; drop " + String.join(", ", given));
        }
    }

    private static void addIf(List<String> given, Object value, String name) {
        if (value != null) {
            given.add(name);
        }
    }

    private static int checkedDevices(int count) {
        long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
        if (count < 1 || count > capacity) {
            throw new UserInputException(
                    "--devices: expected 1 to " + capacity + " (the simulated Device identifiers), got " + count);
        }
        return count;
    }

    private static double share(String option, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new UserInputException(option + ": expected 0 to " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Returns the number of threads to send commands on: {@code --threads}, or the library's default.
     *
     * @throws UserInputException when {@code --threads} is out of range
     */
    int threads() {
        if (threads == null) {
            return DeliverySettings.defaultThreads();
        }
        if (threads < 1 || threads > DeliverySettings.MAX_THREADS) {
            throw new UserInputException(
                    "--threads: expected 1 to " + DeliverySettings.MAX_THREADS + ", got " + threads);
        }
        return threads;
    }

    private Rehearsal start(ExercisePlan parameters, RunOutputs outputs, int workers) {
        Path file = outputs.journal();
        try {
            JournalSealer sealer = JournalSealer.of(SealKeys.forNewRun(sealKey, outputs), outputs.seals());
            return Rehearsal.start(
                    parameters, Journal.file(file, Durability.FORCED, sealer), outputs.progressFiles(), workers);
        } catch (UncheckedIOException e) {
            outputs.abandon();
            throw new UserInputException("cannot write " + file + ": " + CliFiles.describe(file, e.getCause()), e);
        } catch (JournalInUseException e) {
            outputs.abandon();
            throw new UserInputException(e.getMessage(), e);
        } catch (PlanException e) {
            outputs.abandon();
            throw new UserInputException(
                    (settings != null ? settings + ": " : plan != null ? plan + ": " : "") + e.getMessage(), e);
        } catch (RuntimeException e) {
            outputs.abandon();
            throw e;
        }
    }

    private Rehearsal resume(
            RunOutputs outputs, byte[] bytes, Consumer<RecoveryProgress> progress, PrintWriter out, int workers) {
        checkNoParametersWithResume();
        Path file = outputs.journal();
        JournalVerification verification = JournalVerification.of(bytes);
        if (verification.isIntact() && !verification.hasHeader()) {
            throw new UserInputException(file + " holds no complete journal header (" + bytes.length + " bytes): the"
                    + " rehearsal stopped before it recorded anything; delete it and start the rehearsal again");
        }
        if (verification.isIntact()) {
            out.println("Resuming " + file + ": " + verification.entries().size() + " attempts journalled;"
                    + " replaying them...");
            out.flush();
        }
        try {
            JournalSealer sealer = JournalSealer.of(SealKeys.forResume(sealKey, outputs), outputs.seals());
            return Rehearsal.resume(
                    file, Journal.file(file, Durability.FORCED, sealer), progress, outputs.progressFiles(), workers);
        } catch (HeapTooSmallException e) {
            requireHeap(e.need());
            throw e;
        } catch (UncheckedIOException e) {
            throw CliFiles.unreadable(file, e.getCause());
        } catch (JournalInUseException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (ResumeException | PlanException | JournalMismatchException e) {
            throw new UserInputException("cannot resume " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything is written, a rehearsal whose fleet cannot fit in the heap this JVM may use, saying
     * how much it needs and how to give it.
     *
     * @throws UserInputException when it does not fit
     */
    private static void requireHeap(HeapNeed need) {
        if (!need.fits()) {
            throw new UserInputException(need + ": give Java more heap, such as SMKI_JAVA_OPTS=" + need.maxHeapOption()
                    + " ./smki rehearse ... (see docs/rehearsals.md)");
        }
    }

    private Path writeReport(RehearsalReport rehearsalReport, RunOutputs outputs) {
        byte[] journalBytes = CliFiles.read(outputs.journal());
        List<String> lines =
                new String(journalBytes, StandardCharsets.UTF_8).lines().toList();
        return outputs.writeReport(HtmlReport.render(rehearsalReport, lines), journalBytes);
    }
}
