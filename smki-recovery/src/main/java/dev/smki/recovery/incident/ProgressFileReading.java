package dev.smki.recovery.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The reports a progress file left by an earlier run holds, read line by line up to the first torn or unusable line,
 * with where the last two lines end, so that the file can be cut back to the reports a resumed run keeps.
 */
final class ProgressFileReading implements Iterator<RecoveryProgress> {
    private final Path path;
    private final BufferedReader reader;
    private RecoveryProgress next;
    private boolean done;
    long read;
    long endOfLast = ProgressFile.HEADER_BYTES;
    long endOfPrevious = ProgressFile.HEADER_BYTES;
    RecoveryProgress lastReport;
    RecoveryProgress previousReport;

    ProgressFileReading(Path path, BufferedReader reader) {
        this.path = path;
        this.reader = reader;
        this.done = reader == null;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public RecoveryProgress next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecoveryProgress report = next;
        next = null;
        return report;
    }

    private RecoveryProgress readNext() {
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = reader.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            if (c < 0) {
                return null; // the end, or a torn last line
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the progress file " + path, e);
        }
        RecoveryProgress report;
        try {
            report = ProgressCsv.parseLine(line.toString());
            if (lastReport != null && report.notFollowing(lastReport).isPresent()) {
                return null;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
        previousReport = lastReport;
        endOfPrevious = endOfLast;
        lastReport = report;
        endOfLast += line.length() + 1L;
        read++;
        return report;
    }

    void close() {
        done = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // Only read from: nothing is lost.
            }
        }
    }
}
