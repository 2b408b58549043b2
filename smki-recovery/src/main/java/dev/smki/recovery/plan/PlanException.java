package dev.smki.recovery.plan;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an exercise plan cannot be used; it lists every problem found, each with its line and column. */
public final class PlanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> problems;

    PlanException(List<PlanProblem> problems) {
        super(problems.stream().map(PlanProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem, in the order they are in the plan. */
    public List<PlanProblem> problems() {
        return problems;
    }
}
