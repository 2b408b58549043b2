package dev.smki.recovery.workflow;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a step in a procedure, as in the research notes: {@code N1}, {@code D3}, {@code C5},
 * {@code DS2}, {@code M1.pre}.
 *
 * @param value the identifier text: a letter, then letters, digits, dots, hyphens or underscores
 */
public record StepId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /**
     * Checks the components.
     *
     * @param value the identifier text: a letter, then letters, digits, dots, hyphens or underscores
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the id does not start with a letter
     */
    public StepId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A step id starts with a letter, such as N1 or DS2; got '" + value + "'");
        }
    }

    /**
     * {@return the step id written {@code value}}
     *
     * @param value the value
     */
    public static StepId of(String value) {
        return new StepId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
