package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.Progress;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a run's progress, with the journal position it was taken at. Two runs with equal
 * states have done the same steps, for the same items, as often and since the same times, and their journals
 * end with the same line.
 *
 * @param completedAt when each complete step was first accepted
 * @param items the items done, for each per-item step with at least one
 * @param timesDone how many attempts at each step were accepted, for each step with at least one
 * @param lastSequence the sequence number of the journal's last entry; 0 for none
 * @param head the hash of the journal's last line
 */
public record RunState(
        Map<StepId, Instant> completedAt,
        Map<StepId, Set<String>> items,
        Map<StepId, Integer> timesDone,
        long lastSequence,
        String head)
        implements Progress {

    /**
     * Checks the components.
     *
     * @param completedAt when each complete step was first accepted
     * @param items the items done, for each per-item step with at least one
     * @param timesDone how many attempts at each step were accepted, for each step with at least one
     * @param lastSequence the sequence number of the journal's last entry; 0 for none
     * @param head the hash of the journal's last line
     * @throws NullPointerException when a component is null
     */
    public RunState {
        completedAt = Map.copyOf(completedAt);
        Map<StepId, Set<String>> copied = new HashMap<>();
        items.forEach((step, done) -> copied.put(step, Set.copyOf(done)));
        items = Map.copyOf(copied);
        timesDone = Map.copyOf(timesDone);
        Objects.requireNonNull(head, "head");
    }

    @Override
    public boolean hasCompleted(StepId step) {
        return completedAt.containsKey(step);
    }

    @Override
    public boolean hasCompleted(StepId step, String item) {
        return items.getOrDefault(step, Set.of()).contains(item);
    }

    @Override
    public Optional<Instant> completedAt(StepId step) {
        return Optional.ofNullable(completedAt.get(step));
    }

    @Override
    public Set<StepId> completedSteps() {
        return completedAt.keySet();
    }

    @Override
    public Set<String> itemsDone(StepId step) {
        return items.getOrDefault(step, Set.of());
    }

    @Override
    public int timesDone(StepId step) {
        return timesDone.getOrDefault(step, 0);
    }
}
