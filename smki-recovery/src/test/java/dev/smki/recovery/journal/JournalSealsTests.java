package dev.smki.recovery.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.testing.TestKeys;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSealsTests {

    private static final Actor DCC = Actor.of("DCC");
    private static final StepId N1 = StepId.of("N1");
    private static final StepId N2 = StepId.of("N2");
    private static final StepId N3 = StepId.of("N3");
    private static final Procedure NOTIFY = Procedure.named("NOTIFY")
            .pre(N1, "Compromise detected", DCC)
            .pre(N2, "DCC notified", DCC)
            .after(N1)
            .pre(N3, "Compromise confirmed", DCC)
            .after(N2)
            .build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final KeyPair KEY = TestKeys.key(0);
    private static final KeyPair OTHER = TestKeys.key(1);

    @TempDir
    Path dir;

    private Path journal;
    private Path seals;

    @BeforeEach
    void writeASealedJournal() {
        journal = dir.resolve("n.journal");
        seals = dir.resolve("n.journal.seals");
        try (ProcedureRun run = ProcedureRun.start(NOTIFY, sealed(), CLOCK)) {
            run.attempt(N1, DCC);
            run.attempt(N2, DCC);
        }
    }

    private Journal sealed() {
        return Journal.file(journal, Durability.FORCED, JournalSealer.of(KEY, seals));
    }

    private JournalSeals.Check check(KeyPair key) throws IOException {
        return JournalSeals.check(Files.readAllBytes(journal), Files.readAllBytes(seals), key.getPublic());
    }

    @Test
    void aCheckpointFollowsEveryWriteAndAnEndSealTheClose() throws IOException {
        JournalSeals.Check check = check(KEY);

        assertThat(check.isSealed()).as(check.problem().toString()).isTrue();
        assertThat(check.seals())
                .extracting(JournalSeals.Seal::kind, JournalSeals.Seal::lines)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JournalSeals.Kind.CHECKPOINT, 1L),
                        org.assertj.core.groups.Tuple.tuple(JournalSeals.Kind.CHECKPOINT, 2L),
                        org.assertj.core.groups.Tuple.tuple(JournalSeals.Kind.CHECKPOINT, 3L),
                        org.assertj.core.groups.Tuple.tuple(JournalSeals.Kind.END, 3L));
    }

    @Test
    void theSameKeyAndJournalGiveTheSameSeals() throws IOException {
        byte[] first = Files.readAllBytes(seals);
        Files.delete(seals);
        Files.delete(journal);

        writeASealedJournal();

        assertThat(Files.readAllBytes(seals)).isEqualTo(first);
    }

    @Test
    void aLineRewrittenWithEveryHashRecomputedPassesTheChainButNotTheSeal() throws Exception {
        JournalForgery.rewrite(journal, 1, line -> line.replace("\"N1\"", "\"N9\""));

        assertThat(JournalVerification.of(journal).isIntact()).isTrue();
        JournalSeals.Check check = check(KEY);
        assertThat(check.isSealed()).isFalse();
        assertThat(check.broken())
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("seal 2: ").contains("line 2 does not have the hash sealed"));
    }

    @Test
    void aLineAddedWithARecomputedHashIsNotSealed() throws Exception {
        List<String> lines = lines();
        JournalForgery.append(
                journal, lines.get(2).replace("\"seq\":2", "\"seq\":3").replace("\"N2\"", "\"N3\""));

        assertThat(JournalVerification.of(journal).isIntact()).isTrue();
        assertThat(check(KEY).problem()).hasValue("lines 4 to 4 were added after the last seal (line 3)");
    }

    @Test
    void linesRemovedFromTheEndWithTheirSealsLeaveNoEndSeal() throws IOException {
        List<String> lines = lines();
        write(lines.subList(0, 2));
        List<String> sealLines = Files.readAllLines(seals);
        Files.writeString(seals, String.join("\n", sealLines.subList(0, 2)) + "\n");

        assertThat(check(KEY).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("is a checkpoint, not an end seal"));
    }

    @Test
    void linesRemovedFromTheEndAreCaughtByTheSealsThatCoverThem() throws IOException {
        write(lines().subList(0, 2));

        assertThat(check(KEY).broken()).hasValueSatisfying(p -> assertThat(p).contains("sealed lines were removed"));
    }

    @Test
    void sealsMadeWithAnotherKeyDoNotCheck() throws IOException {
        assertThat(check(OTHER).broken()).hasValueSatisfying(p -> assertThat(p).contains("made with another key"));
    }

    @Test
    void aJournalChangedAfterItWasSealedIsNotResumed() throws Exception {
        JournalForgery.rewrite(journal, 2, line -> line.replace("\"N2\"", "\"N1\""));

        assertThatThrownBy(() -> ProcedureRun.resume(NOTIFY, sealed(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match its seals");
    }

    @Test
    void aResumedRunAddsTheSealsAnUninterruptedOneWouldHave() throws IOException {
        Path whole = dir.resolve("whole.journal");
        Path wholeSeals = dir.resolve("whole.journal.seals");
        try (ProcedureRun run = ProcedureRun.start(
                NOTIFY, Journal.file(whole, Durability.FORCED, JournalSealer.of(KEY, wholeSeals)), CLOCK)) {
            run.attempt(N1, DCC);
            run.attempt(N2, DCC);
            run.attempt(N3, DCC);
        }
        // The first run stopped after N2 without an end seal, as a killed one would, and its last checkpoint torn.
        List<String> sealLines = Files.readAllLines(seals);
        Files.writeString(
                seals,
                String.join("\n", sealLines.subList(0, 2)) + "\n"
                        + sealLines.get(2).substring(0, 40));

        try (ProcedureRun run = ProcedureRun.resume(NOTIFY, sealed(), CLOCK)) {
            run.attempt(N3, DCC);
        }

        assertThat(Files.readAllBytes(journal)).isEqualTo(Files.readAllBytes(whole));
        assertThat(Files.readAllBytes(seals)).isEqualTo(Files.readAllBytes(wholeSeals));
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(journal, StandardCharsets.US_ASCII));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
    }
}
