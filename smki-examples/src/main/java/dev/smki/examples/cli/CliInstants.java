package dev.smki.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the instants options such as {@code --at} and {@code --as-of} take: a date (its start, UTC) or an instant. */
final class CliInstants {

    private CliInstants() {}

    /**
     * Returns the instant {@code text} names: {@code YYYY-MM-DD} (the start of that day, UTC) or an ISO instant
     * such as {@code 2026-01-01T12:00:00Z}; now when {@code text} is null.
     *
     * @throws UserInputException naming {@code option} and the text when it is neither
     */
    static Instant parse(String option, String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(
                    option + ": '" + text + "' is not a date YYYY-MM-DD or an instant such as 2026-01-01T12:00:00Z", e);
        }
    }
}
