package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Multiplicity;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Progress;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's mutable progress, with an undo log so that a batch whose journal write fails leaves no trace. Not
 * thread-safe: {@link ProcedureRun} guards it with its lock.
 */
final class LiveProgress implements Progress {

    private final Procedure<?> procedure;
    private final Map<StepId, Instant> completedAt = new LinkedHashMap<>();
    private final Map<StepId, Set<String>> items = new HashMap<>();
    private final Map<StepId, Integer> timesDone = new HashMap<>();
    private final List<Change> uncommitted = new ArrayList<>();

    private record Change(StepId step, String item, boolean firstCompletion) {}

    LiveProgress(Procedure<?> procedure) {
        this.procedure = procedure;
    }

    /** Returns why {@code attempt} at {@code step} is refused by the definition alone (not by guards), if it is. */
    Optional<Refusal> refusalByDefinition(Step<?> step, Attempt attempt) {
        Optional<String> item = attempt.item();
        if (step.multiplicity() == Multiplicity.ONCE && hasCompleted(step.id())
                || step.isPerItem() && hasCompleted(step.id(), item.orElseThrow())) {
            return Optional.of(new Refusal.AlreadyDone(step, item));
        }
        if (!step.allows(attempt.actor())) {
            return Optional.of(new Refusal.WrongActor(step, attempt.actor()));
        }
        List<Step<?>> missing = new ArrayList<>();
        for (StepId id : step.prerequisites()) {
            Step<?> prerequisite = procedure.step(id);
            boolean done = step.isPerItem() && prerequisite.isPerItem()
                    ? hasCompleted(id, item.orElseThrow())
                    : hasCompleted(id);
            if (!done) {
                missing.add(prerequisite);
            }
        }
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(new Refusal.MissingPrerequisites(step, item, missing));
    }

    /** Records that {@code step} was accepted (for {@code item}) at {@code at}, until commit or rollback. */
    void accept(Step<?> step, Optional<String> item, Instant at) {
        StepId id = step.id();
        boolean first = !completedAt.containsKey(id);
        if (first) {
            completedAt.put(id, at);
        }
        item.ifPresent(
                i -> items.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(i));
        timesDone.merge(id, 1, Integer::sum);
        uncommitted.add(new Change(id, item.orElse(null), first));
    }

    void commit() {
        uncommitted.clear();
    }

    void rollback() {
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            Change change = uncommitted.get(i);
            if (change.item() != null) {
                Set<String> done = items.get(change.step());
                done.remove(change.item());
                if (done.isEmpty()) {
                    items.remove(change.step());
                }
            }
            if (timesDone.merge(change.step(), -1, Integer::sum) == 0) {
                timesDone.remove(change.step());
            }
            if (change.firstCompletion()) {
                completedAt.remove(change.step());
            }
        }
        uncommitted.clear();
    }

    RunState snapshot(long lastSequence, String head) {
        return new RunState(completedAt, items, timesDone, lastSequence, head);
    }

    @Override
    public boolean hasCompleted(StepId step) {
        return completedAt.containsKey(step);
    }

    @Override
    public boolean hasCompleted(StepId step, String item) {
        Set<String> done = items.get(step);
        return done != null && done.contains(item);
    }

    @Override
    public Optional<Instant> completedAt(StepId step) {
        return Optional.ofNullable(completedAt.get(step));
    }

    @Override
    public Set<StepId> completedSteps() {
        return Collections.unmodifiableSet(completedAt.keySet());
    }

    @Override
    public Set<String> itemsDone(StepId step) {
        return Collections.unmodifiableSet(items.getOrDefault(step, Set.of()));
    }

    @Override
    public int timesDone(StepId step) {
        return timesDone.getOrDefault(step, 0);
    }
}
