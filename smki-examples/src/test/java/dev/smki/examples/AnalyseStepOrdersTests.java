package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyseStepOrdersTests {

    @Test
    void findsTheModelledAndTheReissueFirstOrdersSafeAndEachOtherUnsafeWithAShortestCounterexample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        AnalyseStepOrders.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.subList(0, 2))
                .containsExactly(
                        "MODELLED (ROOT_OCA_COMPROMISE): C2 < C5, C4 < C5, C5 < C6 < C8 < C9 < C10 < C11, as modelled",
                        "  160 states explored; safe");
        assertThat(lines)
                .filteredOn(l -> l.endsWith("; UNSAFE"))
                .containsExactly(
                        "  176 states explored; UNSAFE",
                        "  162 states explored; UNSAFE",
                        "  187 states explored; UNSAFE");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("REISSUE_BEFORE_REVOKE"))
                .singleElement()
                .asString()
                .contains("C9 (re-issue) not waiting for C8", "contingency-reissue-first");
        assertThat(lines).contains("  320 states explored; safe");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("    shortest counterexample: "))
                .extracting(l -> l.substring("    shortest counterexample: ".length()))
                .containsExactly(
                        "N1, N2, N3, N4, D1, D2, D3, D4, C1, C2, C3, C8",
                        "N1, N2, N3, N4, N5, D1, D2, D3, D4, C1, C4.attend, C4, C5",
                        "C4.attend, C4",
                        "C4.attend, C4");
        assertThat(lines)
                .filteredOn(l -> l.matches("  REC-\\d+ .*"))
                .extracting(l -> l.trim().substring(0, l.trim().indexOf(' ')))
                .containsExactly("REC-10", "REC-6", "REC-1", "REC-14");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("without N6: MODELLED safe, 83 states explored");
    }
}
