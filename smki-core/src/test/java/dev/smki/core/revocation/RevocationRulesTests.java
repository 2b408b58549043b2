package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.provenance.SourcedRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationRulesTests {

    @Test
    void theRulesAreRev1ToRev12InOrderEachWithASourceAndConfidence() {
        List<SourcedRule> rules = RevocationRules.defaults().all();
        assertThat(rules)
                .extracting(rule -> rule.id().value())
                .containsExactly(
                        "REV-1", "REV-2", "REV-3", "REV-4", "REV-5", "REV-6", "REV-7", "REV-8", "REV-9", "REV-10",
                        "REV-11", "REV-12");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.sources()).isNotEmpty();
            assertThat(rule.statement()).endsWith(".");
        });
    }

    @Test
    void whatTheNotesReconstructOrRememberIsMarkedAsAnAssumption() {
        RevocationRules rules = RevocationRules.defaults();
        assertThat(List.of(
                        rules.organisationRequesters(),
                        rules.authorityRequesters(),
                        rules.deviceCertificates(),
                        rules.reasons(),
                        rules.raRequesters(),
                        RevocationRules.PUBLICATION))
                .allSatisfy(rule -> assertThat(rule.confidence().isAssumption())
                        .as(rule.citation())
                        .isTrue());
    }

    @Test
    void whatSeed003QuotesOfSections833And834IsVerifiedAndCitesTheSeed() {
        assertThat(List.of(RevocationRules.RA_PMA_MEMBER_REQUESTS, RevocationRules.RA_VERIFY_AND_REVOKE))
                .allSatisfy(rule -> {
                    assertThat(rule.confidence()).isEqualTo(dev.smki.core.provenance.Confidence.VERIFIED);
                    assertThat(rule.citation()).contains("seed 003 (MP173 Modification Report");
                });
        assertThat(RevocationRules.RA_PMA_MEMBER_REQUESTS.citation()).contains("§8.3.3");
        assertThat(RevocationRules.RA_VERIFY_AND_REVOKE.citation()).contains("§8.3.4");
    }

    @Test
    void section833And834AreTwoSeparateRules() {
        RevocationRules rules = RevocationRules.defaults();
        assertThat(rules.raRequesters().citation()).contains("§8.3.3");
        assertThat(RevocationRules.RA_VERIFY_AND_REVOKE.citation()).contains("§8.3.4");
        assertThat(rules.raRequesters().statement()).contains("any SMKI PMA Member");
        assertThat(RevocationRules.RA_VERIFY_AND_REVOKE.statement()).contains("only where it verified the request");
    }
}
