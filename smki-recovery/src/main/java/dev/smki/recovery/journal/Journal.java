package dev.smki.recovery.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a {@link ProcedureRun} writes one line per attempt: a file, or memory.
 *
 * <p>The lines are the same wherever they go: JSON, hash-chained, as described in {@link JournalVerification}.
 * A {@linkplain #file(Path) file journal} forces each append to the storage device before the run acknowledges
 * the attempts in it, so nothing acknowledged is lost in a crash; {@link ProcedureRun#attemptAll} appends many
 * lines with one force. An {@linkplain #inMemory() in-memory journal} is for tests and simulations where
 * durability is not the point.
 *
 * <p>A journal is used by one run at a time; a file journal also locks its file against other processes while
 * a run has it open.
 */
public abstract sealed class Journal permits FileJournal, MemoryJournal {

    private final AtomicBoolean inUse = new AtomicBoolean();

    Journal() {}

    /** {@return an empty journal kept in memory} */
    public static Journal inMemory() {
        return new MemoryJournal(new byte[0]);
    }

    /**
     * {@return a journal kept in memory that starts with {@code content}, such as a copy of a file to resume}
     *
     * @param content the bytes
     */
    public static Journal inMemory(byte[] content) {
        return new MemoryJournal(Objects.requireNonNull(content, "content").clone());
    }

    /**
     * {@return the journal in the file at {@code path}, forcing every append to the device}
     *
     * @param path the file
     */
    public static Journal file(Path path) {
        return file(path, Durability.FORCED);
    }

    /**
     * {@return the journal in the file at {@code path}, with the durability given}
     *
     * @param path the file
     * @param durability how appends are forced to the disk
     */
    public static Journal file(Path path, Durability durability) {
        return new FileJournal(
                Objects.requireNonNull(path, "path"), Objects.requireNonNull(durability, "durability"), null);
    }

    /**
     * {@return the journal in the file at {@code path}, with the durability given, sealed by {@code sealer} after
     * every write and when it is closed ({@link JournalSeals})} Opening it refuses a journal its seals do not match.
     *
     * @param path the file
     * @param durability how appends are forced to the disk
     * @param sealer what seals the journal
     */
    public static Journal file(Path path, Durability durability, JournalSealer sealer) {
        return new FileJournal(
                Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(durability, "durability"),
                Objects.requireNonNull(sealer, "sealer"));
    }

    /**
     * {@return the journal's current bytes}
     *
     * @throws java.io.UncheckedIOException when a file journal cannot be read
     */
    public abstract byte[] contents();

    /** {@return the verification of the journal's current bytes} */
    public JournalVerification verify() {
        return JournalVerification.of(contents());
    }

    final void claim() {
        if (!inUse.compareAndSet(false, true)) {
            throw new JournalInUseException(this);
        }
    }

    final void release() {
        try {
            close();
        } catch (IOException e) {
            // Nothing acknowledged depends on a clean close.
        } finally {
            inUse.set(false);
        }
    }

    /** Opens the journal for reading and appending; for a file, creates it if needed and locks it. */
    abstract void open() throws IOException;

    /** Returns everything in the journal. */
    abstract byte[] read() throws IOException;

    /** Cuts the journal to its first {@code length} bytes, durably, and appends after them from now on. */
    abstract void truncate(long length) throws IOException;

    /** Appends {@code lines} at the end, forcing them to the device when the journal is durable. */
    abstract void append(byte[] lines) throws IOException;

    /** Closes what {@link #open()} opened. */
    abstract void close() throws IOException;
}
