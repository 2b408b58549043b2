package dev.smki.recovery.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a procedure run has done so far: which steps are complete, for which items, how often and since when.
 *
 * <p>A step is complete once it has been accepted once; a {@link Multiplicity#PER_ITEM per-item} step is
 * complete once it has been accepted for its first item. Refused attempts change nothing here.
 */
public interface Progress {

    /** Returns whether {@code step} has been accepted at least once (for at least one item). */
    boolean hasCompleted(StepId step);

    /** Returns whether the per-item {@code step} has been accepted for {@code item}. */
    boolean hasCompleted(StepId step, String item);

    /** Returns when {@code step} was first accepted, if it has been. */
    Optional<Instant> completedAt(StepId step);

    /** Returns the complete steps. */
    Set<StepId> completedSteps();

    /** Returns the items for which the per-item {@code step} has been accepted; empty for other steps. */
    Set<String> itemsDone(StepId step);

    /** Returns how many attempts at {@code step} have been accepted. */
    int timesDone(StepId step);
}
