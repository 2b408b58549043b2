package dev.smki.recovery.journal;

import static dev.smki.recovery.workflow.Samples.CUSTODIAN;
import static dev.smki.recovery.workflow.Samples.DCC;
import static dev.smki.recovery.workflow.Samples.N1;
import static dev.smki.recovery.workflow.Samples.N2;
import static dev.smki.recovery.workflow.Samples.N3;
import static dev.smki.recovery.workflow.Samples.N5;
import static dev.smki.recovery.workflow.Samples.NOTIFY;
import static dev.smki.recovery.workflow.Samples.PMA;
import static dev.smki.recovery.workflow.Samples.R1;
import static dev.smki.recovery.workflow.Samples.R2;
import static dev.smki.recovery.workflow.Samples.R5;
import static dev.smki.recovery.workflow.Samples.RECOVERY_KEY;
import static dev.smki.recovery.workflow.Samples.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTests {

    @TempDir
    Path directory;

    private final SettableClock clock = SettableClock.at(Samples.START);

    private Path journalFile() {
        return directory.resolve("notify.journal");
    }

    /** Writes a NOTIFY journal of 5 attempts (one refused) and returns its lines. */
    private List<String> writeSampleJournal() throws IOException {
        try (ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, Journal.file(journalFile()), clock)) {
            run.attempt(N1, DCC);
            clock.advance(Duration.ofMinutes(1));
            run.attempt(N3, DCC);
            run.attempt(N2, SUBSCRIBER, Payload.of("file", "OCNF-17"));
            clock.advance(Duration.ofMinutes(1));
            run.attempt(N3, DCC);
            run.attempt(Attempt.ofItem(N5, "00-DB-12-34-56-78-90-A0", DCC, Payload.none()));
        }
        return Files.readAllLines(journalFile(), StandardCharsets.US_ASCII);
    }

    private String writeSampleHeaderWithoutNote() throws IOException {
        Path other = directory.resolve("plain.journal");
        try (ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, Journal.file(other), clock)) {
            assertThat(run.header().note().isEmpty()).isTrue();
        }
        return Files.readAllLines(other, StandardCharsets.US_ASCII).get(0);
    }

    private void writeLines(List<String> lines) throws IOException {
        Files.write(journalFile(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private JournalVerification verifyFile() throws IOException {
        return JournalVerification.of(journalFile());
    }

    @Nested
    class Format {

        @Test
        void startsWithAHeaderNamingTheProcedureAndItsDefinition() throws IOException {
            List<String> lines = writeSampleJournal();

            JsonNode header = new ObjectMapper().readTree(lines.get(0));
            assertThat(header.get("journal").asText()).isEqualTo("smki-procedure-journal");
            assertThat(header.get("seq").asLong()).isZero();
            assertThat(header.get("procedure").asText()).isEqualTo("NOTIFY");
            assertThat(header.get("definition").asText()).isEqualTo(NOTIFY.definitionHash());
            assertThat(header.get("created").asText()).isEqualTo("2026-03-02T09:00:00Z");
            assertThat(header.get("prev").asText()).isEqualTo("0".repeat(64));
        }

        @Test
        void keepsANoteInTheHeaderWhenGivenOneAndReadsItBackOnResume() throws IOException {
            PayloadSummary note = PayloadSummary.of("rehearsal", "contingency", "seed", "7");
            try (ProcedureRun<Object> run =
                    ProcedureRun.start(NOTIFY, Journal.file(journalFile()), clock, null, note)) {
                run.attempt(N1, DCC);
                assertThat(run.header().note()).isEqualTo(note);
            }
            List<String> lines = Files.readAllLines(journalFile(), StandardCharsets.US_ASCII);

            assertThat(new ObjectMapper()
                            .readTree(lines.get(0))
                            .get("note")
                            .get("seed")
                            .asText())
                    .isEqualTo("7");
            JournalVerification verification = JournalVerification.of(journalFile());
            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.header().orElseThrow().note()).isEqualTo(note);
            try (ProcedureRun<Object> resumed = ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock)) {
                assertThat(resumed.header().note()).isEqualTo(note);
            }
            assertThat(writeSampleHeaderWithoutNote()).doesNotContain("\"note\"");
        }

        @Test
        void writesOneJsonLinePerAttemptChainedToThePreviousLine() throws IOException {
            List<String> lines = writeSampleJournal();

            assertThat(lines).hasSize(6);
            ObjectMapper json = new ObjectMapper();
            JsonNode refused = json.readTree(lines.get(2));
            assertThat(refused.get("seq").asLong()).isEqualTo(2);
            assertThat(refused.get("time").asText()).isEqualTo("2026-03-02T09:01:00Z");
            assertThat(refused.get("step").asText()).isEqualTo("N3");
            assertThat(refused.get("actor").asText()).isEqualTo("DCC");
            assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(refused.get("refusal").asText()).isEqualTo("MISSING_PREREQUISITES");
            assertThat(refused.get("reason").asText())
                    .isEqualTo("N3 \"Compromise confirmed\" needs N2 \"DCC notified\" first");
            assertThat(refused.get("prev").asText())
                    .isEqualTo(json.readTree(lines.get(1)).get("hash").asText());
            JsonNode accepted = json.readTree(lines.get(3));
            assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.has("refusal")).isFalse();
            assertThat(accepted.get("payload").get("file").asText()).isEqualTo("OCNF-17");
            assertThat(json.readTree(lines.get(5)).get("item").asText()).isEqualTo("00-DB-12-34-56-78-90-A0");
            assertThat(lines.get(5)).endsWith("\"}").contains(",\"hash\":\"");
        }

        @Test
        void verifiesAnUntouchedJournalAsIntactWithItsHead() throws IOException {
            writeSampleJournal();

            JournalVerification verification = verifyFile();

            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.lines()).isEqualTo(6);
            assertThat(verification.entries()).hasSize(5);
            assertThat(verification.tornTail()).isEmpty();
            assertThat(verification.header().orElseThrow().records(NOTIFY)).isTrue();
            assertThat(verification.head())
                    .isEqualTo(verification.entries().get(4).hash());
            assertThat(verification.intactLength()).isEqualTo(Files.size(journalFile()));
        }

        @Test
        void escapesTextSoEveryLineIsAscii() throws IOException {
            try (ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, Journal.file(journalFile()), clock)) {
                run.attempt(N1, DCC, Payload.of("note", "Café \"quoted\" §6.3"));
            }
            byte[] bytes = Files.readAllBytes(journalFile());

            for (byte b : bytes) {
                assertThat(b & 0xff).isLessThan(0x80);
            }
            assertThat(verifyFile().entries().get(0).payload().get("note")).isEqualTo("Café \"quoted\" §6.3");
        }
    }

    @Nested
    class TamperEvidence {

        @Test
        void detectsAnEditedLineAtThatLine() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            lines.set(3, lines.get(3).replace("OCNF-17", "OCNF-18"));
            writeLines(lines);

            assertThat(verifyFile().firstBreak())
                    .contains(new JournalVerification.Break(4, "the line does not match its hash: it was edited"));
        }

        @Test
        void detectsADeletedLineAtTheLineThatTookItsPlace() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            lines.remove(2);
            writeLines(lines);

            JournalVerification verification = verifyFile();

            assertThat(verification.firstBreak().orElseThrow().line()).isEqualTo(3);
            assertThat(verification.firstBreak().orElseThrow().reason())
                    .isEqualTo("the line does not follow line 2 (its prev hash differs): a line was inserted, deleted"
                            + " or reordered here");
            assertThat(verification.lines()).isEqualTo(2);
            assertThat(verification.entries()).hasSize(1);
        }

        @Test
        void detectsAnInsertedLine() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            lines.add(4, lines.get(1));
            writeLines(lines);

            assertThat(verifyFile().firstBreak().orElseThrow().line()).isEqualTo(5);
        }

        @Test
        void detectsReorderedLines() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            Collections.swap(lines, 3, 4);
            writeLines(lines);

            assertThat(verifyFile().firstBreak().orElseThrow().line()).isEqualTo(4);
        }

        @Test
        void detectsAnEditedHeader() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            lines.set(0, lines.get(0).replace("NOTIFY", "NOTIFX"));
            writeLines(lines);

            assertThat(verifyFile().firstBreak().orElseThrow().line()).isEqualTo(1);
        }

        @Test
        void detectsAFileThatIsNotAJournal() throws IOException {
            Files.writeString(journalFile(), "name,value\nN1,done\n");

            assertThat(verifyFile().firstBreak())
                    .contains(new JournalVerification.Break(1, "the line does not end with its hash"));
        }

        @Test
        void detectsACompleteLastLineFollowedByStrayBytes() throws IOException {
            writeSampleJournal();
            byte[] bytes = Files.readAllBytes(journalFile());
            bytes[bytes.length - 1] = 'x';
            Files.write(journalFile(), bytes);

            assertThat(verifyFile().firstBreak())
                    .contains(new JournalVerification.Break(
                            6, "the line is complete but followed by 1 stray bytes and no newline"));
        }
    }

    @Nested
    class TornTails {

        @Test
        void reportsAndToleratesATornLastLine() throws IOException {
            writeSampleJournal();
            long intact = Files.size(journalFile());
            Files.write(
                    journalFile(),
                    "{\"seq\":6,\"time\":\"2026-03-02T09:0".getBytes(StandardCharsets.US_ASCII),
                    java.nio.file.StandardOpenOption.APPEND);

            JournalVerification verification = verifyFile();

            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.tornTail()).contains(new JournalVerification.TornTail(7, 32));
            assertThat(verification.intactLength()).isEqualTo(intact);
            assertThat(verification.entries()).hasSize(5);
        }

        @Test
        void treatsACompleteLineWithoutItsNewlineAsTorn() throws IOException {
            writeSampleJournal();
            byte[] bytes = Files.readAllBytes(journalFile());
            Files.write(journalFile(), java.util.Arrays.copyOf(bytes, bytes.length - 1));

            JournalVerification verification = verifyFile();

            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.tornTail().orElseThrow().line()).isEqualTo(6);
            assertThat(verification.entries()).hasSize(4);
        }

        @Test
        void dropsATornTailWhenResumingAndAppendsAfterTheLastIntactLine() throws IOException {
            writeSampleJournal();
            long intact = Files.size(journalFile());
            Files.write(journalFile(), new byte[] {'{', '"', 's'}, java.nio.file.StandardOpenOption.APPEND);

            try (ProcedureRun<Object> run = ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock)) {
                assertThat(run.state().lastSequence()).isEqualTo(5);
                assertThat(Files.size(journalFile())).isEqualTo(intact);
                run.attempt(Samples.N4, DCC).requireAccepted();
            }

            JournalVerification verification = verifyFile();
            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.tornTail()).isEmpty();
            assertThat(verification.entries()).hasSize(6);
        }

        @Test
        void startsAfreshWhenTheHeaderItselfIsTorn() throws IOException {
            Files.write(journalFile(), "{\"journal\":\"smki-proc".getBytes(StandardCharsets.US_ASCII));

            try (ProcedureRun<Object> run = ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock)) {
                run.attempt(N1, DCC).requireAccepted();
            }

            JournalVerification verification = verifyFile();
            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.header().orElseThrow().records(NOTIFY)).isTrue();
            assertThat(verification.entries()).hasSize(1);
        }
    }

    @Nested
    class Resuming {

        @Test
        void rebuildsExactlyTheSameStateAndContinuesAppendingToTheSameFile() throws IOException {
            RunState before;
            List<JournalEntry> entriesBefore;
            try (ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, Journal.file(journalFile()), clock)) {
                run.attempt(N1, DCC);
                run.attempt(N2, SUBSCRIBER, Payload.of("file", "OCNF-17"));
                run.attempt(N2, SUBSCRIBER);
                clock.advance(Duration.ofMinutes(3));
                run.attempt(N3, DCC);
                run.attemptAll(List.of(
                        Attempt.ofItem(N5, "device-1", DCC, Payload.none()),
                        Attempt.ofItem(N5, "device-2", DCC, Payload.none()),
                        Attempt.ofItem(N5, "device-1", DCC, Payload.none())));
                before = run.state();
                entriesBefore = run.entries();
            }

            clock.advance(Duration.ofHours(1));
            try (ProcedureRun<Object> resumed = ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock)) {
                assertThat(resumed.state()).isEqualTo(before);
                assertThat(resumed.entries()).isEqualTo(entriesBefore);
                assertThat(resumed.attempt(Samples.N4, DCC)).isEqualTo(new Outcome.Accepted(8, clock.instant()));
            }

            JournalVerification verification = verifyFile();
            assertThat(verification.isIntact()).isTrue();
            assertThat(verification.entries()).hasSize(8);
            assertThat(verification.header().orElseThrow().created()).isEqualTo(Samples.START);
        }

        @Test
        void reappliesGuardOutcomesWithoutReRunningGuards() {
            Samples.Decisions decisions = new Samples.Decisions();
            Journal journal = Journal.inMemory();
            RunState before;
            try (ProcedureRun<Object> run = ProcedureRun.start(RECOVERY_KEY, journal, clock, decisions)) {
                run.attempt(R1, PMA);
                run.attempt(R2, DCC);
                run.attempt(R5, CUSTODIAN, Payload.of("custodians", "3")); // refused: no decision yet
                before = run.state();
            }
            decisions.requireRecoveryKey(true); // the context has changed since

            try (ProcedureRun<Object> resumed = ProcedureRun.resume(RECOVERY_KEY, journal, clock, null)) {
                assertThat(resumed.state()).isEqualTo(before);
                assertThat(resumed.hasCompleted(R5)).isFalse();
                assertThat(resumed.entries().get(2).rule())
                        .map(Object::toString)
                        .contains("REC-1");
            }
        }

        @Test
        void refusesToStartOnAJournalThatIsNotEmpty() throws IOException {
            writeSampleJournal();

            assertThatIllegalStateException()
                    .isThrownBy(() -> ProcedureRun.start(NOTIFY, Journal.file(journalFile()), clock))
                    .withMessageContaining("resume it instead of starting a new run");
        }

        @Test
        void refusesToResumeAJournalOfAnotherDefinition() throws IOException {
            writeSampleJournal();
            Procedure<Object> changed = NOTIFY.withDeadline("T_confirm", Duration.ofHours(8));

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ProcedureRun.resume(changed, Journal.file(journalFile()), clock))
                    .withMessageContaining("records procedure NOTIFY with definition " + NOTIFY.definitionHash())
                    .withMessageContaining("not NOTIFY with definition " + changed.definitionHash());
        }

        @Test
        void refusesToResumeABrokenJournalNamingTheFirstBrokenLine() throws IOException {
            List<String> lines = new ArrayList<>(writeSampleJournal());
            lines.remove(3);
            writeLines(lines);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock))
                    .withMessageContaining("is broken at line 4: the line does not follow line 3");
        }

        @Test
        void refusesToResumeAJournalThatContradictsItsProcedure() {
            JournalFormat.Encoded<JournalHeader> header =
                    JournalFormat.header(NOTIFY.name(), NOTIFY.definitionHash(), Samples.START, PayloadSummary.empty());
            JournalFormat.Encoded<JournalEntry> forged = JournalFormat.entry(
                    1,
                    Samples.START,
                    Attempt.of(N3, DCC),
                    Optional.empty(),
                    header.value().hash());
            byte[] content = new byte[header.line().length + forged.line().length];
            System.arraycopy(header.line(), 0, content, 0, header.line().length);
            System.arraycopy(forged.line(), 0, content, header.line().length, forged.line().length);

            assertThat(JournalVerification.of(content).isIntact()).isTrue();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ProcedureRun.resume(NOTIFY, Journal.inMemory(content), clock))
                    .withMessageContaining("line 2 (N3 by DCC) contradicts NOTIFY")
                    .withMessageContaining("the journal accepts it, but the procedure refuses it: N3 \"Compromise"
                            + " confirmed\" needs N2 \"DCC notified\" first");
        }

        @Test
        void letsOnlyOneRunUseAJournalAtATime() throws IOException {
            Journal journal = Journal.file(journalFile());
            try (ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, journal, clock)) {
                assertThatIllegalStateException()
                        .isThrownBy(() -> ProcedureRun.resume(NOTIFY, journal, clock))
                        .withMessageContaining("is already used by a run");
                assertThatIllegalStateException()
                        .isThrownBy(() -> ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock))
                        .withMessageContaining("is already open in this program");
                run.attempt(N1, DCC).requireAccepted();
            }
            try (ProcedureRun<Object> again = ProcedureRun.resume(NOTIFY, journal, clock)) {
                assertThat(again.hasCompleted(N1)).isTrue();
            }
        }
    }

    @Nested
    class Failures {

        @Test
        void stopsTheRunWithoutEffectWhenTheJournalCannotBeWritten() throws IOException {
            Journal journal = Journal.file(journalFile());
            ProcedureRun<Object> run = ProcedureRun.start(NOTIFY, journal, clock);
            run.attempt(N1, DCC).requireAccepted();
            journal.close(); // the file can no longer be written

            assertThatThrownBy(() -> run.attempt(N2, SUBSCRIBER)).isInstanceOf(UncheckedIOException.class);

            assertThat(run.hasCompleted(N2)).isFalse();
            assertThat(run.state().lastSequence()).isEqualTo(1);
            assertThatIllegalStateException()
                    .isThrownBy(() -> run.attempt(N2, SUBSCRIBER))
                    .withMessageContaining("is stopped: writing");
            run.close();
            try (ProcedureRun<Object> resumed = ProcedureRun.resume(NOTIFY, Journal.file(journalFile()), clock)) {
                assertThat(resumed.state()).isEqualTo(run.state());
            }
        }

        @Test
        void writesTheSameLinesWithoutForcingWhenDurabilityIsNotWanted() throws IOException {
            Path unforced = directory.resolve("unforced.journal");
            try (ProcedureRun<Object> run =
                    ProcedureRun.start(NOTIFY, Journal.file(unforced, Durability.UNFORCED), clock)) {
                run.attempt(N1, DCC).requireAccepted();
            }
            writeSampleJournal();

            List<String> forcedLines = Files.readAllLines(journalFile());
            assertThat(Files.readAllLines(unforced)).containsExactlyElementsOf(forcedLines.subList(0, 2));
        }
    }
}
