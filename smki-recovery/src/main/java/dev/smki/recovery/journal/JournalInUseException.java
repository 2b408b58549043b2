package dev.smki.recovery.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A journal could not be used because another process, or another run in this program, holds it: two runs never
 * write one journal. Nothing was written.
 */
public final class JournalInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The journal file; null for a journal in memory. */
    private final transient @Nullable Path file;

    JournalInUseException(Path file, String byWhom, @Nullable Throwable cause) {
        super("The journal " + Objects.requireNonNull(file, "file") + " is " + byWhom, cause);
        this.file = file;
    }

    /** A journal (of any kind) already used by a run in this program. */
    JournalInUseException(Journal journal) {
        super(journal + " is already used by a run; close that run first");
        this.file = null;
    }

    /** {@return the journal file another run holds; empty for a journal in memory} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
