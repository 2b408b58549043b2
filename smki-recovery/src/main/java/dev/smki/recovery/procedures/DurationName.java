package dev.smki.recovery.procedures;

import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a duration the recovery procedures assume ({@link NamedDuration}): a deadline {@code T_NAME} between two
 * steps, such as {@code T_confirm}, or how long a step takes in a rehearsal, {@code pace.STEP} such as {@code pace.C6}
 * ({@code pace.default} for the steps not named). The name says which kind a duration is, and so the longest it may
 * be.
 *
 * @param value the name, such as {@code T_confirm} or {@code pace.C6}
 */
public record DurationName(String value) {

    // Before DEFAULT_PACE, which the constructor checks with them.
    private static final Pattern DEADLINE = Pattern.compile("T_[A-Za-z][A-Za-z0-9]{0,63}");
    private static final String PACE = "pace.";

    /** The name of the pace of steps not given one. */
    public static final DurationName DEFAULT_PACE = new DurationName("pace.default");

    /** The longest a step may take in a rehearsal, so that its simulated clock stays within certificate validity. */
    public static final Duration LONGEST_PACE = Duration.ofDays(30);

    /** The longest deadline. */
    public static final Duration LONGEST_DEADLINE = Duration.ofDays(3_660);

    /**
     * Checks the name.
     *
     * @param value the name, such as {@code T_confirm} or {@code pace.C6}
     * @throws SettingsException when the name is neither {@code T_NAME} (a letter then letters or digits) nor {@code
     *     pace.STEP} for a step id or {@code default}
     */
    public DurationName {
        Objects.requireNonNull(value, "value");
        if (!DEADLINE.matcher(value).matches() && !isPaceName(value)) {
            throw new SettingsException(
                    value,
                    "A duration is named T_NAME (a deadline, such as T_confirm) or pace.STEP (how long a step takes,"
                            + " such as pace.C6), not '" + value + "'");
        }
    }

    /**
     * {@return the duration name {@code value}}
     *
     * @param value the value
     * @throws SettingsException when it is not a duration name (see the constructor)
     */
    public static DurationName of(String value) {
        return new DurationName(value);
    }

    /**
     * {@return the name of how long {@code step} takes in a rehearsal: {@code pace.STEP}}
     *
     * @param step the step
     */
    public static DurationName pace(StepId step) {
        return new DurationName(PACE + step.value());
    }

    /** {@return whether this names how long a step takes ({@code pace.*}) rather than a deadline} */
    public boolean isPace() {
        return value.startsWith(PACE);
    }

    /** {@return the step whose pace this names; empty for a deadline and for {@link #DEFAULT_PACE}} */
    public Optional<StepId> step() {
        return isPace() && !equals(DEFAULT_PACE)
                ? Optional.of(StepId.of(value.substring(PACE.length())))
                : Optional.empty();
    }

    /** {@return the longest a duration of this name may be: {@link #LONGEST_PACE} or {@link #LONGEST_DEADLINE}} */
    public Duration longest() {
        return isPace() ? LONGEST_PACE : LONGEST_DEADLINE;
    }

    /** Returns the name. */
    @Override
    public String toString() {
        return value;
    }

    private static boolean isPaceName(String value) {
        if (!value.startsWith(PACE)) {
            return false;
        }
        try {
            StepId.of(value.substring(PACE.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
