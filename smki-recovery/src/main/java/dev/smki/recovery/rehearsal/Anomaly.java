package dev.smki.recovery.rehearsal;

import java.util.Objects;

/**
 * One thing a rehearsal did not do as a clean run would: its kind, how many things it covers, and its detail in
 * words. {@link #text()} is for display only; read {@link #kind()} and {@link #count()} to act on it.
 *
 * @param kind what went differently
 * @param count how many things it covers: attempts, Devices, revocations or steps (1 for a single event)
 * @param detail what went differently, in words, naming the steps, reasons and values involved
 */
public record Anomaly(Kind kind, long count, String detail) {

    /** What went differently from a clean run. */
    public enum Kind {
        /** An attempt at a step was refused; the count is 1. */
        REFUSED,
        /** A key ceremony never reached its quorum, so the key was not activated. */
        QUORUM_NOT_REACHED,
        /** The SMKI PMA's decision departs from the Recovery Key Guidance's advice. */
        DEPARTS_FROM_GUIDANCE,
        /** An event the plan injected happened. */
        INJECTED,
        /** Relevant Devices were written off; the count is how many. */
        WRITTEN_OFF,
        /** Relevant Devices still hold the replaced key; the count is how many. */
        STILL_HOLDING_REPLACED_KEY,
        /** A revocation request was refused. */
        REVOCATION_REFUSED,
        /** Revocations are still held under Section L16 by a Supplier of Last Resort event; the count is how many. */
        REVOCATIONS_HELD,
        /** A deadline was breached. */
        DEADLINE_BREACHED,
        /** Steps were not attempted, as they wait for a step refused for good; the count is how many. */
        NOT_ATTEMPTED,
        /** Every move was made, but steps of the procedure are not done; the count is how many. */
        PROCEDURE_INCOMPLETE
    }

    /**
     * Checks the anomaly.
     *
     * @param kind what went wrong
     * @param count how many times, or how many Devices or revocations
     * @param detail what it is, one line, for display
     * @throws IllegalArgumentException when {@code count} is below 1 or {@code detail} is blank
     * @throws NullPointerException when {@code kind} or {@code detail} is null
     */
    public Anomaly {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (count < 1) {
            throw new IllegalArgumentException("An anomaly covers 1 thing or more, not " + count);
        }
        if (detail.isBlank()) {
            throw new IllegalArgumentException("An anomaly says what went differently");
        }
    }

    /** {@return the anomaly in words, for display: its detail} */
    public String text() {
        return detail;
    }

    /** Returns {@link #text()}. */
    @Override
    public String toString() {
        return detail;
    }
}
