package dev.smki.recovery.procedures;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a factor of the SMKI Recovery Key Guidance ({@link RecoveryKeyGuidance.Factor}), such as {@code F1}: a
 * letter then up to 31 letters, digits, '-' or '_'. It names the factor in settings ({@code guidance.factor.F1}), in
 * plans and in step D2's journalled answers ({@code factor.F1}).
 *
 * @param value the id, such as {@code F1}
 */
public record FactorId(String value) {

    static final Pattern FORM = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");

    /**
     * Checks the id.
     *
     * @param value the id, such as {@code F1}
     * @throws IllegalArgumentException when it is not a letter then up to 31 letters, digits, '-' or '_'
     */
    public FactorId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("A factor id is a letter then up to 31 letters, digits, '-' or '_',"
                    + " such as F1; got '" + value + "'");
        }
    }

    /**
     * {@return the factor id {@code value}}
     *
     * @param value the value
     * @throws IllegalArgumentException when it is not a factor id (see the constructor)
     */
    public static FactorId of(String value) {
        return new FactorId(value);
    }

    /** Returns the id. */
    @Override
    public String toString() {
        return value;
    }
}
