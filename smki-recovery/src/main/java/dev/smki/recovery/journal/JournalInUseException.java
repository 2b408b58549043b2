package dev.smki.recovery.journal;

/**
 * Thrown when a run is started or resumed on a journal another run holds: a run in this program, or another
 * process that has its file locked. Nothing is written; the other run keeps the journal.
 */
public final class JournalInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    JournalInUseException(String message) {
        super(message);
    }

    JournalInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
