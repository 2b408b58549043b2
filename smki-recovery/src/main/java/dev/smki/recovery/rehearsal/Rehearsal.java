package dev.smki.recovery.rehearsal;

import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.incident.ProgressRecords;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.journal.DeadlineBreach;
import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.JournalEntry;
import dev.smki.recovery.journal.JournalMismatchException;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanException;
import dev.smki.recovery.plan.PlanProcedures;
import dev.smki.recovery.procedures.FleetState;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A rehearsal of an exercise plan over a simulated world ({@link IncidentState}): a seeded test PKI, a fleet of
 * Devices holding its trust anchors, Key Custodians and a simulated HSM, a certificate registry with revocation, and a
 * simulated clock. The rehearsal makes the moves the plan gives (the procedure's steps in order, the custodians'
 * attendance session by session, the events injected), each an attempt at a step, journalled, and, when accepted, the
 * step's own effect on the world (defined with the step): key ceremonies from Shamir shares, certificates issued, one
 * signed command per Relevant Device, revocations and lists published. A refused move changes nothing; the moves that
 * wait for a step refused for good are not made.
 *
 * <pre>{@code
 * ExercisePlan plan = ExercisePlan.builtIn("contingency").withSeed(7).withDevices(1_000);
 * try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.file(path))) {
 *     RehearsalResult result = rehearsal.finish();
 * }
 * RehearsalResult again = Rehearsal.resume(path).finish();   // continues a journal, however it ended
 * }</pre>
 *
 * <p><b>Determinism and resume.</b> Everything is a function of the plan and the steps done: keys and certificates
 * come from the seed, the clock moves by each step's pace, injected failures are drawn per Device and attempt from the
 * seed. The journal's header records the plan, so {@link #resume(Path)} needs nothing else: it rebuilds the world from
 * the plan, replays the effects of the journalled accepted steps in order (checking that each journalled attempt is
 * the plan's), and goes on. A rehearsal interrupted at any moment and resumed ends with the same result, journal head
 * included, as one run without interruption.
 *
 * <p><b>Threads and listeners.</b> Not thread-safe: one thread drives a rehearsal; the device updates within a step
 * run in parallel on a number of threads that is a parameter of the rehearsal ({@link #start(ExercisePlan, Journal,
 * ProgressRecords, int)}), one per processor by default ({@link DeliverySettings#defaultThreads()}), and changes
 * nothing but speed. A listener ({@link #onEntry}, {@link #onProgress}) that throws is logged and detached; it never
 * ends the rehearsal.
 */
public final class Rehearsal implements AutoCloseable {

    private final ExercisePlan plan;
    private final Procedure<IncidentState> procedure;
    private final List<Move> moves;
    private final IncidentState state;
    private final ProcedureRun<IncidentState> run;
    private final Map<StepId, Set<StepId>> waitsFor = new HashMap<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
    private final Set<StepId> refusedForGood = new LinkedHashSet<>();
    private final Map<StepId, Refusal> lastRefusal = new HashMap<>();
    private final Map<StepId, Set<String>> skipped = new java.util.LinkedHashMap<>();
    private int next;
    private Instant lastTime;
    private Consumer<TimelineEntry> listener = entry -> {};

    private Rehearsal(
            ExercisePlan plan,
            Procedure<IncidentState> procedure,
            IncidentState state,
            ProcedureRun<IncidentState> run) {
        this.plan = plan;
        this.procedure = procedure;
        this.state = state;
        this.run = run;
        this.moves = MovePlanner.plan(plan, procedure, state);
        this.lastTime = plan.start();
    }

    /**
     * Starts a rehearsal of {@code plan}, journalling it to the empty {@code journal}, whose header records the plan;
     * the progress of each sending of commands is kept in memory only.
     *
     * @param plan the exercise plan
     * @param journal the journal
     * @return the rehearsal, its journal header written
     * @throws PlanException when the plan's procedure or settings cannot be used, or the plan is too large for a
     *     journal header
     * @throws IllegalStateException when the journal is not empty, or is in use
     * @throws HeapTooSmallException when the plan's fleet cannot fit in the heap this JVM may use
     * @throws UncheckedIOException when the journal cannot be written
     */
    public static Rehearsal start(ExercisePlan plan, Journal journal) {
        return start(plan, journal, ProgressRecords.none());
    }

    /**
     * Starts a rehearsal of {@code plan} as {@link #start(ExercisePlan, Journal)} does, keeping the progress reports of
     * each sending of commands in the record {@code progress} opens for it as they are made (such as {@link
     * ProgressFiles#beside}: Recovery Progress Files beside the journal), so that a resumed rehearsal goes on from
     * them.
     *
     * @param plan the exercise plan
     * @param journal the journal
     * @param progress where the progress reports of each sending of commands are kept
     * @return the rehearsal, its journal header written
     */
    public static Rehearsal start(ExercisePlan plan, Journal journal, ProgressRecords progress) {
        return start(plan, journal, progress, DeliverySettings.defaultThreads());
    }

    /**
     * Starts a rehearsal of {@code plan} as {@link #start(ExercisePlan, Journal, ProgressRecords)} does, sending
     * commands to the Devices on {@code threads} threads ({@link DeliverySettings#defaultThreads()} unless given). The
     * number of threads changes only how fast the rehearsal runs: its journal and result are the same.
     *
     * @param plan the exercise plan
     * @param journal the journal
     * @param progress where the progress reports of each sending of commands are kept
     * @param threads how many threads send commands to the Devices
     * @return the rehearsal, its journal header written
     * @throws IllegalArgumentException also when {@code threads} is not 1 to {@value DeliverySettings#MAX_THREADS}
     */
    public static Rehearsal start(ExercisePlan plan, Journal journal, ProgressRecords progress, int threads) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(progress, "progress");
        requireThreads(threads);
        HeapNeed.of(plan).requireFits();
        Procedure<IncidentState> procedure = PlanProcedures.procedure(plan);
        IncidentState state = IncidentState.create(PlanSetup.of(plan));
        state.fleet().useThreads(threads);
        state.fleet().recordProgressIn(progress);
        ProcedureRun<IncidentState> run =
                ProcedureRun.start(procedure, journal, state.clock(), state, PlanJournal.note(plan));
        return new Rehearsal(plan, procedure, state, run);
    }

    /**
     * Runs a whole rehearsal of {@code plan} in memory and returns its result.
     *
     * @param plan the exercise plan
     * @return the result
     */
    public static RehearsalResult run(ExercisePlan plan) {
        return run(plan, DeliverySettings.defaultThreads());
    }

    /**
     * Runs a whole rehearsal of {@code plan} in memory on {@code threads} threads and returns its result, the same
     * whatever the number of threads.
     *
     * @param plan the exercise plan
     * @param threads how many threads send commands to the Devices
     * @return the result
     * @throws IllegalArgumentException when {@code threads} is not 1 to {@value DeliverySettings#MAX_THREADS}
     */
    public static RehearsalResult run(ExercisePlan plan, int threads) {
        try (Rehearsal rehearsal = start(plan, Journal.inMemory(), ProgressRecords.none(), threads)) {
            return rehearsal.finish();
        }
    }

    private static void requireThreads(int threads) {
        if (threads < 1 || threads > DeliverySettings.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "A rehearsal works on 1 to " + DeliverySettings.MAX_THREADS + " threads, not " + threads);
        }
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile}: reads its plan from the header, rebuilds the world by
     * replaying the accepted steps' effects, cuts off a torn last line, and continues appending.
     *
     * @param journalFile the journal file
     * @return the rehearsal, ready to make its next move
     * @throws ResumeException when the file is not an intact rehearsal journal, or its attempts are not those of the
     *     rehearsal its header describes (naming the first that differs)
     * @throws PlanException when the journalled plan's procedure or settings cannot be used
     * @throws JournalMismatchException when the journal's attempts cannot be replayed by the plan's procedure, or it
     *     does not match its seals
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Rehearsal resume(Path journalFile) {
        return resume(journalFile, Durability.FORCED);
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path)} does, appending with {@code
     * durability} ({@link Durability#UNFORCED} for tests and quick runs that need not survive a power cut).
     *
     * @param journalFile the journal file
     * @param durability how appends are forced to the disk
     * @return the rehearsal, ready to make its next move
     */
    public static Rehearsal resume(Path journalFile, Durability durability) {
        return resume(journalFile, durability, report -> {});
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path, Durability)} does, calling
     * {@code onProgress} with the progress reports of the device updates replayed, and then of those made (see
     * {@link #onProgress}).
     *
     * @param journalFile the journal file
     * @param durability how appends are forced to the disk
     * @param onProgress called with each progress report
     * @return the rehearsal, ready to make its next move
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
     * dev.smki.recovery.journal.JournalSealer sealed} one).
     *
     * @param journalFile the journal file
     * @param journal the journal
     * @param onProgress called with each progress report
     * @return the rehearsal, ready to make its next move
     */
    public static Rehearsal resume(Path journalFile, Journal journal, Consumer<? super RecoveryProgress> onProgress) {
        return resume(journalFile, journal, onProgress, ProgressRecords.none());
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path, Journal, Consumer)} does, going
     * on from the progress records {@code progress} opens for each sending of commands (such as {@link
     * ProgressFiles#continuing}: the Recovery Progress Files the interrupted run wrote beside the journal): what they
     * record is restored, each batch of Devices checked against its recorded report, rather than sent again, so a
     * rehearsal killed while sending commands redoes only the batches it had in hand.
     *
     * @param journalFile the journal file
     * @param journal the journal
     * @param onProgress called with each progress report
     * @param progress where the progress reports of each sending of commands are kept
     * @return the rehearsal, ready to make its next move
     * @throws HeapTooSmallException when the journalled plan's fleet cannot fit in the heap this JVM may use
     */
    public static Rehearsal resume(
            Path journalFile,
            Journal journal,
            Consumer<? super RecoveryProgress> onProgress,
            ProgressRecords progress) {
        return resume(journalFile, journal, onProgress, progress, DeliverySettings.defaultThreads());
    }

    /**
     * Resumes the rehearsal journalled in {@code journalFile} as {@link #resume(Path, Journal, Consumer,
     * ProgressRecords)} does, sending commands (those replayed included) on {@code threads} threads. The number of
     * threads need not be the one the interrupted run used: it changes only how fast the rehearsal runs.
     *
     * @param journalFile the journal file
     * @param journal the journal
     * @param onProgress called with each progress report
     * @param progress where the progress reports of each sending of commands are kept
     * @param threads how many threads send commands to the Devices
     * @return the rehearsal, ready to make its next move
     * @throws IllegalArgumentException also when {@code threads} is not 1 to {@value DeliverySettings#MAX_THREADS}
     */
    public static Rehearsal resume(
            Path journalFile,
            Journal journal,
            Consumer<? super RecoveryProgress> onProgress,
            ProgressRecords progress,
            int threads) {
        Objects.requireNonNull(journalFile, "journalFile");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(onProgress, "onProgress");
        Objects.requireNonNull(progress, "progress");
        requireThreads(threads);
        ExercisePlan plan = PlanJournal.read(journalFile);
        HeapNeed.of(plan).requireFits();
        Procedure<IncidentState> procedure = PlanProcedures.procedure(plan);
        IncidentState state = IncidentState.create(PlanSetup.of(plan));
        state.fleet().useThreads(threads);
        state.fleet().onProgress(DetachingListener.of("progress listener", onProgress));
        state.fleet().recordProgressIn(progress);
        ProcedureRun<IncidentState> run = ProcedureRun.resume(procedure, journal, state.clock(), state);
        Rehearsal rehearsal = new Rehearsal(plan, procedure, state, run);
        try {
            rehearsal.replay(run.entries());
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return rehearsal;
    }

    private void replay(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            Move move = nextMove()
                    .orElseThrow(() -> new ResumeException("The journal holds " + entries.size()
                            + " attempts; the plan " + plan.name() + " makes " + timeline.size()));
            Instant time = timeOf(move);
            state.clock().set(time);
            move.before().forEach(event -> event.apply(state));
            Attempt attempt = attempt(move);
            if (!entry.step().equals(move.step())
                    || !entry.item().equals(move.item())
                    || !entry.actor().equals(move.actor())
                    || !entry.time().equals(time)
                    || !entry.payload().equals(attempt.payload().summary())) {
                throw new ResumeException("Journal line " + entry.line() + " (" + entry.stepAndItem()
                        + " by " + entry.actor() + " at " + entry.time() + ") is not the rehearsal's move "
                        + (timeline.size() + 1) + " (" + move.stepAndItem() + " by " + move.actor() + " at " + time
                        + ")");
            }
            record(
                    move,
                    attempt,
                    entry.sequence(),
                    time,
                    entry.accepted(),
                    entry.reason().orElse("accepted"),
                    Optional.empty());
        }
    }

    /** {@return the exercise plan rehearsed} */
    public ExercisePlan plan() {
        return plan;
    }

    /** {@return the procedure the rehearsal runs} */
    public Procedure<IncidentState> procedure() {
        return procedure;
    }

    /**
     * Calls {@code onEntry} with each timeline entry from now on, as its move is made. A listener that throws is
     * logged and detached: the rehearsal goes on without it.
     *
     * @param onEntry called with each timeline entry
     * @return this rehearsal
     */
    public Rehearsal onEntry(Consumer<TimelineEntry> onEntry) {
        this.listener = DetachingListener.of("timeline listener", Objects.requireNonNull(onEntry, "onEntry"));
        return this;
    }

    /** {@return how many threads the rehearsal sends commands to the Devices on} */
    public int threads() {
        return state.fleet().threads();
    }

    /**
     * Calls {@code onProgress} with every progress report of the device updates from now on, as the fleet executor
     * makes them: for each sending, a first report with every Device pending, one per batch of Devices, and a last
     * with none pending ({@link dev.smki.recovery.fleet.FleetExecutor}). The reports come in order, one at a time,
     * from the executor's working threads, while {@link #step()} runs; keep the listener short. A resumed rehearsal
     * gives the reports it restores too, so the listener hears the same reports as in an uninterrupted run. A
     * listener that throws is logged (SLF4J, warning) and detached: the rehearsal goes on without it.
     *
     * @param onProgress called with each progress report
     * @return this rehearsal
     */
    public Rehearsal onProgress(Consumer<? super RecoveryProgress> onProgress) {
        state.fleet().onProgress(DetachingListener.of("progress listener", onProgress));
        return this;
    }

    /** {@return how many moves the plan makes at most (retries and later sessions included)} */
    public int movesPlanned() {
        return moves.size();
    }

    /** {@return how many moves are made} */
    public int movesMade() {
        return timeline.size();
    }

    /** {@return whether every move of the plan is made or not needed} */
    public boolean isFinished() {
        return nextMove().isEmpty();
    }

    /**
     * Makes the next move: attempts its step at the next time, journals it, and carries out its effect when accepted;
     * returns its timeline entry.
     *
     * @return the timeline entry of the move
     * @throws IllegalStateException when every move is made, or the run is closed
     */
    public TimelineEntry step() {
        Move move = nextMove()
                .orElseThrow(() ->
                        new IllegalStateException("The rehearsal has made all its " + timeline.size() + " moves"));
        Instant time = timeOf(move);
        state.clock().set(time);
        move.before().forEach(event -> event.apply(state));
        Attempt attempt = attempt(move);
        Outcome outcome = run.attempt(attempt);
        TimelineEntry entry = record(
                move,
                attempt,
                outcome.sequence(),
                time,
                outcome.isAccepted(),
                outcome.refusal().map(Refusal::message).orElse("accepted"),
                outcome.refusal());
        listener.accept(entry);
        return entry;
    }

    /** Returns the next move to make, skipping those no longer needed or waiting for a step refused for good. */
    private Optional<Move> nextMove() {
        while (next < moves.size()) {
            Move move = moves.get(next);
            if (move.unless().isPresent() && done.contains(move.unless().get().value())) {
                next++;
                continue;
            }
            Optional<StepId> blocking = prerequisites(move.step()).stream()
                    .filter(refusedForGood::contains)
                    .findFirst();
            if (blocking.isPresent()) {
                skipped.computeIfAbsent(blocking.get(), b -> new LinkedHashSet<>())
                        .add(move.step().value());
                next++;
                continue;
            }
            return Optional.of(move);
        }
        return Optional.empty();
    }

    /** Returns the steps {@code step} waits for, directly or not. */
    private Set<StepId> prerequisites(StepId step) {
        return waitsFor.computeIfAbsent(step, s -> {
            Set<StepId> all = new LinkedHashSet<>();
            List<StepId> open = new ArrayList<>(procedure.step(s).prerequisites());
            while (!open.isEmpty()) {
                StepId id = open.remove(open.size() - 1);
                if (all.add(id)) {
                    open.addAll(procedure.step(id).prerequisites());
                }
            }
            return all;
        });
    }

    private Instant timeOf(Move move) {
        Instant time = lastTime.plus(settings().pace(move.step())).plus(move.extra());
        if (move.noticeGated()) {
            Instant notice = state.custody()
                    .notifiedAt()
                    .orElse(plan.start())
                    .plus(plan.custody().noticeLeadTime());
            time = notice.isAfter(time) ? notice : time;
        }
        if (move.hsmGated()) {
            Instant works = state.custody().hsmUnavailableUntil().orElse(time);
            time = works.isAfter(time) ? works : time;
        }
        return time;
    }

    private ProcedureSettings settingsCache;

    private ProcedureSettings settings() {
        if (settingsCache == null) {
            settingsCache = PlanProcedures.settings(plan);
        }
        return settingsCache;
    }

    private Attempt attempt(Move move) {
        Step<IncidentState> step = procedure.step(move.step());
        Payload payload = step.offer().payload(state, move.item());
        return move.item().isPresent()
                ? Attempt.ofItem(move.step(), move.item().get(), move.actor(), payload)
                : Attempt.of(move.step(), move.actor(), payload);
    }

    private TimelineEntry record(
            Move move,
            Attempt attempt,
            long sequence,
            Instant time,
            boolean accepted,
            String outcome,
            Optional<Refusal> refusal) {
        Step<IncidentState> step = procedure.step(move.step());
        String effect;
        try {
            effect = accepted ? step.effect().apply(state, attempt) : "";
        } catch (RuntimeException e) {
            throw new IllegalStateException("The effect of " + move.step() + " failed at " + time + ": " + e, e);
        }
        if (accepted) {
            done.add(move.step().value());
        } else {
            refusal.ifPresent(r -> lastRefusal.put(move.step(), r));
            if (refusal.isEmpty()) {
                lastRefusal.remove(move.step());
            }
            boolean retried = moves.subList(next + 1, moves.size()).stream()
                    .anyMatch(m -> m.step().equals(move.step()));
            if (!retried) {
                refusedForGood.add(move.step());
            }
        }
        next++;
        TimelineEntry entry = new TimelineEntry(
                time,
                sequence,
                move.step(),
                step.title(),
                move.item(),
                move.actor(),
                accepted,
                outcome,
                effect,
                step.confidence(),
                step.sources());
        timeline.add(entry);
        Instant after = state.clock().instant();
        lastTime = after.isAfter(time) ? after : time;
        return entry;
    }

    /**
     * Makes every remaining move and returns the result.
     *
     * @return the result
     */
    public RehearsalResult finish() {
        while (!isFinished()) {
            step();
        }
        return result();
    }

    /** {@return the result so far} */
    public RehearsalResult result() {
        List<DeadlineBreach> breaches = run.breachedDeadlines();
        return new RehearsalResult(
                plan,
                procedure.name(),
                timeline,
                state.fleet().counts(),
                state.fleet().progress(),
                state.fleet().sendings(),
                new RehearsalAnomalies(
                                plan,
                                procedure,
                                state,
                                run,
                                timeline,
                                lastRefusal,
                                skipped,
                                settings().guidance(),
                                isFinished())
                        .find(breaches),
                breaches,
                run.isComplete(),
                run.head(),
                state.relevantSubscribers());
    }

    /**
     * Returns, for each sending of commands so far, how much this run restored from the record an interrupted run
     * left ({@link #resume(Path, Journal, Consumer, ProgressRecords)}) and how much it did itself; not part of the
     * result, which is the same however the rehearsal was interrupted.
     *
     * @return how much each sending of commands restored and did
     */
    public List<FleetState.Restored> restored() {
        return state.fleet().restored();
    }

    /** Returns the simulated world, for tests of the effects. */
    IncidentState state() {
        return state;
    }

    /** Closes the journal; the rehearsal may be resumed from it. */
    @Override
    public void close() {
        run.close();
    }

    @Override
    public String toString() {
        return "Rehearsal " + plan.name() + " (seed " + plan.seed() + "): " + timeline.size() + " moves made";
    }
}
