package dev.smki.recovery.analysis;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.StepId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@link OrderingAnalysis} found for one procedure: how many sets of completed steps are reachable, and
 * each unsafe one with a shortest ordering reaching it.
 *
 * @param procedure the procedure's name
 * @param statesExplored the number of sets of completed steps visited, the empty set included
 * @param exhaustive whether every reachable set was visited (false when the state limit was reached)
 * @param unsafeStates each first violation found, in breadth-first order
 * @param invariants the invariants checked
 */
public record OrderingReport(
        String procedure,
        long statesExplored,
        boolean exhaustive,
        List<UnsafeState> unsafeStates,
        List<Invariant> invariants) {

    /**
     * Checks the components.
     *
     * @param procedure the procedure's name
     * @param statesExplored the number of sets of completed steps visited, the empty set included
     * @param exhaustive whether every reachable set was visited (false when the state limit was reached)
     * @param unsafeStates each first violation found, in breadth-first order
     * @param invariants the invariants checked
     * @throws NullPointerException when a component is null
     */
    public OrderingReport {
        Objects.requireNonNull(procedure, "procedure");
        unsafeStates = List.copyOf(unsafeStates);
        invariants = List.copyOf(invariants);
    }

    /** {@return whether every reachable state was visited and none is unsafe} */
    public boolean isSafe() {
        return exhaustive && unsafeStates.isEmpty();
    }

    /** {@return the rules violated in some reachable state} */
    public SortedSet<RuleId> violatedRules() {
        return unsafeStates.stream()
                .flatMap(state -> state.violated().stream())
                .map(Invariant::rule)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * {@return the unsafe states that violate {@code rule}}
     *
     * @param rule the rule
     */
    public List<UnsafeState> violating(RuleId rule) {
        return unsafeStates.stream()
                .filter(state ->
                        state.violated().stream().anyMatch(i -> i.rule().equals(rule)))
                .toList();
    }

    /** Returns a summary line followed by one line per unsafe state. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(procedure)
                .append(": ")
                .append(statesExplored)
                .append(" states explored")
                .append(exhaustive ? "" : " (state limit reached; not exhaustive)")
                .append(", ")
                .append(unsafeStates.isEmpty() ? "no unsafe state" : unsafeStates.size() + " unsafe");
        unsafeStates.forEach(
                state -> text.append(System.lineSeparator()).append("  ").append(state));
        return text.toString();
    }

    /**
     * A reachable set of completed steps in which some invariants fail.
     *
     * @param completed the steps complete, in definition order
     * @param violated the invariants that fail
     * @param ordering a shortest ordering of steps reaching the state through safe states only
     */
    public record UnsafeState(Set<StepId> completed, List<Invariant> violated, List<StepId> ordering) {

        /**
         * Checks the components.
         *
         * @param completed the steps complete, in definition order
         * @param violated the invariants that fail
         * @param ordering a shortest ordering of steps reaching the state through safe states only
         * @throws NullPointerException when a component is null
         */
        public UnsafeState {
            completed = Collections.unmodifiableSet(new LinkedHashSet<>(completed));
            violated = List.copyOf(violated);
            ordering = List.copyOf(ordering);
        }

        /** Returns {@code RULE, RULE after STEP, STEP, ...}. */
        @Override
        public String toString() {
            return violated.stream().map(Invariant::toString).collect(Collectors.joining("; ")) + " — after "
                    + (ordering.isEmpty()
                            ? "no step"
                            : ordering.stream().map(StepId::value).collect(Collectors.joining(", ")));
        }
    }
}
