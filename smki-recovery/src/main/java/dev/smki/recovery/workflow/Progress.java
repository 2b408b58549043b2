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

    /**
     * {@return whether {@code step} has been accepted at least once (for at least one item)}
     *
     * @param step the step
     */
    boolean hasCompleted(StepId step);

    /**
     * {@return whether the per-item {@code step} has been accepted for {@code item}}
     *
     * @param step the step
     * @param item the item, such as a Device
     */
    boolean hasCompleted(StepId step, String item);

    /**
     * {@return when {@code step} was first accepted, if it has been}
     *
     * @param step the step
     */
    Optional<Instant> completedAt(StepId step);

    /** {@return the complete steps} */
    Set<StepId> completedSteps();

    /**
     * {@return the items for which the per-item {@code step} has been accepted; empty for other steps}
     *
     * @param step the step
     */
    Set<String> itemsDone(StepId step);

    /**
     * {@return how many attempts at {@code step} have been accepted}
     *
     * @param step the step
     */
    int timesDone(StepId step);
}
