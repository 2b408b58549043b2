package dev.smki.recovery.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of a Recovery Progress File (see {@link ProgressFile}): a header line, then one CSV line per report, in
 * US-ASCII with LF line ends. The same reports always give the same bytes.
 */
final class ProgressCsv {

    private static final int FIELDS = 8;

    private ProgressCsv() {}

    /**
     * Returns the bytes of a progress file holding {@code reports}.
     *
     * @throws IllegalArgumentException naming REC-9 when a report may not follow the one before it
     */
    static byte[] format(List<RecoveryProgress> reports) {
        Objects.requireNonNull(reports, "reports");
        StringBuilder text = new StringBuilder(ProgressFile.HEADER).append('\n');
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
     * Reads the text of a progress file.
     *
     * @throws IllegalArgumentException naming the line when the text is not a progress file or a report breaks
     *     REC-9
     */
    static List<RecoveryProgress> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("A progress file ends with a line end");
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(ProgressFile.HEADER)) {
            throw new IllegalArgumentException("Line 1 is not the progress file header '" + ProgressFile.HEADER + "'");
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

    static RecoveryProgress parseLine(String line) {
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

    static long count(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a count: '" + field + "'", e);
        }
    }

    static String line(RecoveryProgress p) {
        return p.incident() + "," + p.operation() + "," + p.at() + "," + p.total() + "," + p.succeeded() + ","
                + p.failed() + "," + p.pending() + "," + p.writtenOff();
    }
}
