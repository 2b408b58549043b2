package dev.smki.recovery.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named time limit between two steps: {@code to} should be complete within {@code limit} of {@code from}
 * being complete, such as {@code T_confirm} from N2 to N3.
 *
 * <p>No SEC time limit could be verified (recovery.md §2), so every limit is a named, replaceable value (see
 * {@link Procedure#withDeadline}). A breached deadline is reported by {@link
 * dev.smki.recovery.journal.ProcedureRun#breachedDeadlines()},
 * never thrown. A per-item step counts as complete at its first item.
 *
 * @param name the duration's name, such as {@code T_confirm}
 * @param from the step that starts the clock
 * @param to the step that should follow in time
 * @param limit the time allowed; positive
 */
public record Deadline(String name, StepId from, StepId to, Duration limit) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    /**
     * Checks the components.
     *
     * @param name the duration's name, such as {@code T_confirm}
     * @param from the step that starts the clock
     * @param to the step that should follow in time
     * @param limit the time allowed; positive
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the name does not start with a letter, the limit is not positive, or
     *     the deadline runs from a step to itself
     */
    public Deadline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(limit, "limit");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A deadline's name starts with a letter, such as T_confirm; got '" + name + "'");
        }
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("Deadline " + name + " needs a positive limit, not " + limit);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("Deadline " + name + " runs from " + from + " to itself");
        }
    }

    /**
     * {@return when {@code to} is due, if {@code from} is complete in {@code progress}}
     *
     * @param progress where the progress reports of each sending of commands are kept
     */
    public Optional<Instant> dueAt(Progress progress) {
        return progress.completedAt(from).map(start -> start.plus(limit));
    }

    /**
     * {@return a copy with {@code limit} as its time allowed}
     *
     * @param limit how long after the first step the second is due
     */
    public Deadline withLimit(Duration limit) {
        return new Deadline(name, from, to, limit);
    }
}
