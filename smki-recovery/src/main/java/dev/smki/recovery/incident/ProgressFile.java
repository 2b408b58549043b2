package dev.smki.recovery.incident;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * <p>An instance appends reports to a file as they come, for example as the listener of a fleet execution, and
 * flushes each line so that the file can be watched while the recovery runs. Not thread-safe: feed it from one
 * thread at a time (an execution calls its listener under a lock).
 */
public final class ProgressFile implements Consumer<RecoveryProgress>, Closeable {

    /** The header line, without its line end. */
    public static final String HEADER = "incident,operation,time,total,succeeded,failed,pending,writtenOff";

    private static final int FIELDS = 8;

    private final Path path;
    private final BufferedWriter writer;
    private RecoveryProgress last;

    private ProgressFile(Path path, BufferedWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /**
     * Creates (or truncates) the progress file {@code path} and writes its header.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static ProgressFile create(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            BufferedWriter writer = Files.newBufferedWriter(
                    path,
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            writer.write(HEADER);
            writer.write('\n');
            writer.flush();
            return new ProgressFile(path, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
    }

    /**
     * Appends {@code progress} as one line and flushes it.
     *
     * @throws IllegalArgumentException naming REC-9 when it may not follow the last report appended
     * @throws UncheckedIOException when the file cannot be written
     */
    public void append(RecoveryProgress progress) {
        Objects.requireNonNull(progress, "progress");
        if (last != null) {
            progress.requireFollows(last);
        }
        try {
            writer.write(line(progress));
            writer.write('\n');
            writer.flush();
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

    /** Returns the file written. */
    public Path path() {
        return path;
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the progress file " + path, e);
        }
    }

    /**
     * Returns the bytes of a progress file holding {@code reports}.
     *
     * @throws IllegalArgumentException naming REC-9 when a report may not follow the one before it
     */
    public static byte[] format(List<RecoveryProgress> reports) {
        Objects.requireNonNull(reports, "reports");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        RecoveryProgress previous = null;
        for (RecoveryProgress report : reports) {
            Objects.requireNonNull(report, "report");
            if (previous != null) {
                report.requireFollows(previous);
            }
            text.append(line(report)).append('\n');
            previous = report;
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes a progress file holding {@code reports} to {@code path}, replacing it.
     *
     * @throws IllegalArgumentException naming REC-9 when a report may not follow the one before it
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path path, List<RecoveryProgress> reports) {
        Objects.requireNonNull(path, "path");
        byte[] bytes = format(reports);
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the progress file " + path, e);
        }
    }

    /**
     * Reads the progress file {@code path}.
     *
     * @throws IllegalArgumentException naming the line when the file is not a progress file or a report breaks
     *     REC-9
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<RecoveryProgress> read(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return parse(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the progress file " + path, e);
        }
    }

    /**
     * Reads the text of a progress file.
     *
     * @throws IllegalArgumentException naming the line when the text is not a progress file or a report breaks
     *     REC-9
     */
    public static List<RecoveryProgress> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("A progress file ends with a line end");
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("Line 1 is not the progress file header '" + HEADER + "'");
        }
        List<RecoveryProgress> reports = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            RecoveryProgress report;
            try {
                report = parseLine(lines[i]);
                if (!reports.isEmpty()) {
                    report.requireFollows(reports.get(reports.size() - 1));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + e.getMessage(), e);
            }
            reports.add(report);
        }
        return List.copyOf(reports);
    }

    private static RecoveryProgress parseLine(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " comma-separated fields, got " + fields.length);
        }
        return new RecoveryProgress(
                IncidentId.of(fields[0]),
                fields[1],
                Instant.parse(fields[2]),
                count(fields[3]),
                count(fields[4]),
                count(fields[5]),
                count(fields[6]),
                count(fields[7]));
    }

    private static long count(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a count: '" + field + "'", e);
        }
    }

    private static String line(RecoveryProgress p) {
        return p.incident() + "," + p.operation() + "," + p.at() + "," + p.total() + "," + p.succeeded() + ","
                + p.failed() + "," + p.pending() + "," + p.writtenOff();
    }

    @Override
    public String toString() {
        return "ProgressFile[" + path + "]";
    }
}
