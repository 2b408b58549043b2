package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.provenance.RuleId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every certificate profile satisfies; each profile's test class implements this with its conforming
 * certificate and one breaker per rule.
 */
interface CertificateProfileContract {

    /** Rules no single certificate can break alone: CERT-0 (not a certificate), CERT-1 (Bouncy Castle
     * rejects a version 1 or 2 certificate with extensions, so a v1 one breaks many rules) and CERT-51 (a
     * rule over several certificates); each has its own tests. */
    Set<String> TESTED_ELSEWHERE = Set.of("CERT-0", "CERT-1", "CERT-51");

    ProfileKind profile();

    /** Returns one breaker per rule of the profile (more are welcome), each changing exactly one thing. */
    List<Breaker> breakers();

    /** Returns the rules left unchecked for the conforming certificate validated with no issuer given. */
    Set<String> notCheckedWithoutIssuers();

    default X509CertificateHolder conformingCertificate() {
        return TestHierarchy.conforming(profile()).build();
    }

    @Test
    default void detectsItsProfileFromTheConformingCertificate() {
        ValidationReport report = CertificateValidator.validate(conformingCertificate(), TestHierarchy.context());

        assertThat(report.checkedProfile()).contains(profile());
        assertThat(report.profileForced()).isFalse();
    }

    @Test
    default void conformingCertificateBreaksNoRule() {
        ValidationReport report = CertificateValidator.validate(conformingCertificate(), TestHierarchy.context());

        assertThat(report.findings()).isEmpty();
        assertThat(ids(report.notChecked().stream().map(NotChecked::rule)))
                .isSubsetOf("CERT-42"); // known only before signing
    }

    @Test
    default void conformingCertificatePassesLintBeforeSigning() {
        X509CertificateHolder unsigned =
                TestHierarchy.conforming(profile()).placeholderSignature().build();

        ValidationReport report = CertificateValidator.validate(
                unsigned,
                profile(),
                TestHierarchy.contextBuilder().preIssuance().build());

        assertThat(report.findings()).isEmpty();
        assertThat(ids(report.notChecked().stream().map(NotChecked::rule))).containsExactly("CERT-53");
    }

    @Test
    default void withoutIssuersOnlyIssuerDependentRulesAreNotChecked() {
        ValidationReport report = CertificateValidator.validate(
                conformingCertificate(), ValidationContext.of(TestHierarchy.ENV, TestHierarchy.AT));

        assertThat(report.findings()).isEmpty();
        assertThat(ids(report.notChecked().stream().map(NotChecked::rule)))
                .containsExactlyInAnyOrderElementsOf(notCheckedWithoutIssuers());
    }

    @TestFactory
    default Stream<DynamicTest> breakingOneRuleGivesExactlyThatFinding() {
        return breakers().stream()
                .map(breaker -> DynamicTest.dynamicTest(breaker.ruleId() + ": " + breaker.what(), () -> {
                    X509CertificateHolder broken = breaker.change()
                            .apply(TestHierarchy.conforming(profile()))
                            .build();
                    ValidationContext ctx = breaker.context()
                            .apply(TestHierarchy.contextBuilder())
                            .build();

                    ValidationReport report = CertificateValidator.validate(broken, profile(), ctx);

                    assertThat(report.findings())
                            .as("findings of %s", breaker.what())
                            .extracting(f -> f.rule().id().value())
                            .containsExactly(breaker.ruleId());
                    Finding finding = report.findings().get(0);
                    assertThat(finding.actual()).isNotBlank();
                    assertThat(finding.expected()).isNotBlank();
                    assertThat(finding.severity()).isEqualTo(finding.rule().severity());
                }));
    }

    @Test
    default void everyRuleOfTheProfileHasABreaker() {
        Set<String> rules = ids(CertificateValidator.rules(profile()).stream());
        rules.removeAll(TESTED_ELSEWHERE);

        assertThat(ids(breakers().stream().map(Breaker::ruleId).map(RuleId::of)))
                .containsExactlyInAnyOrderElementsOf(rules);
    }

    private static Set<String> ids(Stream<?> rulesOrIds) {
        return rulesOrIds
                .map(o -> o instanceof Rule r ? r.id().value() : o.toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
