package dev.smki.recovery.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an exercise plan cannot be used. A plan read from text lists every problem found, each with its line
 * and column ({@link #problems()}); a plan built or changed through the API names the part of the plan at fault
 * instead ({@link #field()}), such as {@code settings.T_confirm} or {@code procedure}. The message is for display.
 */
public final class PlanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> problems;
    /** The part of the plan at fault, or null when the plan was read from text. */
    private final @Nullable String field;

    PlanException(List<PlanProblem> problems) {
        super(problems.stream().map(PlanProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
        this.field = null;
    }

    /**
     * Creates the exception for a plan not read from text.
     *
     * @param field the part of the plan at fault (see {@link #field()})
     * @param message what is wrong, one line
     * @param cause what was thrown using that part, if anything
     */
    public PlanException(String field, String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problems = List.of();
        this.field = Objects.requireNonNull(field, "field");
    }

    /** {@return every problem, in the order they are in the plan's text; empty when the plan was not read from text} */
    public List<PlanProblem> problems() {
        return problems;
    }

    /**
     * {@return the part of the plan at fault when it was not read from text: {@code name} (no built-in plan of that
     * name), {@code plan} (the whole plan, such as one too large for a journal header), {@code durations.NAME} or
     * {@code settings.NAME} (a procedure setting), or {@code procedure}}
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
