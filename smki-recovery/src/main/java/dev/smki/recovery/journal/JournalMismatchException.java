package dev.smki.recovery.journal;

/**
 * Thrown when a journal cannot be resumed as it stands: it is broken, records another procedure (or another
 * definition of it), holds an attempt its procedure cannot replay, or does not match its seals. Nothing is appended
 * to the journal. The message names the journal and the first line at fault, for display.
 */
public final class JournalMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    JournalMismatchException(String message) {
        super(message);
    }
}
