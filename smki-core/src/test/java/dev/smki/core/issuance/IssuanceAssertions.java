package dev.smki.core.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;

/** Checks shared by the issuance tests. */
final class IssuanceAssertions {

    private IssuanceAssertions() {}

    /** Asserts that {@code certificate} is detected as its own profile and breaks no rule, warnings included. */
    static void assertConforms(IssuedCertificate certificate, ValidationContext context) {
        ValidationReport report = CertificateValidator.validate(certificate.certificate(), context);
        assertThat(report.checkedProfile())
                .as("profile detected for %s", certificate)
                .contains(certificate.kind());
        assertThat(report.findings()).as("findings of %s", certificate).isEmpty();
    }
}
