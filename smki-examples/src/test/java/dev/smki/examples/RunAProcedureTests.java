package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.journal.JournalVerification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAProcedureTests {

    @TempDir
    Path dir;

    @Test
    void runsTheProcedureJournalsEveryAttemptAndFindsTheAlternativeOrderUnsafe() throws IOException {
        Path journal = dir.resolve("notify.journal");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RunAProcedure.run(
                journal,
                Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().limit(9).toList())
                .containsExactly(
                        "#1 refused: N2 \"DCC notified\" needs N1 \"Compromise detected\" first",
                        "#2 accepted",
                        "#3 accepted",
                        "#4 accepted",
                        "#5 refused: R5 \"Recovery Private Key activated\" is refused by REC-1 decision gate: the"
                                + " Recovery Private Key is activated only when an SMKI PMA decision requires it",
                        "#6 accepted",
                        "#7 accepted",
                        "#8 accepted",
                        "complete: true, deadlines missed: []");
        assertThat(out)
                .contains("NOTIFY_AND_RECOVER: 6 states explored, no unsafe state")
                .contains("NOTIFY_AND_RECOVER: 7 states explored, 1 unsafe")
                .contains("REC-14 the Recovery Private Key is activated only after the compromise is confirmed"
                        + " — after N1, N2, R5");
        JournalVerification verification = JournalVerification.of(journal);
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.entries()).hasSize(8);
        assertThat(out).contains("head: " + verification.head());
    }
}
