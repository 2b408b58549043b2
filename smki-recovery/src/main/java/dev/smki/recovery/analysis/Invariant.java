package dev.smki.recovery.analysis;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A safety rule over the set of completed steps of a procedure, such as "no key is activated before the
 * decision": {@code done -> !done.contains(C4) || done.contains(C1)}. {@link OrderingAnalysis} checks it in
 * every state an ordering of the procedure can reach.
 *
 * @param rule the rule, such as {@code REC-1}
 * @param description the rule in one sentence
 * @param holds whether a set of completed steps is safe
 */
public record Invariant(RuleId rule, String description, Predicate<Set<StepId>> holds) {

    /**
     * Checks the components.
     *
     * @param rule the rule, such as {@code REC-1}
     * @param description the rule in one sentence
     * @param holds whether a set of completed steps is safe
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the description is blank
     */
    public Invariant {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(holds, "holds");
        if (description.isBlank()) {
            throw new IllegalArgumentException(rule + " has no description");
        }
    }

    /**
     * {@return the invariant {@code rule}, described by {@code description}, holding when {@code holds} does}
     *
     * @param rule the rule
     * @param description what it is, one sentence
     * @param holds whether it holds
     */
    public static Invariant of(RuleId rule, String description, Predicate<Set<StepId>> holds) {
        return new Invariant(rule, description, holds);
    }

    /**
     * {@return whether the invariant holds once exactly the steps {@code completed} are complete}
     *
     * @param completed the steps completed
     */
    public boolean holdsFor(Set<StepId> completed) {
        return holds.test(completed);
    }

    /** Returns {@code RULE description}. */
    @Override
    public String toString() {
        return rule + " " + description;
    }
}
