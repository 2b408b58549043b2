package dev.smki.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProvenanceTests {

    @Test
    void mapsBothResearchNoteTagSetsOntoOneScale() {
        assertThat(Confidence.ofCertificatesTag("H")).isEqualTo(Confidence.VERIFIED);
        assertThat(Confidence.ofCertificatesTag("M")).isEqualTo(Confidence.OBSERVED);
        assertThat(Confidence.ofCertificatesTag("L")).isEqualTo(Confidence.INFERRED);
        assertThat(Confidence.ofRecoveryTag("V")).isEqualTo(Confidence.VERIFIED);
        assertThat(Confidence.ofRecoveryTag("I")).isEqualTo(Confidence.INFERRED);
        assertThat(Confidence.ofRecoveryTag("R")).isEqualTo(Confidence.RECONSTRUCTED);
        assertThat(Confidence.ofRecoveryTag("M")).isEqualTo(Confidence.MEMORY);
    }

    @Test
    void treatsReconstructedAndMemoryAsAssumptions() {
        assertThat(Stream.of(Confidence.values()).filter(Confidence::isAssumption))
                .containsExactly(Confidence.RECONSTRUCTED, Confidence.MEMORY);
    }

    @Test
    void refusesUnknownTags() {
        assertThatIllegalArgumentException().isThrownBy(() -> Confidence.ofRecoveryTag("H"));
        assertThatIllegalArgumentException().isThrownBy(() -> Confidence.parse("sure"));
    }

    @Test
    void ruleIdsAreWrittenAreaDashNumber() {
        assertThat(RuleId.of("CERT-29").area()).isEqualTo("CERT");
        assertThat(RuleId.of("CERT-29").number()).isEqualTo(29);
        assertThat(RuleId.of("CERT-2a").number()).isEqualTo(2);
        assertThat(RuleId.of("SOLR-REV-3").area()).isEqualTo("SOLR-REV");
        for (String bad : new String[] {"cert-1", "CERT", "CERT-", "29", "CERT-x"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RuleId.of(bad))
                    .withMessageContaining(bad);
        }
    }

    @Test
    void ruleIdsSortByAreaThenNumber() {
        List<RuleId> sorted = Stream.of("CERT-10", "REC-1", "CERT-2", "CERT-2a", "CERT-0")
                .map(RuleId::of)
                .sorted()
                .toList();
        assertThat(sorted).extracting(RuleId::value).containsExactly("CERT-0", "CERT-2", "CERT-2a", "CERT-10", "REC-1");
    }

    @Test
    void citationsNameTheirSource() {
        assertThat(Citation.of("GBCS", "§12")).hasToString("GBCS §12");
        assertThat(Citation.of("RFC 5280")).hasToString("RFC 5280");
        assertThatIllegalArgumentException().isThrownBy(() -> Citation.of(" "));
    }
}
