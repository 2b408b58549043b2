package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTests {

    private static final Actor SUBSCRIBER = Actor.of("SUBSCRIBER");
    private static final Actor DCC = Actor.of("DCC");
    private static final StepId N1 = StepId.of("N1");
    private static final StepId N2 = StepId.of("N2");
    private static final StepId N5 = StepId.of("N5");
    private static final Procedure NOTIFY = Procedure.named("NOTIFY")
            .pre(N1, "Compromise detected", SUBSCRIBER, DCC)
            .pre(N2, "DCC notified", SUBSCRIBER)
            .after(N1)
            .exec(N5, "Relevant Device identified", DCC)
            .after(N2)
            .perItem()
            .build();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private Path journal;
    private String head;

    @BeforeEach
    void writeJournal() {
        journal = dir.resolve("notify.journal");
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        try (ProcedureRun run = ProcedureRun.start(NOTIFY, Journal.file(journal), clock)) {
            run.attempt(N1, DCC);
            run.attempt(N2, DCC);
            run.attempt(N2, SUBSCRIBER, Payload.of("file", "OCNF-17"));
            run.attempt(Attempt.ofItem(N5, "00-DB-12-34-56-78-90-A0", DCC, Payload.none()));
            head = run.head();
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(journal, StandardCharsets.US_ASCII));
    }

    /** Replaces {@code from} by {@code to} in line {@code index} (from 0) of the journal. */
    private void edit(int index, String from, String to) throws IOException {
        List<String> lines = lines();
        lines.set(index, lines.get(index).replace(from, to));
        write(lines);
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
    }

    @Test
    void verifyReportsAnIntactJournalWithItsLineCountAndHead() {
        CliRun run = CliRun.of("journal", "verify", journal.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(journal + ": intact: 5 lines (header and 4 attempts) of procedure NOTIFY, head " + head
                        + System.lineSeparator() + journal + ": seal not checked (give --seal-pub PUB.pem)"
                        + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verifyReportsATornTailButExitsZero() throws IOException {
        Files.writeString(journal, "{\"seq\":5,\"ti", StandardOpenOption.APPEND);

        CliRun run = CliRun.of("journal", "verify", journal.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("intact: 5 lines")
                .contains("torn line 6 of 12 bytes at the end, left by an interrupted write (resuming drops it)");
    }

    @Test
    void verifyNamesTheFirstBrokenLineOfAnEditedJournalAndExitsOne() throws IOException {
        edit(3, "OCNF-17", "OCNF-71");

        CliRun run = CliRun.of("journal", "verify", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out().strip())
                .isEqualTo(journal + ": broken at line 4: the line does not match its hash: it was edited (lines 1-3"
                        + " are intact)");
    }

    @Test
    void verifyNamesTheLineWhereALineWasDeleted() throws IOException {
        List<String> lines = lines();
        lines.remove(2);
        write(lines);

        CliRun run = CliRun.of("journal", "verify", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("broken at line 3: the line does not follow line 2");
    }

    @Test
    void verifyComparesTheHeadWithAnExpectedOne() throws IOException {
        assertThat(CliRun.of("journal", "verify", "--expect-head", head.toUpperCase(), journal.toString())
                        .exitCode())
                .isZero();
        List<String> lines = lines();
        lines.remove(lines.size() - 1);
        write(lines);

        CliRun run = CliRun.of("journal", "verify", "--expect-head", head, journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("broken after line 4: the journal ends with head ")
                .contains("not the expected " + head);
    }

    @Test
    void verifyRejectsAMalformedExpectedHeadOnOneLine() {
        CliRun run = CliRun.of("journal", "verify", "--expect-head", "abc", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("64 hex digits");
    }

    @Test
    void verifyExitsTwoOnOneLineForAMissingEmptyOrUnreadableFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.journal"));

        for (Path file : List.of(dir.resolve("absent.journal"), empty, dir)) {
            CliRun run = CliRun.of("journal", "verify", file.toString());
            assertThat(run.exitCode()).as(file.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.errLines()).singleElement().asString().contains(file.toString());
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void verifyCallsAFileThatIsNotAJournalBrokenAtLineOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("ranges.csv"), "party,role\nAcme,02\n");

        CliRun run = CliRun.of("journal", "verify", csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("broken at line 1: the line does not end with its hash");
    }

    @Test
    void showPrintsATimelineWithOutcomesReasonsAndPayloadSummaries() {
        CliRun run = CliRun.of("journal", "show", journal.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "Journal of NOTIFY (definition "
                                + NOTIFY.definitionHash().substring(0, 12) + "), created 2026-03-02T09:00:00Z",
                        "TIME                  SEQ  ACTOR       STEP                         OUTCOME",
                        "2026-03-02T09:00:00Z    1  DCC         N1                           accepted",
                        "2026-03-02T09:00:00Z    2  DCC         N2                           refused (WRONG_ACTOR):"
                                + " DCC may not do N2 \"DCC notified\"; only SUBSCRIBER may",
                        "2026-03-02T09:00:00Z    3  SUBSCRIBER  N2                           accepted  {file=OCNF-17}",
                        "2026-03-02T09:00:00Z    4  DCC         N5[00-DB-12-34-56-78-90-A0]  accepted",
                        "4 attempts: 3 accepted, 1 refused");
    }

    @Test
    void showStopsAtTheFirstBrokenLineAndExitsOne() throws IOException {
        edit(4, "DCC", "PMA");

        CliRun run = CliRun.of("journal", "show", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("SUBSCRIBER  N2").doesNotContain("N5[");
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo(journal + ": broken at line 5: the line does not match its hash: it was edited (lines 1-4"
                        + " are intact)");
    }

    @Test
    void showPrintsControlCharactersOfACraftedJournalAsQuestionMarks() throws Exception {
        List<String> lines = lines();
        String previous = lines.get(lines.size() - 1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
        String prefix = "{\"seq\":5,\"time\":\"2026-03-02T09:10:00Z\",\"step\":\"N2\",\"actor\":\"DCC\","
                + "\"outcome\":\"REFUSED\",\"refusal\":\"WRONG_ACTOR\",\"reason\":\"\\u001b[2Jwiped\","
                + "\"payload\":{},\"prev\":\"" + previous + "\"";
        lines.add(prefix + ",\"hash\":\"" + sha256(prefix) + "\"}");
        write(lines);

        CliRun run = CliRun.of("journal", "show", journal.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("refused (WRONG_ACTOR): ?[2Jwiped").doesNotContain("\u001b");
    }

    @Test
    void showExitsTwoForAMissingFile() {
        CliRun run = CliRun.of("journal", "show", dir.resolve("absent.journal").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("no such file");
    }

    @Test
    void journalWithoutASubcommandIsAUsageError() {
        CliRun run = CliRun.of("journal");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing subcommand: verify or show");
    }

    private static String sha256(String text) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256", BouncyCastle.PROVIDER);
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
