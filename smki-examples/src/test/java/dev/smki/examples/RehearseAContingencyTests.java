package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.journal.JournalVerification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearseAContingencyTests {

    @TempDir
    Path dir;

    @Test
    void rehearsesAContingencyRecoveryResumedFromItsJournal() throws IOException {
        Path journal = dir.resolve("contingency.journal");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RehearseAContingency.run(journal, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().limit(7))
                .extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("N5", "D3", "C2", "C4", "C5", "C8", "C11");
        assertThat(out)
                .contains("D3 Decision on the use of the Recovery or Contingency Private Key: SMKI PMA requires"
                        + " CONTINGENCY")
                .contains("C5 anyByContingency command with the new Root and the plaintext Symmetric Key signed and"
                        + " sent to every Relevant Device: 194 commands sent in 4 rounds: 193 executed, 1 written off"
                        + " {uncontactable=1}")
                .contains("200 devices, 194 relevant: 193 recovered, 1 written off, 1 holding the" + " compromised key")
                .endsWith("anomalies: [1 Relevant Device written off: {uncontactable=1}, 1 Relevant Device still"
                        + " holding the replaced key]" + System.lineSeparator());
        JournalVerification verification = JournalVerification.of(journal);
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.entries()).hasSize(73);
        assertThat(verification.header().orElseThrow().note().asMap())
                .containsEntry("rehearsal", "contingency")
                .containsEntry("seed", "7");
    }
}
