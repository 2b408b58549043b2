package dev.smki.recovery.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an attempt: accepted, or refused with a reason. Either way it has been journalled under its
 * sequence number by the time it is returned.
 */
public sealed interface Outcome {

    /** {@return the attempt's sequence number in the journal, from 1} */
    long sequence();

    /** {@return when the attempt was decided, from the run's clock} */
    Instant at();

    /** {@return whether the attempt was accepted} */
    boolean isAccepted();

    /** {@return the reason for a refusal; empty when accepted} */
    Optional<Refusal> refusal();

    /**
     * {@return this outcome if accepted}
     *
     * @throws ProcedureViolationException carrying the refusal, when refused
     */
    Accepted requireAccepted();

    /**
     * The attempt was accepted and the run's progress now includes it.
     *
     * @param sequence the journal sequence number
     * @param at when it was accepted
     */
    record Accepted(long sequence, Instant at) implements Outcome {

        /**
         * Checks the components.
         *
         * @param sequence the journal sequence number
         * @param at when it was accepted
         * @throws NullPointerException when a component is null
         */
        public Accepted {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public Optional<Refusal> refusal() {
            return Optional.empty();
        }

        @Override
        public Accepted requireAccepted() {
            return this;
        }

        @Override
        public String toString() {
            return "#" + sequence + " accepted at " + at;
        }
    }

    /**
     * The attempt was refused; the run's progress is unchanged.
     *
     * @param sequence the journal sequence number
     * @param at when it was refused
     * @param reason why
     */
    record Refused(long sequence, Instant at, Refusal reason) implements Outcome {

        /**
         * Checks the components.
         *
         * @param sequence the journal sequence number
         * @param at when it was refused
         * @param reason why
         * @throws NullPointerException when a component is null
         */
        public Refused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public Optional<Refusal> refusal() {
            return Optional.of(reason);
        }

        @Override
        public Accepted requireAccepted() {
            throw new ProcedureViolationException(reason);
        }

        @Override
        public String toString() {
            return "#" + sequence + " refused at " + at + ": " + reason.message();
        }
    }
}
