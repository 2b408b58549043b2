package dev.smki.examples.cli;

import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.examples.report.HtmlReport;
import dev.smki.examples.report.RehearsalReport;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.BuiltInProcedure;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.workflow.Durability;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.JournalVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            "Scenarios: contingency (a Root OCA compromise recovered with the Contingency key; the default),"
                    + " recovery-key (a Supplier key compromise recovered with the Recovery key, --method 2 or 3),"
                    + " recovery-key-replacement, solr (a Supplier of Last Resort event), notify-only, live-exercise"
                    + " (the June 2019 kind). Each is a built-in exercise plan: 'smki plan init SCENARIO' prints it.",
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

    private static final String AFTER_THE_RUN =
            " (the rehearsal's journal is complete: --resume it to write its results again)";

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            description = "contingency (default), recovery-key, recovery-key-replacement, solr, notify-only or"
                    + " live-exercise.")
    private String scenario;

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
            description = "Retries of a failed update before the Device is written off, 0 to 99 (default 3).")
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

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    private Path json;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write a self-contained HTML report (index.html, journal.jsonl) into DIR.")
    private Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RehearsalText text = new RehearsalText(out);
        long startNanos = System.nanoTime();
        Consumer<RecoveryProgress> progress = DeviceProgressBar.onTerminal(System.out);
        RehearsalResult result;
        Path journalFile;
        try {
            Rehearsal rehearsal;
            if (resume != null) {
                journalFile = resume;
                createParentOf(json);
                rehearsal = resume(resume, progress, out);
                text.header(rehearsal.plan(), rehearsal.procedure(), rehearsal.movesPlanned(), journalFile);
                rehearsal.result().timeline().forEach(text::entry);
                text.resumedAfter(rehearsal.movesMade());
            } else {
                ExercisePlan exercisePlan = plan();
                journalFile = journal != null ? journal : freeJournal(DEFAULT_JOURNAL_DIRECTORY, exercisePlan);
                prepare(journalFile, out);
                createParentOf(json);
                rehearsal = start(exercisePlan, journalFile);
                text.header(exercisePlan, rehearsal.procedure(), rehearsal.movesPlanned(), journalFile);
            }
            try (rehearsal) {
                result = rehearsal.onEntry(text::entry).onProgress(progress).finish();
            }
        } finally {
            if (progress instanceof DeviceProgressBar bar) {
                bar.close();
            }
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - startNanos);
        text.summary(result, wallTime);
        out.println("Journal: " + journalFile + " (head " + result.journalHead() + ")");
        Map<String, List<RecoveryProgress>> byOperation = new LinkedHashMap<>();
        result.reports()
                .forEach(r -> byOperation
                        .computeIfAbsent(r.operation(), o -> new ArrayList<>())
                        .add(r));
        byOperation.forEach((operation, reports) -> {
            Path progressFile = progressFileBeside(journalFile, operation);
            ProgressFile.write(progressFile, reports);
            out.println("Recovery Progress File: " + progressFile);
        });
        RehearsalReport rehearsalReport = RehearsalReport.of(result, journalFile.toString(), wallTime.toMillis());
        if (json != null) {
            writeJson(rehearsalReport);
            out.println("JSON: " + json);
        }
        if (report != null) {
            out.println("Report: " + writeReport(rehearsalReport, journalFile));
        }
        out.flush();
        return result.complete() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * Returns where the Recovery Progress File of one sending of commands ({@code operation}, the step that sent
     * them, such as {@code C5}) of the rehearsal journalled in {@code journal} goes: beside it,
     * {@code NAME.OPERATION.progress.csv} for {@code NAME.journal}. A resumed rehearsal rewrites it whole, with the
     * same bytes as an uninterrupted run.
     */
    static Path progressFileBeside(Path journal, String operation) {
        String name = journal.getFileName().toString();
        String stem = name.endsWith(".journal") ? name.substring(0, name.length() - ".journal".length()) : name;
        return journal.resolveSibling(stem + "." + operation.replaceAll("[^A-Za-z0-9_-]", "_") + ".progress.csv");
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
        if (retries != null && (retries < 0 || retries > 99)) {
            throw new UserInputException("--retries: expected 0 to 99, got " + retries);
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
     * Returns the first journal file in {@code directory} that does not exist yet: {@code PLAN-seedN.journal},
     * then {@code PLAN-seedN-2.journal} and so on.
     */
    static Path freeJournal(Path directory, ExercisePlan parameters) {
        String stem = parameters.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + parameters.seed();
        Path candidate = directory.resolve(stem + ".journal");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = directory.resolve(stem + "-" + i + ".journal");
        }
        return candidate;
    }

    /**
     * Makes ready to journal a new rehearsal to {@code file}: creates its directory; refuses a file that holds a
     * journal (a record, never overwritten); removes one holding no complete line, left by a rehearsal stopped
     * before it recorded anything.
     */
    private static void prepare(Path file, PrintWriter out) {
        if (Files.exists(file)) {
            byte[] bytes = CliFiles.read(file);
            JournalVerification verification = JournalVerification.of(bytes);
            if (bytes.length > 0 && (!verification.isIntact() || verification.hasHeader())) {
                throw new UserInputException(file + " already holds a journal (" + verification.lines()
                        + " lines), a record that is never overwritten: continue it with 'smki rehearse --resume "
                        + file + "' or name another --journal");
            }
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UserInputException("cannot replace " + file + ": " + CliFiles.describe(file, e), e);
            }
            out.println("Replacing " + file + ": it holds no complete line (a rehearsal stopped before it recorded"
                    + " anything)");
        }
        createParentOf(file);
    }

    /** Creates the directory {@code file} goes in, so that writing it after a long rehearsal does not fail. */
    private static void createParentOf(Path file) {
        if (file == null) {
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot create the directory " + directory + ": " + CliFiles.describe(directory, e), e);
        }
    }

    private Rehearsal start(ExercisePlan parameters, Path file) {
        try {
            return Rehearsal.start(parameters, Journal.file(file));
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot write " + file + ": " + CliFiles.describe(file, e.getCause()), e);
        } catch (IllegalStateException e) {
            throw journalInUse(e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(
                    (settings != null ? settings + ": " : plan != null ? plan + ": " : "") + e.getMessage(), e);
        }
    }

    private Rehearsal resume(Path file, Consumer<RecoveryProgress> progress, PrintWriter out) {
        checkNoParametersWithResume();
        byte[] bytes = CliFiles.read(file);
        JournalVerification verification = JournalVerification.of(bytes);
        if (verification.isIntact() && !verification.hasHeader()) {
            throw new UserInputException(file + " holds no complete journal header (" + bytes.length + " bytes): the"
                    + " rehearsal stopped before it recorded anything; start it again with the same options and"
                    + " --journal " + file);
        }
        if (verification.isIntact()) {
            out.println("Resuming " + file + ": " + verification.entries().size() + " attempts journalled;"
                    + " replaying them...");
            out.flush();
        }
        try {
            return Rehearsal.resume(file, Durability.FORCED, progress);
        } catch (UncheckedIOException e) {
            throw CliFiles.unreadable(file, e.getCause());
        } catch (IllegalStateException e) {
            throw journalInUse(e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot resume " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the exception for a journal another run holds, or {@code e} itself when it means something else. */
    private static RuntimeException journalInUse(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("The journal ") ? new UserInputException(message, e) : e;
    }

    private void writeJson(RehearsalReport rehearsalReport) {
        try {
            rehearsalReport.writeJson(json);
        } catch (UncheckedIOException e) {
            throw new UserInputException(
                    "cannot write " + json + ": " + CliFiles.describe(json, e.getCause()) + AFTER_THE_RUN, e);
        }
    }

    private Path writeReport(RehearsalReport rehearsalReport, Path journalFile) {
        try {
            List<String> lines = Files.readAllLines(journalFile, StandardCharsets.UTF_8);
            return HtmlReport.write(rehearsalReport, lines, report);
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot write the report into " + report + ": " + CliFiles.describe(report, e) + AFTER_THE_RUN, e);
        }
    }
}
