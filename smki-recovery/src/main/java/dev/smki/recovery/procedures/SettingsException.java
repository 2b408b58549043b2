package dev.smki.recovery.procedures;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a procedure setting cannot be used: an unknown setting, a malformed or out-of-range value, or a step
 * left out that is not an assumption. It names the setting at fault ({@link #setting()}), so that a caller reports
 * it without reading the message; the message says what is wrong, one line, for display.
 */
public final class SettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The setting at fault. */
    private final String setting;

    /**
     * Creates the exception.
     *
     * @param setting the setting at fault, as named in a properties file ({@code T_confirm}, {@code pace.C6},
     *     {@code omit}, {@code guidance.threshold}...)
     * @param message what is wrong, one line
     * @param cause what was thrown parsing the value, if anything
     */
    public SettingsException(String setting, String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * Creates the exception.
     *
     * @param setting the setting at fault
     * @param message what is wrong, one line
     */
    public SettingsException(String setting, String message) {
        this(setting, message, null);
    }

    /** {@return the setting at fault, as named in a properties file} */
    public String setting() {
        return setting;
    }
}
