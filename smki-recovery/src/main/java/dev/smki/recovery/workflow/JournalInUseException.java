package dev.smki.recovery.workflow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A journal file could not be opened because another process, or another run in this program, holds it: two runs
 * never write one journal. Nothing was written.
 */
public final class JournalInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The journal file. */
    private final transient Path file;

    JournalInUseException(Path file, String byWhom, Throwable cause) {
        super("The journal " + Objects.requireNonNull(file, "file") + " is " + byWhom, cause);
        this.file = file;
    }

    /** {@return the journal file another run holds} */
    public Path file() {
        return file;
    }
}
