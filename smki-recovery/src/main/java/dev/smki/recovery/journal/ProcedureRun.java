package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Deadline;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.GuardInput;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link Procedure}: actors attempt steps, each attempt is accepted or refused, and every
 * attempt is journalled before it is answered.
 *
 * <p>{@link #attempt} returns {@link Outcome.Accepted} or {@link Outcome.Refused} with a {@link Refusal}: the
 * step is already done, the actor's role may not do it, prerequisites are missing (named by id and title), or a
 * guard does not hold (naming its rule). A refusal changes no progress; it is journalled like an acceptance.
 * Programming errors are thrown instead: an unknown step, or an item given for a step that is not per-item (or
 * missing for one that is), throws {@link IllegalArgumentException} and journals nothing.
 *
 * <p>A run is thread-safe and linearizable: attempts from several threads take effect one at a time, in the
 * order of their journal sequence numbers, and each is answered only after its line is in the journal (forced
 * to the device, for a durable file journal). {@link #attemptAll} decides many attempts in order and appends
 * their lines with a single force, for fleet recovery's many per-device attempts. If the journal cannot be
 * written, the attempts of that call have no effect, the call throws {@link UncheckedIOException}, and the run
 * refuses further attempts: resume it from the journal.
 *
 * <p>Time comes from the injected {@link Clock}; deadlines missed are reported by {@link #breachedDeadlines()},
 * never thrown.
 *
 * <p>{@link #resume} reads a journal, verifies it, checks that its header names the same procedure definition,
 * replays its entries and continues appending to it, after cutting off a torn tail left by a crash. Replay
 * re-applies the journalled outcomes rather than re-running guards: guards may read the run's context, which
 * may have changed since, and the journal keeps only payload summaries. Replay does re-check everything the
 * definition decides (actor, prerequisites, already done), so a journal that contradicts its procedure is
 * rejected.
 */
public final class ProcedureRun<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureRun.class);

    private final Procedure<C> procedure;
    private final Journal journal;
    private final Clock clock;
    private final C context;
    private final JournalHeader header;
    private final ReentrantLock lock = new ReentrantLock();
    private final LiveProgress progress;
    private final List<JournalEntry> entries = new ArrayList<>();
    private long lastSequence;
    private String head;
    private String stopped;

    private ProcedureRun(Procedure<C> procedure, Journal journal, Clock clock, C context, JournalHeader header) {
        this.procedure = procedure;
        this.journal = journal;
        this.clock = clock;
        this.context = context;
        this.header = header;
        this.progress = new LiveProgress(procedure);
        this.head = header.hash();
    }

    /**
     * Starts a run of {@code procedure} without a context, with an in-memory journal; for tests, examples and
     * simulations where durability does not matter. {@link #start(Procedure, Journal, Clock)} is the durable form.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param clock the clock that times the attempts
     * @return the run, its header journalled
     */
    public static <C> ProcedureRun<C> start(Procedure<C> procedure, Clock clock) {
        return start(procedure, Journal.inMemory(), clock);
    }

    /**
     * Starts a run of {@code procedure} without a context (its guards may not read one), writing its header to the
     * empty {@code journal}.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param journal the journal
     * @param clock the clock that times the attempts
     * @return the run, its header journalled
     * @throws IllegalStateException when the journal is not empty, or is in use ({@link JournalInUseException})
     * @throws UncheckedIOException when the journal cannot be written
     */
    public static <C> ProcedureRun<C> start(Procedure<C> procedure, Journal journal, Clock clock) {
        return startWith(procedure, journal, clock, null, PayloadSummary.empty());
    }

    /**
     * Starts a run of {@code procedure} whose guards may read {@code context}, writing its header to the empty
     * {@code journal}.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param journal the journal
     * @param clock the clock that times the attempts
     * @param context the state outside the run that the guards read
     * @return the run, its header journalled
     * @throws IllegalStateException when the journal is not empty, or is in use ({@link JournalInUseException})
     * @throws UncheckedIOException when the journal cannot be written
     */
    public static <C> ProcedureRun<C> start(Procedure<C> procedure, Journal journal, Clock clock, C context) {
        return start(procedure, journal, clock, context, PayloadSummary.empty());
    }

    /**
     * Starts a run of {@code procedure} whose guards may read {@code context} (null for none), writing its header,
     * with {@code note} saying what the run is about (such as a rehearsal's parameters), to the empty {@code journal}.
     * The note
     * is covered by the header's hash; {@link JournalHeader#note()} reads it back.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param journal the journal
     * @param clock the clock that times the attempts
     * @param context the state outside the run that the guards read
     * @param note the header note
     * @return the run, its header journalled
     * @throws IllegalStateException when the journal is not empty, or is in use ({@link JournalInUseException})
     * @throws UncheckedIOException when the journal cannot be written
     */
    public static <C> ProcedureRun<C> start(
            Procedure<C> procedure, Journal journal, Clock clock, C context, PayloadSummary note) {
        return startWith(procedure, journal, clock, context, note);
    }

    private static <C> ProcedureRun<C> startWith(
            Procedure<C> procedure, Journal journal, Clock clock, C context, PayloadSummary note) {
        requireArguments(procedure, journal, clock);
        Objects.requireNonNull(note, "note");
        journal.claim();
        try {
            journal.open();
            byte[] existing = journal.read();
            if (existing.length > 0) {
                throw new IllegalStateException(journal + " already holds " + existing.length
                        + " bytes; resume it instead of starting a new run");
            }
            return fresh(procedure, journal, clock, context, note);
        } catch (IOException e) {
            journal.release();
            throw new UncheckedIOException("Cannot start " + journal, e);
        } catch (RuntimeException e) {
            journal.release();
            throw e;
        }
    }

    /**
     * Resumes the run recorded in {@code journal}, without a context.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param journal the journal
     * @param clock the clock that times the attempts
     * @return the run, ready to attempt the next step
     * @see #resume(Procedure, Journal, Clock, Object)
     */
    public static <C> ProcedureRun<C> resume(Procedure<C> procedure, Journal journal, Clock clock) {
        return resumeWith(procedure, journal, clock, null);
    }

    /**
     * Resumes the run recorded in {@code journal}: verifies the journal, replays it to rebuild exactly the state
     * the run had, cuts off a torn tail, and continues appending to it. A journal with no complete header (a file
     * that does not exist yet, or a crash while it was being created) starts afresh, as {@link #start} would.
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @param journal the journal
     * @param clock the clock that times the attempts
     * @param context the state outside the run that the guards read
     * @return the run, ready to attempt the next step
     * @throws JournalMismatchException when the journal is broken (naming the first broken line), records
     *     another procedure or another definition of it, or contradicts the definition (naming the line)
     * @throws JournalInUseException when the journal is in use
     * @throws UncheckedIOException when the journal cannot be read or written
     */
    public static <C> ProcedureRun<C> resume(Procedure<C> procedure, Journal journal, Clock clock, C context) {
        return resumeWith(procedure, journal, clock, context);
    }

    private static <C> ProcedureRun<C> resumeWith(Procedure<C> procedure, Journal journal, Clock clock, C context) {
        requireArguments(procedure, journal, clock);
        journal.claim();
        try {
            journal.open();
            JournalVerification verification = JournalVerification.of(journal.read());
            if (!verification.isIntact()) {
                throw new JournalMismatchException(journal + " is broken at "
                        + verification.firstBreak().orElseThrow() + "; it cannot be resumed");
            }
            if (verification.tornTail().isPresent()) {
                LOG.warn(
                        "Dropping the torn last line of {}: {} bytes left by an interrupted write",
                        journal,
                        verification.tornTail().get().length());
                journal.truncate(verification.intactLength());
            }
            if (verification.header().isEmpty()) {
                return fresh(procedure, journal, clock, context, PayloadSummary.empty());
            }
            JournalHeader header = verification.header().get();
            if (!header.records(procedure)) {
                throw new JournalMismatchException(journal + " records procedure " + header.procedure()
                        + " with definition " + header.definitionHash() + ", not " + procedure.name()
                        + " with definition " + procedure.definitionHash());
            }
            ProcedureRun<C> run = new ProcedureRun<>(procedure, journal, clock, context, header);
            for (JournalEntry entry : verification.entries()) {
                run.replay(entry);
            }
            run.progress.commit();
            LOG.debug("Resumed {} from {} after {} attempts", procedure, journal, run.lastSequence);
            return run;
        } catch (IOException e) {
            journal.release();
            throw new UncheckedIOException("Cannot resume " + journal, e);
        } catch (RuntimeException e) {
            journal.release();
            throw e;
        }
    }

    private static void requireArguments(Procedure<?> procedure, Journal journal, Clock clock) {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(clock, "clock");
    }

    private static <C> ProcedureRun<C> fresh(
            Procedure<C> procedure, Journal journal, Clock clock, C context, PayloadSummary note) throws IOException {
        JournalFormat.Encoded<JournalHeader> header =
                JournalFormat.header(procedure.name(), procedure.definitionHash(), clock.instant(), note);
        journal.append(header.line());
        return new ProcedureRun<>(procedure, journal, clock, context, header.value());
    }

    private void replay(JournalEntry entry) {
        String line = "line " + entry.line() + " (" + entry.stepAndItem() + " by " + entry.actor() + ")";
        if (!procedure.hasStep(entry.step())) {
            throw new JournalMismatchException(
                    journal + " " + line + ": " + entry.step() + " is not a step of " + procedure.name());
        }
        Step<C> step = procedure.step(entry.step());
        if (step.isPerItem() != entry.item().isPresent()) {
            throw new JournalMismatchException(journal + " " + line + ": " + step.id()
                    + (step.isPerItem() ? " is done per item, but no item is named" : " is not done per item"));
        }
        Attempt attempt = entry.item().isPresent()
                ? Attempt.ofItem(step.id(), entry.item().get(), entry.actor(), Payload.of(entry.payload()))
                : Attempt.of(step.id(), entry.actor(), Payload.of(entry.payload()));
        Optional<Refusal> byDefinition = progress.refusalByDefinition(step, attempt);
        String contradiction = null;
        if (entry.accepted()) {
            if (byDefinition.isPresent()) {
                contradiction = "the journal accepts it, but the procedure refuses it: "
                        + byDefinition.get().message();
            } else {
                progress.accept(step, entry.item(), entry.time());
            }
        } else if (entry.refusal().orElseThrow() == Refusal.Kind.GUARD_FAILED) {
            if (byDefinition.isPresent()) {
                contradiction = "the journal has a guard refuse it, but the procedure refuses it before its guards: "
                        + byDefinition.get().message();
            } else if (step.guards().stream()
                    .noneMatch(g -> g.rule().equals(entry.rule().orElseThrow())
                            && g.name().equals(entry.guard().orElseThrow()))) {
                contradiction = "the journal names the guard " + entry.rule().orElseThrow() + " "
                        + entry.guard().orElseThrow() + ", which " + step.id() + " does not have";
            }
        } else if (byDefinition.isEmpty()
                || byDefinition.get().kind() != entry.refusal().get()) {
            contradiction = "the journal refuses it as " + entry.refusal().get() + ", but the procedure "
                    + byDefinition.map(r -> "refuses it as " + r.kind()).orElse("allows it");
        }
        if (contradiction != null) {
            throw new JournalMismatchException(
                    journal + " " + line + " contradicts " + procedure + ": " + contradiction);
        }
        entries.add(entry);
        lastSequence = entry.sequence();
        head = entry.hash();
    }

    /**
     * Attempts {@code step} by {@code actor} with no payload.
     *
     * @param step the step
     * @param actor who attempts the step
     * @return the outcome, once the journal holds it
     */
    public Outcome attempt(StepId step, Actor actor) {
        return attempt(Attempt.of(step, actor));
    }

    /**
     * Attempts {@code step} by {@code actor} with {@code payload}.
     *
     * @param step the step
     * @param actor who attempts the step
     * @param payload what the actor hands over
     * @return the outcome, once the journal holds it
     */
    public Outcome attempt(StepId step, Actor actor, Payload payload) {
        return attempt(Attempt.of(step, actor, payload));
    }

    /**
     * Decides {@code attempt}, journals it and returns its outcome once the journal holds it.
     *
     * @param attempt the attempt
     * @return the outcome, once the journal holds it
     * @throws IllegalArgumentException when the step is unknown, or the attempt's item does not fit the step
     * @throws IllegalStateException when the run is closed or stopped, or a guard finds its context lacking
     * @throws UncheckedIOException when the journal cannot be written; the attempt then has no effect
     */
    public Outcome attempt(Attempt attempt) {
        return attemptAll(List.of(attempt)).get(0);
    }

    /**
     * Decides {@code attempts} in order, each seeing the effect of those before it, journals them with a single
     * force and returns their outcomes, in the same order, once the journal holds them all.
     *
     * <p>Nothing is decided if any attempt names an unknown step or misfits its item. If a guard throws, or the
     * journal cannot be written, none of the attempts has any effect.
     *
     * @param attempts the attempts, in order
     * @return the outcomes, in order, once the journal holds them
     * @throws IllegalArgumentException when a step is unknown, or an attempt's item does not fit its step
     * @throws IllegalStateException when the run is closed or stopped, or a guard finds its context lacking
     * @throws UncheckedIOException when the journal cannot be written
     */
    public List<Outcome> attemptAll(List<Attempt> attempts) {
        List<Attempt> batch = List.copyOf(attempts);
        lock.lock();
        try {
            requireRunning();
            List<Step<C>> steps = new ArrayList<>(batch.size());
            for (Attempt attempt : batch) {
                steps.add(stepOf(attempt));
            }
            ByteArrayOutputStream lines = new ByteArrayOutputStream(batch.size() * 256);
            List<JournalEntry> written = new ArrayList<>(batch.size());
            List<Outcome> outcomes = new ArrayList<>(batch.size());
            long sequence = lastSequence;
            String previous = head;
            try {
                for (int i = 0; i < batch.size(); i++) {
                    Attempt attempt = batch.get(i);
                    Step<C> step = steps.get(i);
                    Instant now = clock.instant();
                    Optional<Refusal> refusal = decide(step, attempt, now);
                    JournalFormat.Encoded<JournalEntry> line =
                            JournalFormat.entry(++sequence, now, attempt, refusal, previous);
                    previous = line.value().hash();
                    if (refusal.isEmpty()) {
                        progress.accept(step, attempt.item(), now);
                    }
                    lines.writeBytes(line.line());
                    written.add(line.value());
                    outcomes.add(refusal.<Outcome>map(
                                    r -> new Outcome.Refused(line.value().sequence(), now, r))
                            .orElseGet(() -> new Outcome.Accepted(line.value().sequence(), now)));
                }
            } catch (RuntimeException e) {
                progress.rollback();
                throw e;
            }
            if (!batch.isEmpty()) {
                try {
                    journal.append(lines.toByteArray());
                } catch (IOException | RuntimeException e) {
                    progress.rollback();
                    stopped = "writing " + journal + " failed (" + e + ")";
                    throw new UncheckedIOException(
                            "Cannot write " + journal + "; the run is stopped: resume it",
                            e instanceof IOException io ? io : new IOException(e));
                }
            }
            progress.commit();
            entries.addAll(written);
            lastSequence = sequence;
            head = previous;
            return List.copyOf(outcomes);
        } finally {
            lock.unlock();
        }
    }

    private Step<C> stepOf(Attempt attempt) {
        Step<C> step = procedure.step(attempt.step());
        if (step.isPerItem() && attempt.item().isEmpty()) {
            throw new IllegalArgumentException(
                    step.describe() + " is done per item; attempt it with Attempt.ofItem(...) naming the item");
        }
        if (!step.isPerItem() && attempt.item().isPresent()) {
            throw new IllegalArgumentException(step.describe() + " is not done per item, yet the attempt names item "
                    + attempt.item().get());
        }
        return step;
    }

    private Optional<Refusal> decide(Step<C> step, Attempt attempt, Instant now) {
        Optional<Refusal> byDefinition = progress.refusalByDefinition(step, attempt);
        if (byDefinition.isPresent()) {
            return byDefinition;
        }
        GuardInput<C> input = new GuardInput<>(step, attempt, now, progress, context);
        for (Guard<C> guard : step.guards()) {
            if (!guard.holds(input)) {
                return Optional.of(new Refusal.GuardFailed(step, guard));
            }
        }
        return Optional.empty();
    }

    private void requireRunning() {
        if (stopped != null) {
            throw new IllegalStateException("The run of " + procedure.name() + " is stopped: " + stopped);
        }
    }

    /** {@return the procedure being run} */
    public Procedure<C> procedure() {
        return procedure;
    }

    /** {@return the journal's header} */
    public JournalHeader header() {
        return header;
    }

    /** {@return a snapshot of the run's progress and journal position} */
    public RunState state() {
        lock.lock();
        try {
            return progress.snapshot(lastSequence, head);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return whether {@code step} is complete (for a per-item step: done for at least one item)}
     *
     * @param step the step
     */
    public boolean hasCompleted(StepId step) {
        lock.lock();
        try {
            return progress.hasCompleted(procedure.step(step).id());
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether every step of the procedure is complete} */
    public boolean isComplete() {
        lock.lock();
        try {
            return procedure.steps().stream().allMatch(step -> progress.hasCompleted(step.id()));
        } finally {
            lock.unlock();
        }
    }

    /** {@return every journalled attempt, oldest first} */
    public List<JournalEntry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** {@return the hash of the journal's last line, to keep elsewhere as evidence of the journal's end} */
    public String head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return the deadlines missed so far, in definition order: those whose end step was completed late, and
     * those whose end step is still open after its due time (by the run's clock now)}
     */
    public List<DeadlineBreach> breachedDeadlines() {
        lock.lock();
        try {
            Instant now = clock.instant();
            List<DeadlineBreach> breaches = new ArrayList<>();
            for (Deadline deadline : procedure.deadlines()) {
                Optional<Instant> due = deadline.dueAt(progress);
                if (due.isEmpty()) {
                    continue;
                }
                Optional<Instant> done = progress.completedAt(deadline.to());
                Instant end = done.orElse(now);
                if (end.isAfter(due.get())) {
                    breaches.add(new DeadlineBreach(deadline, due.get(), done, Duration.between(due.get(), end)));
                }
            }
            return List.copyOf(breaches);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the journal; further attempts throw {@link IllegalStateException}, queries still answer, and the
     * journal may be resumed by another run.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (stopped == null || !stopped.equals("closed")) {
                stopped = "closed";
                journal.release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns the procedure and how far the run is, never payloads. */
    @Override
    public String toString() {
        RunState state = state();
        return "run of " + procedure + ": " + state.completedSteps().size() + "/"
                + procedure.steps().size() + " steps complete after " + state.lastSequence() + " attempts";
    }
}
