package dev.smki.recovery.rehearsal;

import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.DeadlineBreach;
import dev.smki.recovery.workflow.Durability;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.JournalEntry;
import dev.smki.recovery.workflow.JournalHeader;
import dev.smki.recovery.workflow.JournalVerification;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.ProcedureRun;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.RunContext;
import dev.smki.recovery.workflow.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A rehearsal of an incident response over a simulated world: a seeded test PKI, a fleet of Devices holding its
 * trust anchors, Key Custodians and a simulated HSM, a certificate registry with revocation, and a simulated clock.
 * The rehearsal follows its {@link Scenario}'s script, move by move: each move is an attempt at a step of the
 * incident's procedure ({@link dev.smki.recovery.procedures.IncidentResponses}), journalled, and, when accepted,
 * its effect on the world: key ceremonies from Shamir shares, certificates issued, one signed command per Relevant
 * Device, revocations and lists published.
 *
 * <pre>{@code
 * RehearsalParameters parameters = RehearsalParameters.of(Scenario.CONTINGENCY).withSeed(7).withDevices(1_000);
 * try (Rehearsal rehearsal = Rehearsal.start(parameters, Journal.file(path))) {
 *     RehearsalResult result = rehearsal.finish();
 * }
 * RehearsalResult again = Rehearsal.resume(path).finish();   // continues a journal, however it ended
 * }</pre>
 *
 * <p><b>Determinism and resume.</b> Everything is a function of the parameters and the steps done: keys and
 * certificates come from the seed, the clock moves by each step's pace ({@link
 * dev.smki.recovery.procedures.ProcedureSettings#pace}), injected failures are drawn per Device and attempt from
 * the seed. The journal's header records the parameters ({@link RehearsalParameters#toJournal()}), so {@link
 * #resume(Path)} needs nothing else: it rebuilds the world from the parameters, replays the effects of the
 * journalled accepted steps in order (checking that each journalled attempt is the script's), and goes on. A
 * rehearsal interrupted at any moment and resumed ends with the same result, journal head included, as one run
 * without interruption.
 *
 * <p>Not thread-safe: one thread drives a rehearsal; device updates within a step run in parallel.
 */
public final class Rehearsal implements AutoCloseable {

    private final RehearsalParameters parameters;
    private final Procedure procedure;
    private final List<Move> moves;
    private final World world;
    private final ProcedureRun run;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private Instant lastTime;
    private Consumer<TimelineEntry> listener = entry -> {};

    private Rehearsal(
            RehearsalParameters parameters, Procedure procedure, List<Move> moves, World world, ProcedureRun run) {
        this.parameters = parameters;
        this.procedure = procedure;
        this.moves = moves;
        this.world = world;
        this.run = run;
        this.lastTime = parameters.start();
    }

    /**
     * Starts a rehearsal with {@code parameters}, journalling it to the empty {@code journal}, whose header records
     * the parameters.
     *
     * @throws IllegalArgumentException when the parameters do not fit a journal header (too many settings)
     * @throws IllegalStateException when the journal is not empty, or is in use
     * @throws UncheckedIOException when the journal cannot be written
     */
    public static Rehearsal start(RehearsalParameters parameters, Journal journal) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(journal, "journal");
        PayloadSummary note = note(parameters);
        Procedure procedure = Scripts.procedure(parameters);
        World world = new World(parameters);
        ProcedureRun run = ProcedureRun.start(procedure, journal, world.clock, RunContext.of(world), note);
        return new Rehearsal(parameters, procedure, Scripts.moves(parameters, procedure), world, run);
    }

    /** Runs a whole rehearsal with {@code parameters} in memory and returns its result. */
    public static RehearsalResult run(RehearsalParameters parameters) {
        try (Rehearsal rehearsal = start(parameters, Journal.inMemory())) {
            return rehearsal.finish();
        }
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile}: reads its parameters from the header, rebuilds the
     * world by replaying the accepted steps' effects, cuts off a torn last line, and continues appending.
     *
     * @throws IllegalArgumentException when the file is not an intact rehearsal journal, or its attempts are not
     *     those of the rehearsal its header describes (naming the first that differs)
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Rehearsal resume(Path journalFile) {
        return resume(journalFile, Durability.FORCED);
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path)} does, appending with {@code
     * durability} ({@link Durability#UNFORCED} for tests and quick runs that need not survive a power cut).
     */
    public static Rehearsal resume(Path journalFile, Durability durability) {
        return resume(journalFile, durability, report -> {});
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path, Durability)} does, calling
     * {@code onProgress} with the progress reports of the device updates replayed, and then of those made (see
     * {@link #onProgress}).
     */
    public static Rehearsal resume(
            Path journalFile, Durability durability, Consumer<? super RecoveryProgress> onProgress) {
        Objects.requireNonNull(durability, "durability");
        return resume(
                journalFile, Journal.file(Objects.requireNonNull(journalFile, "journalFile"), durability), onProgress);
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path, Durability, Consumer)} does,
     * appending through {@code journal}, a journal of that file (such as a {@linkplain
     * dev.smki.recovery.workflow.JournalSealer sealed} one).
     */
    public static Rehearsal resume(Path journalFile, Journal journal, Consumer<? super RecoveryProgress> onProgress) {
        Objects.requireNonNull(journalFile, "journalFile");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(onProgress, "onProgress");
        JournalVerification verification;
        try {
            verification = JournalVerification.of(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + journalFile, e);
        }
        if (!verification.isIntact()) {
            throw new IllegalArgumentException(
                    journalFile + " is broken at " + verification.firstBreak().orElseThrow());
        }
        JournalHeader header = verification
                .header()
                .orElseThrow(() -> new IllegalArgumentException(journalFile
                        + " holds no journal header, so no rehearsal parameters: start the rehearsal again"));
        RehearsalParameters parameters =
                RehearsalParameters.fromJournal(header.note().asMap());
        Procedure procedure = Scripts.procedure(parameters);
        World world = new World(parameters);
        world.clock.set(parameters.start());
        world.onProgress(onProgress);
        ProcedureRun run = ProcedureRun.resume(procedure, journal, world.clock, RunContext.of(world));
        Rehearsal rehearsal = new Rehearsal(parameters, procedure, Scripts.moves(parameters, procedure), world, run);
        try {
            rehearsal.replay(run.entries());
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return rehearsal;
    }

    private static PayloadSummary note(RehearsalParameters parameters) {
        Map<String, String> entries = parameters.toJournal();
        if (entries.size() > PayloadSummary.MAX_ENTRIES) {
            throw new IllegalArgumentException("A rehearsal journal records at most "
                    + (PayloadSummary.MAX_ENTRIES - 10) + " changed procedure settings; " + (entries.size() - 10)
                    + " are changed");
        }
        return PayloadSummary.of(entries);
    }

    private void replay(List<JournalEntry> entries) {
        if (entries.size() > moves.size()) {
            throw new IllegalArgumentException("The journal holds " + entries.size() + " attempts; the rehearsal "
                    + parameters.scenario() + " makes " + moves.size());
        }
        for (JournalEntry entry : entries) {
            Move move = moves.get(timeline.size());
            Instant time = lastTime.plus(parameters.settings().pace(move.step()));
            world.clock.set(time);
            Attempt attempt = move.attempt(world);
            if (!entry.step().equals(move.step())
                    || !entry.item().equals(move.item())
                    || !entry.actor().equals(move.actor())
                    || !entry.time().equals(time)
                    || !entry.payload().equals(attempt.payload().summary())) {
                throw new IllegalArgumentException("Journal line " + entry.line() + " (" + entry.stepAndItem()
                        + " by " + entry.actor() + " at " + entry.time() + ") is not the rehearsal's move "
                        + (timeline.size() + 1) + " (" + move.step()
                        + move.item().map(i -> "[" + i + "]").orElse("")
                        + " by " + move.actor() + " at " + time + ")");
            }
            record(
                    move,
                    entry.sequence(),
                    time,
                    entry.accepted(),
                    entry.reason().orElse("accepted"));
        }
    }

    /** Returns the rehearsal's parameters. */
    public RehearsalParameters parameters() {
        return parameters;
    }

    /** Returns the procedure the rehearsal runs. */
    public Procedure procedure() {
        return procedure;
    }

    /** Calls {@code onEntry} with each timeline entry from now on, as its move is made. */
    public Rehearsal onEntry(Consumer<TimelineEntry> onEntry) {
        this.listener = Objects.requireNonNull(onEntry, "onEntry");
        return this;
    }

    /**
     * Calls {@code onProgress} with every progress report of the device updates from now on, as the fleet executor
     * makes them: for each sending, a first report with every Device pending, one per batch of Devices, and a last
     * with none pending ({@link dev.smki.recovery.fleet.FleetExecutor}). The reports come in order, one at a time,
     * from the executor's working threads, while {@link #step()} runs; keep the listener short. They are those
     * the result lists ({@link RehearsalResult#reports()}).
     */
    public Rehearsal onProgress(Consumer<? super RecoveryProgress> onProgress) {
        world.onProgress(onProgress);
        return this;
    }

    /** Returns how many moves the script makes in all. */
    public int movesPlanned() {
        return moves.size();
    }

    /** Returns how many moves are made. */
    public int movesMade() {
        return timeline.size();
    }

    /** Returns whether every move of the script is made. */
    public boolean isFinished() {
        return timeline.size() == moves.size();
    }

    /**
     * Makes the next move: attempts its step at the next time, journals it, and carries out its effect when
     * accepted; returns its timeline entry.
     *
     * @throws IllegalStateException when every move is made, or the run is closed
     */
    public TimelineEntry step() {
        if (isFinished()) {
            throw new IllegalStateException("The rehearsal has made all its " + moves.size() + " moves");
        }
        Move move = moves.get(timeline.size());
        Instant time = lastTime.plus(parameters.settings().pace(move.step()));
        world.clock.set(time);
        Outcome outcome = run.attempt(move.attempt(world));
        TimelineEntry entry = record(
                move,
                outcome.sequence(),
                time,
                outcome.isAccepted(),
                outcome.refusal().map(Refusal::message).orElse("accepted"));
        listener.accept(entry);
        return entry;
    }

    private TimelineEntry record(Move move, long sequence, Instant time, boolean accepted, String outcome) {
        String effect;
        try {
            effect = accepted ? move.effect().apply(world) : "";
        } catch (RuntimeException e) {
            throw new IllegalStateException("The effect of " + move.step() + " failed at " + time + ": " + e, e);
        }
        TimelineEntry entry = new TimelineEntry(
                time,
                sequence,
                move.step(),
                procedure.step(move.step()).title(),
                move.item(),
                move.actor(),
                accepted,
                outcome,
                effect);
        timeline.add(entry);
        Instant after = world.clock.instant();
        lastTime = after.isAfter(time) ? after : time;
        return entry;
    }

    /** Makes every remaining move and returns the result. */
    public RehearsalResult finish() {
        while (!isFinished()) {
            step();
        }
        return result();
    }

    /** Returns the result so far. */
    public RehearsalResult result() {
        List<DeadlineBreach> breaches = run.breachedDeadlines();
        return new RehearsalResult(
                parameters,
                procedure.name(),
                timeline,
                world.counts(),
                world.progress(),
                world.reports(),
                anomalies(breaches),
                breaches,
                run.isComplete(),
                run.head());
    }

    private List<String> anomalies(List<DeadlineBreach> breaches) {
        List<String> anomalies = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            if (!entry.accepted()) {
                anomalies.add(entry.stepAndItem() + " by " + entry.actor() + " refused: " + entry.outcome());
            }
        }
        if (!world.writtenOff().isEmpty()) {
            Map<String, Long> reasons = new TreeMap<>();
            world.writtenOff().values().forEach(w -> reasons.merge(w.reason().slug(), 1L, Long::sum));
            anomalies.add(devices(world.writtenOff().size()) + " written off: " + reasons);
        }
        DeviceCounts counts = world.counts();
        if (recovers() && counts.holdingCompromisedKey() > 0) {
            anomalies.add(devices(counts.holdingCompromisedKey()) + " still holding the replaced key");
        }
        for (RevocationOutcome outcome : world.revocations.history()) {
            if (outcome.verdict() == RevocationOutcome.Verdict.REFUSED) {
                anomalies.add("revocation refused: " + outcome.summary());
            }
        }
        for (DeadlineBreach breach : breaches) {
            anomalies.add("deadline " + breach.deadline().name() + " breached by " + breach.overdueBy());
        }
        if (isFinished() && !run.isComplete()) {
            anomalies.add("procedure incomplete: "
                    + procedure.steps().stream()
                            .map(Step::id)
                            .filter(id -> !run.hasCompleted(id))
                            .toList()
                    + " not done");
        }
        return anomalies;
    }

    private static String devices(long count) {
        return count + (count == 1 ? " Relevant Device" : " Relevant Devices");
    }

    private boolean recovers() {
        return switch (parameters.scenario()) {
            case CONTINGENCY, RECOVERY_KEY, RECOVERY_KEY_REPLACEMENT -> true;
            case SOLR, NOTIFY_ONLY -> false;
        };
    }

    /** Returns the simulated world, for tests of the effects. */
    World world() {
        return world;
    }

    /** Closes the journal; the rehearsal may be resumed from it. */
    @Override
    public void close() {
        run.close();
    }

    @Override
    public String toString() {
        return "Rehearsal " + parameters.scenario() + " (seed " + parameters.seed() + "): " + timeline.size() + " of "
                + moves.size() + " moves made";
    }
}
