package dev.smki.recovery.incident;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of one compromise incident, such as {@code INC-2026-001}: every decision, key activation
 * and progress file names the incident it belongs to.
 *
 * @param value the identifier text: letters, digits and hyphens, starting with a letter or digit
 */
public record IncidentId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    /**
     * Checks the components.
     *
     * @param value the identifier text: letters, digits and hyphens, starting with a letter or digit
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the value is not up to 64 letters, digits and hyphens
     */
    public IncidentId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "An incident id is up to 64 letters, digits and hyphens, such as INC-2026-001; got '" + value
                            + "'");
        }
    }

    /**
     * {@return the incident id written {@code value}}
     *
     * @param value the value
     */
    public static IncidentId of(String value) {
        return new IncidentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
