package dev.smki.recovery.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressFileTests {

    private static final IncidentId INCIDENT = IncidentId.of("INC-2026-001");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final List<RecoveryProgress> REPORTS = List.of(
            RecoveryProgress.start(INCIDENT, "C5", T0, 1000),
            new RecoveryProgress(INCIDENT, "C5", T0.plusMillis(30_090), 1000, 10, 0, 990, 0),
            new RecoveryProgress(INCIDENT, "C5", T0.plusSeconds(3600), 1000, 990, 10, 0, 10));

    private static final String TEXT = "incident,operation,time,total,succeeded,failed,pending,writtenOff\n"
            + "INC-2026-001,C5,2026-01-01T00:00:00Z,1000,0,0,1000,0\n"
            + "INC-2026-001,C5,2026-01-01T00:00:30.090Z,1000,10,0,990,0\n"
            + "INC-2026-001,C5,2026-01-01T01:00:00Z,1000,990,10,0,10\n";

    @Test
    void reportsAreWrittenAsTheDocumentedCsvAndReadBack() {
        assertThat(new String(ProgressFile.format(REPORTS), StandardCharsets.US_ASCII))
                .isEqualTo(TEXT);
        assertThat(ProgressFile.parse(TEXT)).isEqualTo(REPORTS);
        assertThat(ProgressFile.parse(ProgressFile.HEADER + "\n")).isEmpty();
    }

    @Test
    void aFileAppendedReportByReportHasTheSameBytesAsOneWrittenWhole(@TempDir Path dir) throws Exception {
        Path appended = dir.resolve("appended.csv");
        Path whole = dir.resolve("whole.csv");

        try (ProgressFile file = ProgressFile.create(appended)) {
            REPORTS.forEach(file);
            assertThat(file.path()).isEqualTo(appended);
        }
        ProgressFile.write(whole, REPORTS);

        assertThat(Files.readAllBytes(appended))
                .isEqualTo(Files.readAllBytes(whole))
                .isEqualTo(TEXT.getBytes(StandardCharsets.US_ASCII));
        assertThat(ProgressFile.read(appended)).isEqualTo(REPORTS);
    }

    @Test
    void aReportGoingBackIsRefusedNamingRec9AndNotWritten(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("progress.csv");
        try (ProgressFile file = ProgressFile.create(path)) {
            file.append(REPORTS.get(1));

            assertThatThrownBy(() -> file.append(REPORTS.get(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("REC-9");
            file.append(REPORTS.get(2));
        }
        assertThat(ProgressFile.read(path)).containsExactly(REPORTS.get(1), REPORTS.get(2));
        assertThatThrownBy(() -> ProgressFile.format(List.of(REPORTS.get(2), REPORTS.get(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REC-9");
    }

    @Test
    void aFileThatIsNotAProgressFileIsRefusedNamingTheLine() {
        String header = ProgressFile.HEADER + "\n";
        assertThatThrownBy(() -> ProgressFile.parse("incident,time\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Line 1 is not the progress file header");
        assertThatThrownBy(() -> ProgressFile.parse(header + "INC-1,C5,2026-01-01T00:00:00Z,3,1,1,1,1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A progress file ends with a line end");
        assertThatThrownBy(() -> ProgressFile.parse(
                        header + "INC-1,C5,2026-01-01T00:00:00Z,3,1,1,1,1\nINC-1,C5,2026-01-01T00:00:00Z,3,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 3: expected 8 comma-separated fields, got 5");
        assertThatThrownBy(() -> ProgressFile.parse(header + "INC-1,C5,2026-01-01T00:00:00Z,3,1,1,2,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 2: REC-9: succeeded + failed + pending = total, not 1 + 1 + 2 = 3");
        assertThatThrownBy(() -> ProgressFile.parse(header + "INC-1,C5,yesterday,3,1,1,1,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Line 2: ");
        assertThatThrownBy(() -> ProgressFile.parse(header + "INC-1,C5,2026-01-01T00:00:00Z,3,one,1,1,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 2: not a count: 'one'");
        assertThatThrownBy(() -> ProgressFile.parse(
                        header + "INC-1,C5,2026-01-01T00:00:00Z,3,2,0,1,0\nINC-1,C5,2026-01-01T00:00:01Z,3,1,1,1,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Line 3: REC-9: counts went back");
    }

    @Test
    void aNewFileIsCreatedOnlyWhereNoFileIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "notes", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> ProgressFile.createNew(file))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("notes");
    }

    @Test
    void aContinuedFileReadsBackItsReportsKeepsThoseAskedAndAppendsAfterThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, TEXT + "INC-2026-001,C5,2026-01-01T01:0", StandardCharsets.US_ASCII);

        try (ProgressFile continued = ProgressFile.continuing(file)) {
            java.util.Iterator<RecoveryProgress> recorded = continued.recorded();
            assertThat(recorded.next()).isEqualTo(REPORTS.get(0));
            assertThat(recorded.next()).isEqualTo(REPORTS.get(1));
            assertThat(recorded.next()).isEqualTo(REPORTS.get(2));
            assertThat(recorded.hasNext()).as("a torn last line is no report").isFalse();
            continued.keep(2);
            continued.append(REPORTS.get(2));
        }

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(TEXT);
    }

    @Test
    void aContinuedFileEndsItsRecordAtALineThatIsNoReportOrGoesBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        String lines = TEXT.lines().toList().get(1) + "\n"
                + TEXT.lines().toList().get(3) + "\n" + TEXT.lines().toList().get(2) + "\n";
        Files.writeString(file, ProgressFile.HEADER + "\n" + lines, StandardCharsets.US_ASCII);

        try (ProgressFile continued = ProgressFile.continuing(file)) {
            List<RecoveryProgress> read = new java.util.ArrayList<>();
            continued.recorded().forEachRemaining(read::add);
            assertThat(read).containsExactly(REPORTS.get(0), REPORTS.get(2));
            continued.keep(1);
        }

        assertThat(ProgressFile.read(file)).containsExactly(REPORTS.get(0));
    }

    @Test
    void aFileThatDoesNotStartWithTheHeaderIsNotContinuedAndIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "incident,time\nsomething else\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> ProgressFile.continuing(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not start with the Recovery Progress File header");
        assertThat(Files.readString(file)).isEqualTo("incident,time\nsomething else\n");
        assertThatThrownBy(() -> ProgressFile.continuing(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aContinuedFileThatDoesNotExistIsCreated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");

        try (ProgressFile continued = ProgressFile.continuing(file)) {
            assertThat(continued.recorded()).isExhausted();
            continued.keep(0);
            REPORTS.forEach(continued::append);
        }

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(TEXT);
    }
}
