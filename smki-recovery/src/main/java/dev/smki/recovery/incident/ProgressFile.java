package dev.smki.recovery.incident;

import dev.smki.core.internal.files.DurableFiles;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Recovery Progress File: the reports of one sending of commands to an incident's Relevant Devices, one line
 * per {@link RecoveryProgress}, oldest first, so that REC-9 can be checked across the file.
 *
 * <p>The DCC's 2015 file-format consultation names "Organisation Compromise Recovery Progress Files" and "Other
 * Compromise Recovery Progress Files" (recovery.md §2.1, verified) but their layout could not be read, so this
 * format is {@linkplain dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstructed} from the fields recovery.md
 * §6.1 gives a progress file (incident, total, succeeded, failed, pending), and serves for both kinds. It is CSV in
 * US-ASCII, lines ending in LF, a header line, then one line per report:
 *
 * <pre>
 * incident,operation,time,total,succeeded,failed,pending,writtenOff
 * INC-2026-001,C5,2026-01-01T00:00:00Z,1000,0,0,1000,0
 * INC-2026-001,C5,2026-01-01T00:00:30.090Z,1000,10,0,990,0
 * </pre>
 *
 * {@code operation} names the step sending the commands (one incident may send several times: C5 and then DS4);
 * {@code time} is the simulated instant in ISO-8601 UTC ({@link Instant#toString()}); the counts are as {@link
 * RecoveryProgress} defines them. The same reports always give the same bytes.
 *
 * <p>An instance appends reports to a file as they come, for example as the record of a fleet execution, writing
 * each line to the file as it is appended (a process killed afterwards loses none) and forcing them to the disk
 * when asked ({@link #force()}). An instance {@linkplain #continuing continuing} a file left by an earlier run first
 * reads back the reports it holds ({@link #recorded()}), which a resumed execution checks against what it restores,
 * then keeps the ones that agree ({@link #keep}) and appends after them. Not thread-safe: feed it from one thread
 * at a time (an execution calls its listener and record under a lock).
 */
public final class ProgressFile implements ProgressRecord, Consumer<RecoveryProgress>, Closeable {

    /** The header line, without its line end. */
    public static final String HEADER = "incident,operation,time,total,succeeded,failed,pending,writtenOff";

    static final long HEADER_BYTES = HEADER.length() + 1L;

    private final Path path;
    private final FileChannel channel;
    private final boolean continued;
    private RecoveryProgress last;
    private ProgressFileReading reading;
    private boolean appending;

    private ProgressFile(Path path, FileChannel channel, boolean continued) {
        this.path = path;
        this.channel = channel;
        this.continued = continued;
        this.appending = !continued;
    }

    /**
     * Creates (or truncates) the progress file {@code path} and writes its header.
     *
     * @param path the file
     * @return the progress file, open for appending
     * @throws UncheckedIOException when the file cannot be written
     */
    public static ProgressFile create(Path path) {
        return open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                StandardOpenOption.READ);
    }

    /**
     * Creates the progress file {@code path}, which must not exist yet, writes its header and forces it, and its
     * directory entry, to the disk.
     *
     * @param path the file
     * @return the progress file, open for appending
     * @throws UncheckedIOException when the file exists ({@link java.nio.file.FileAlreadyExistsException}) or cannot
     *     be written
     */
    public static ProgressFile createNew(Path path) {
        ProgressFile file =
                open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        file.force();
        Path directory = path.toAbsolutePath().getParent();
        try {
            if (directory != null) {
                DurableFiles.forceDirectory(directory);
            }
        } catch (IOException e) {
            file.close();
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
        return file;
    }

    private static ProgressFile open(Path path, StandardOpenOption... options) {
        Objects.requireNonNull(path, "path");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, options);
            write(channel, HEADER + "\n");
            return new ProgressFile(path, channel, false);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
    }

    /**
     * Opens the progress file {@code path} that an earlier run of the same sending left, to read back its reports
     * ({@link #recorded()}) and go on after those that still agree ({@link #keep}); creates it, as {@link
     * #createNew} does, when there is none.
     *
     * @param path the file
     * @return the progress file, its earlier reports ready to be read back
     * @throws IllegalArgumentException when the file does not start with the progress file header: it is not a
     *     Recovery Progress File, and it is left as it is
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static ProgressFile continuing(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return createNew(path);
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(path + " is not a regular file, so not a Recovery Progress File");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ByteBuffer header = ByteBuffer.allocate((int) HEADER_BYTES);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read the header
            }
            if (header.hasRemaining() || !new String(header.array(), StandardCharsets.US_ASCII).equals(HEADER + "\n")) {
                throw new IllegalArgumentException(path + " does not start with the Recovery Progress File header '"
                        + HEADER + "'; it is left as it is");
            }
            return new ProgressFile(path, channel, true);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot read the progress file " + path, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Returns the reports an earlier run wrote to this file, oldest first, read as they are asked for: one line
     * at a time, so a long file is never held in memory. It ends at the first line that is torn (a run killed while
     * writing it), not a report, or breaks REC-9 after the one before: the earlier run's record ends there. Empty for
     * a file this instance created. May be asked for once.
     *
     * @throws IllegalStateException when asked for twice, or after reports were appended
     */
    @Override
    public Iterator<RecoveryProgress> recorded() {
        if (reading != null || appending && continued) {
            throw new IllegalStateException("The recorded reports of " + path + " are read once, before appending");
        }
        if (!continued) {
            reading = new ProgressFileReading(path, null);
            return Collections.emptyIterator();
        }
        try {
            reading = new ProgressFileReading(
                    path,
                    new BufferedReader(new InputStreamReader(
                            Channels.newInputStream(FileChannel.open(path, StandardOpenOption.READ)
                                    .position(HEADER_BYTES)),
                            StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the progress file " + path, e);
        }
        return reading;
    }

    /**
     * Keeps the first {@code reports} reports the earlier run wrote, cuts off whatever follows them (reports that did
     * not agree, a torn line) and appends after them from now on. Only the last two reports read through {@link
     * #recorded()} may be the last kept.
     *
     * @throws IllegalArgumentException when {@code reports} is not one of the last two counts read
     * @throws UncheckedIOException when the file cannot be cut
     */
    @Override
    public void keep(long reports) {
        if (!continued && reports == 0 && last == null) {
            return;
        }
        if (appending) {
            throw new IllegalStateException("Reports are kept once, before appending to " + path);
        }
        ProgressFileReading r = reading == null ? new ProgressFileReading(path, null) : reading;
        long end;
        if (reports == 0) {
            end = HEADER_BYTES;
            last = null;
        } else if (reports == r.read) {
            end = r.endOfLast;
            last = r.lastReport;
        } else if (reports == r.read - 1) {
            end = r.endOfPrevious;
            last = r.previousReport;
        } else {
            throw new IllegalArgumentException(
                    "Only the last two reports read may end what is kept: " + reports + " of " + r.read + " read");
        }
        r.close();
        try {
            channel.truncate(end);
            channel.position(end);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut the progress file " + path, e);
        }
        appending = true;
    }

    /**
     * Appends {@code progress} as one line, written to the file at once.
     *
     * @throws IllegalArgumentException naming REC-9 when it may not follow the last report appended
     * @throws IllegalStateException when the reports an earlier run wrote were not {@linkplain #keep kept} first
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public void append(RecoveryProgress progress) {
        Objects.requireNonNull(progress, "progress");
        if (!appending) {
            throw new IllegalStateException("Keep the reports read from " + path + " before appending to it");
        }
        if (last != null) {
            progress.requireFollows(last);
        }
        try {
            write(channel, ProgressCsv.line(progress) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
        last = progress;
    }

    /** Appends {@code progress}, as {@link #append} does. */
    @Override
    public void accept(RecoveryProgress progress) {
        append(progress);
    }

    /**
     * Forces what was written to the disk.
     *
     * @throws UncheckedIOException when it cannot be
     */
    @Override
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
    }

    /** {@return the file written} */
    public Path path() {
        return path;
    }

    /** Closes the file. */
    @Override
    public void close() {
        if (reading != null) {
            reading.close();
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the progress file " + path, e);
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Already failing: the first exception says why.
            }
        }
    }

    /**
     * {@return the bytes of a progress file holding {@code reports}}
     *
     * @param reports the progress reports, oldest first
     * @throws IllegalArgumentException naming REC-9 when a report may not follow the one before it
     */
    public static byte[] format(List<RecoveryProgress> reports) {
        return ProgressCsv.format(reports);
    }

    /**
     * Writes a progress file holding {@code reports} to {@code path}, replacing it.
     *
     * @param path the file
     * @param reports the progress reports, oldest first
     * @throws IllegalArgumentException naming REC-9 when a report may not follow the one before it
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path path, List<RecoveryProgress> reports) {
        Objects.requireNonNull(path, "path");
        byte[] bytes = ProgressCsv.format(reports);
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
    }

    /**
     * Reads the progress file {@code path}.
     *
     * @param path the file
     * @return the reports, oldest first
     * @throws IllegalArgumentException naming the line when the file is not a progress file or a report breaks
     *     REC-9
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<RecoveryProgress> read(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return ProgressCsv.parse(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the progress file " + path, e);
        }
    }

    /**
     * Reads the text of a progress file.
     *
     * @param text the text
     * @return the reports, oldest first
     * @throws IllegalArgumentException naming the line when the text is not a progress file or a report breaks
     *     REC-9
     */
    public static List<RecoveryProgress> parse(String text) {
        return ProgressCsv.parse(text);
    }

    @Override
    public String toString() {
        return "ProgressFile[" + path + "]";
    }
}
