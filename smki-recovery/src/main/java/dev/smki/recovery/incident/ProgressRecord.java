package dev.smki.recovery.incident;

import java.util.Collections;
import java.util.Iterator;

/**
 * Where the progress reports of one sending of commands are kept as it runs, so that the sending can go on after a
 * crash from what was recorded instead of starting again: a {@link ProgressFile}, or {@link #none()} for a sending
 * kept only in memory. The reports are the checkpoint: a fleet execution makes one per batch of Devices, in order,
 * and each says how far the sending was.
 *
 * <p>A record is used in this order: {@link #recorded()} once, to read what an earlier run of the same sending
 * recorded; {@link #keep} once, with how many of those reports the resumed sending made again exactly (the rest is
 * cut off); then {@link #append} for each new report, and {@link #force} now and then and at the end.
 */
public interface ProgressRecord extends AutoCloseable {

    /**
     * {@return the reports an earlier run recorded, oldest first, read as they are asked for; empty for a new record}
     */
    Iterator<RecoveryProgress> recorded();

    /**
     * Keeps the first {@code reports} recorded reports, drops the rest, and appends after them from now on.
     *
     * @param reports the progress reports, oldest first
     */
    void keep(long reports);

    /**
     * Appends a report made now.
     *
     * @param report the progress report
     */
    void append(RecoveryProgress report);

    /** Makes what was appended durable (forced to the disk, for a file). */
    void force();

    /** Closes the record. */
    @Override
    void close();

    /** {@return a record that keeps nothing and has nothing recorded: a sending in memory only} */
    static ProgressRecord none() {
        return new ProgressRecord() {
            @Override
            public Iterator<RecoveryProgress> recorded() {
                return Collections.emptyIterator();
            }

            @Override
            public void keep(long reports) {
                if (reports != 0) {
                    throw new IllegalArgumentException("Nothing was recorded, so nothing can be kept: " + reports);
                }
            }

            @Override
            public void append(RecoveryProgress report) {
                // kept in memory by the execution only
            }

            @Override
            public void force() {
                // nothing to force
            }

            @Override
            public void close() {
                // nothing to close
            }

            @Override
            public String toString() {
                return "ProgressRecord.none()";
            }
        };
    }
}
