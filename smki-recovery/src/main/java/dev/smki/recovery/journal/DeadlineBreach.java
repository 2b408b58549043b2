package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A deadline that was missed: its end step was completed after the due time, or is still not complete when
 * the due time has passed.
 *
 * @param deadline the deadline missed
 * @param due when the end step was due
 * @param completedAt when the end step was completed, if it has been
 * @param overdueBy how late the end step was, or is so far
 */
public record DeadlineBreach(Deadline deadline, Instant due, Optional<Instant> completedAt, Duration overdueBy) {

    /**
     * Checks the components.
     *
     * @param deadline the deadline missed
     * @param due when the end step was due
     * @param completedAt when the end step was completed, if it has been
     * @param overdueBy how late the end step was, or is so far
     * @throws NullPointerException when a component is null
     */
    public DeadlineBreach {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(overdueBy, "overdueBy");
    }

    /** {@return whether the end step is still not complete} */
    public boolean isOpen() {
        return completedAt.isEmpty();
    }

    /** Returns a one-line description, such as {@code T_confirm: N3 due 2026-…Z after N2, still open, 2h late}. */
    @Override
    public String toString() {
        return deadline.name() + ": " + deadline.to() + " due " + due + " (" + deadline.limit() + " after "
                + deadline.from() + "), " + completedAt.map(at -> "done " + at).orElse("still open") + ", "
                + overdueBy + " late";
    }
}
