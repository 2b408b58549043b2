package dev.smki.recovery.workflow;

import dev.smki.core.provenance.RuleId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an attempt was refused. A refused attempt is journalled and changes nothing else.
 *
 * <p>When several reasons apply, the run reports the first in this order: {@link AlreadyDone}, {@link
 * WrongActor}, {@link MissingPrerequisites}, then the first {@link GuardFailed guard} (in definition order) that
 * does not hold. Guards therefore only ever see attempts by an allowed actor whose prerequisites are done.
 */
public sealed interface Refusal {

    /** {@return the kind of refusal, as written in the journal} */
    Kind kind();

    /** {@return the step refused} */
    Step<?> step();

    /** {@return the rule the refusal enforces, for a failed guard} */
    Optional<RuleId> rule();

    /** {@return the reason in one sentence, naming steps by id and title} */
    String message();

    /** The kinds of refusal, in the order they are checked. */
    enum Kind {
        /** The step (or the step for this item) is already done and may not be repeated. */
        ALREADY_DONE,
        /** The actor's role may not do the step. */
        WRONG_ACTOR,
        /** Some of the step's prerequisites are not done. */
        MISSING_PREREQUISITES,
        /** One of the step's guards does not hold. */
        GUARD_FAILED
    }

    /**
     * The step, or the per-item step for this item, is already done.
     *
     * @param step the step
     * @param item the item, for a per-item step
     */
    record AlreadyDone(Step<?> step, Optional<String> item) implements Refusal {

        /**
         * Checks the components.
         *
         * @param step the step
         * @param item the item, for a per-item step
         * @throws NullPointerException when a component is null
         */
        public AlreadyDone {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(item, "item");
        }

        @Override
        public Kind kind() {
            return Kind.ALREADY_DONE;
        }

        @Override
        public Optional<RuleId> rule() {
            return Optional.empty();
        }

        @Override
        public String message() {
            return step.describe() + " is already done"
                    + item.map(i -> " for " + i).orElse("");
        }
    }

    /**
     * The actor's role may not do the step.
     *
     * @param step the step
     * @param actor the actor who attempted it
     */
    record WrongActor(Step<?> step, Actor actor) implements Refusal {

        /**
         * Checks the components.
         *
         * @param step the step
         * @param actor the actor who attempted it
         * @throws NullPointerException when a component is null
         */
        public WrongActor {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(actor, "actor");
        }

        @Override
        public Kind kind() {
            return Kind.WRONG_ACTOR;
        }

        @Override
        public Optional<RuleId> rule() {
            return Optional.empty();
        }

        @Override
        public String message() {
            return actor + " may not do " + step.describe() + "; only "
                    + step.actors().stream().map(Actor::role).collect(Collectors.joining(", ")) + " may";
        }
    }

    /**
     * Some prerequisites of the step are not done.
     *
     * @param step the step
     * @param item the item, when the step is per-item (a per-item prerequisite is then needed for that item)
     * @param missing the prerequisites not done, in the order the step declares them
     */
    record MissingPrerequisites(Step<?> step, Optional<String> item, List<Step<?>> missing) implements Refusal {

        /**
         * Checks the components.
         *
         * @param step the step
         * @param item the item, when the step is per-item (a per-item prerequisite is then needed for that item)
         * @param missing the prerequisites not done, in the order the step declares them
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when no prerequisite is missing
         */
        public MissingPrerequisites {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(item, "item");
            missing = List.copyOf(missing);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException(step.id() + ": a refusal for missing prerequisites names some");
            }
        }

        @Override
        public Kind kind() {
            return Kind.MISSING_PREREQUISITES;
        }

        @Override
        public Optional<RuleId> rule() {
            return Optional.empty();
        }

        /** {@return the ids of the missing prerequisites} */
        public List<StepId> missingIds() {
            return missing.stream().map(Step::id).toList();
        }

        @Override
        public String message() {
            return step.describe() + item.map(i -> " for " + i).orElse("") + " needs "
                    + missing.stream()
                            .map(m -> m.describe() + (m.isPerItem() && item.isPresent() ? " for " + item.get() : ""))
                            .collect(Collectors.joining(", "))
                    + " first";
        }
    }

    /**
     * A guard of the step does not hold.
     *
     * @param step the step
     * @param guard the first guard that did not hold
     */
    record GuardFailed(Step<?> step, Guard<?> guard) implements Refusal {

        /**
         * Checks the components.
         *
         * @param step the step
         * @param guard the first guard that did not hold
         * @throws NullPointerException when a component is null
         */
        public GuardFailed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(guard, "guard");
        }

        @Override
        public Kind kind() {
            return Kind.GUARD_FAILED;
        }

        @Override
        public Optional<RuleId> rule() {
            return Optional.of(guard.rule());
        }

        @Override
        public String message() {
            return step.describe() + " is refused by " + guard + ": " + guard.statement();
        }
    }
}
