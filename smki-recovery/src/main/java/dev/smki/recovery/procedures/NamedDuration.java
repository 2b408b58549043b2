package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Confidence;
import java.time.Duration;
import java.util.Objects;

/**
 * A duration the recovery procedures assume, by name: a deadline between two steps (such as {@code T_confirm})
 * or how long a step takes in a rehearsal (such as {@code pace.C5}). No SEC time limit could be verified
 * (recovery.md §2), so every one is an assumption a user may replace ({@link ProcedureSettings#withDuration}).
 *
 * @param name the name, such as {@code T_confirm}
 * @param value the duration; positive
 * @param meaning what it measures, one sentence
 * @param confidence how sure we are of the value
 */
public record NamedDuration(String name, Duration value, String meaning, Confidence confidence) {

    /**
     * Checks the components.
     *
     * @param name the name, such as {@code T_confirm}
     * @param value the duration; positive
     * @param meaning what it measures, one sentence
     * @param confidence how sure we are of the value
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the duration is not positive
     */
    public NamedDuration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(confidence, "confidence");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Duration " + name + " must be positive, not " + value);
        }
    }

    /**
     * {@return a copy whose value is {@code newValue}: the user's, so its confidence is unchanged}
     *
     * @param newValue the new value
     */
    public NamedDuration withValue(Duration newValue) {
        return new NamedDuration(name, newValue, meaning, confidence);
    }

    /** Returns {@code name=value (meaning)}. */
    @Override
    public String toString() {
        return name + "=" + value + " (" + meaning + ")";
    }
}
