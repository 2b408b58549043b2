package dev.smki.recovery.rehearsal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a journal cannot be resumed as a rehearsal: it is broken, records no exercise plan or a damaged one,
 * or its attempts are not those of the rehearsal its header describes. Nothing has been appended to the journal.
 * The message says what is wrong, one line, for display.
 */
public final class ResumeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ResumeException(String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }

    ResumeException(String message) {
        this(message, null);
    }
}
