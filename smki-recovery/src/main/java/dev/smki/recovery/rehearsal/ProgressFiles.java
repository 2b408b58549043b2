package dev.smki.recovery.rehearsal;

import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.ProgressRecord;
import dev.smki.recovery.incident.ProgressRecords;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The Recovery Progress Files of a rehearsal kept on disk: one per sending of commands, beside the journal and named
 * from its whole file name and the step that sent them, {@code NAME.OPERATION.progress.csv} (a step's second sending,
 * which no built-in procedure makes, {@code NAME.OPERATION-2.progress.csv}). Each report is written as it is made and
 * forced to disk at least every quarter second ({@link ProgressFile}), so a file is the checkpoint of its sending: a
 * rehearsal resumed with {@link #continuing} goes on from it rather than sending again what it records.
 */
public final class ProgressFiles implements ProgressRecords {

    private static final String SUFFIX = ".progress.csv";

    private final Path journal;
    private final boolean continuing;

    private ProgressFiles(Path journal, boolean continuing) {
        this.journal = journal;
        this.continuing = continuing;
    }

    /**
     * {@return the files of a new rehearsal journalled in {@code journal}: each created new, never replacing a file}
     *
     * @param journal the journal
     */
    public static ProgressFiles beside(Path journal) {
        return new ProgressFiles(Objects.requireNonNull(journal, "journal"), false);
    }

    /**
     * {@return the files of the rehearsal journalled in {@code journal}, resumed: each read back and gone on from when
     * it exists (it must be a Recovery Progress File), created new when it does not}
     *
     * @param journal the journal
     */
    public static ProgressFiles continuing(Path journal) {
        return new ProgressFiles(Objects.requireNonNull(journal, "journal"), true);
    }

    /**
     * {@return the Recovery Progress File of sending {@code sending} (from 1) by the step {@code operation} of the
     * rehearsal journalled in {@code journal}: {@code NAME.OPERATION.progress.csv} beside it, or {@code
     * NAME.OPERATION-N.progress.csv} for a later sending; characters other than letters, digits, {@code _} and
     * {@code -} in the operation become {@code _}}
     *
     * @param journal the journal
     * @param operation the step sending the commands
     * @param sending the sending of commands, such as C5
     */
    public static Path path(Path journal, String operation, int sending) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(operation, "operation");
        if (sending < 1) {
            throw new IllegalArgumentException("Sendings count from 1, not " + sending);
        }
        String name = operation.replaceAll("[^A-Za-z0-9_-]", "_") + (sending == 1 ? "" : "-" + sending);
        return journal.resolveSibling(journal.getFileName() + "." + name + SUFFIX);
    }

    /** {@return the journal the files are beside} */
    public Path journal() {
        return journal;
    }

    @Override
    public ProgressRecord open(IncidentId incident, String operation, int sending) {
        Path file = path(journal, operation, sending);
        return continuing ? ProgressFile.continuing(file) : ProgressFile.createNew(file);
    }

    @Override
    public String toString() {
        return "ProgressFiles[beside " + journal + (continuing ? ", continuing" : "") + "]";
    }
}
