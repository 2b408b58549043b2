package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.util.Objects;

/**
 * A rule a step must satisfy beyond its ordering, such as the decision gate (REC-1): no activation of the
 * Recovery key unless an SMKI PMA decision for the incident requires it.
 *
 * <p>A guard is evaluated when its step is attempted by an allowed actor whose prerequisites are done; if its
 * condition does not hold, the attempt is refused citing the guard's rule. The condition reads the
 * {@link GuardInput}: the attempt, its payload, the time, the run's progress and the run's typed context, which is
 * how state outside the run (the incident, its decisions, the custodians present) reaches a guard. Guards are
 * not re-evaluated when a journal is replayed: replay re-applies the journalled outcomes, since the context
 * may have changed since and the journal holds only payload summaries.
 *
 * <p>Build one with {@link #rule}:
 *
 * <pre>{@code
 * static final Guard<Decisions> DECISION_GATE = Guard.<Decisions>rule(RuleId.of("REC-1"), "decision gate")
 *         .stating("the Recovery key is activated only when an SMKI PMA decision requires it")
 *         .citing(Citation.of("recovery.md", "§6.3"), Confidence.VERIFIED)
 *         .when(in -> in.context().requireRecoveryKey());
 * }</pre>
 *
 * @param rule the rule the guard enforces
 * @param name a short name, unique among one step's guards for the same rule, such as {@code decision gate}
 * @param statement the rule in one sentence
 * @param source where the rule comes from
 * @param confidence how sure we are of the rule
 * @param condition when an attempt satisfies the rule
 * @param <C> the type of the run's context the condition reads
 */
public record Guard<C>(
        RuleId rule, String name, String statement, Citation source, Confidence confidence, Condition<C> condition) {

    /**
     * Checks the components.
     *
     * @param rule the rule the guard enforces
     * @param name a short name, unique among one step's guards for the same rule, such as {@code decision gate}
     * @param statement the rule in one sentence
     * @param source where the rule comes from
     * @param confidence how sure we are of the rule
     * @param condition when an attempt satisfies the rule
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the name is not one non-blank line or the statement is blank
     */
    public Guard {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(condition, "condition");
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(rule + ": a guard's name is one non-blank line");
        }
        if (statement.isBlank()) {
            throw new IllegalArgumentException(rule + " " + name + " has no statement");
        }
    }

    /**
     * {@return a builder of a guard enforcing {@code rule}, called {@code name}}
     *
     * @param <C> the type of the context the guards read
     * @param rule the rule
     * @param name the name
     */
    public static <C> Builder<C> rule(RuleId rule, String name) {
        return new Builder<>(rule, name);
    }

    /**
     * {@return whether {@code input} satisfies the rule}
     *
     * @param input the input
     */
    public boolean holds(GuardInput<C> input) {
        return condition.holds(input);
    }

    /** Returns {@code RULE name}, such as {@code REC-1 decision gate}. */
    @Override
    public String toString() {
        return rule + " " + name;
    }

    /** When an attempt satisfies a guard's rule. */
    @FunctionalInterface
    public interface Condition<C> {

        /**
         * {@return whether the attempt described by {@code input} satisfies the rule} Reads {@code input} only;
         * may throw {@link IllegalStateException} when the run has no context, which fails the attempt without
         * journalling it.
         *
         * @param input the input
         */
        boolean holds(GuardInput<C> input);
    }

    /** Collects a guard's statement and source; {@link #when} completes it. */
    public static final class Builder<C> {

        private final RuleId rule;
        private final String name;
        private String statement;
        private Citation source;
        private Confidence confidence;

        private Builder(RuleId rule, String name) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the rule's statement, one sentence.
         *
         * @param statement what the rule requires, one sentence
         * @return this builder
         */
        public Builder<C> stating(String statement) {
            this.statement = Objects.requireNonNull(statement, "statement");
            return this;
        }

        /**
         * Sets where the rule comes from and how sure we are of it.
         *
         * @param source where it comes from
         * @param confidence how sure we are of it
         * @return this builder
         */
        public Builder<C> citing(Citation source, Confidence confidence) {
            this.source = Objects.requireNonNull(source, "source");
            this.confidence = Objects.requireNonNull(confidence, "confidence");
            return this;
        }

        /**
         * {@return the guard that holds when {@code condition} does}
         *
         * @param condition whether the rule holds for an attempt
         * @throws IllegalStateException when the statement or the source has not been set
         */
        public Guard<C> when(Condition<C> condition) {
            if (statement == null || source == null) {
                throw new IllegalStateException(
                        rule + " " + name + ": set stating(...) and citing(...) before when(...)");
            }
            return new Guard<>(rule, name, statement, source, confidence, condition);
        }
    }
}
