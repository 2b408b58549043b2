package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.provenance.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateValidatorTests {

    @Nested
    class RuleCatalogue {

        @Test
        void holdsEveryNumberedRuleOfTheNotesPlusCert0AndCert53() {
            Set<Integer> numbers = CertificateValidator.rules().stream()
                    .map(rule -> rule.id().number())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(numbers)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(0, 53).boxed().toList());
        }

        @Test
        void splitsConventionsIntoLetteredWarnings() {
            assertThat(CertificateValidator.rules())
                    .filteredOn(rule -> rule.id().value().matches(".*[a-z]"))
                    .allSatisfy(rule -> assertThat(rule.severity()).isEqualTo(Severity.WARN))
                    .extracting(rule -> rule.id().value())
                    .containsExactly("CERT-2a", "CERT-16a", "CERT-26a", "CERT-37a");
        }

        @Test
        void everyRuleHasOneSentenceAndCitesItsSources() {
            assertThat(CertificateValidator.rules()).allSatisfy(rule -> {
                assertThat(rule.statement()).endsWith(".");
                assertThat(rule.sources()).isNotEmpty();
                if (rule.id().number() >= 1 && rule.id().number() <= 52) {
                    assertThat(rule.sources())
                            .anySatisfy(c -> assertThat(c.toString())
                                    .isEqualTo("certificates.md §7 rule "
                                            + rule.id().number()));
                }
            });
        }

        @Test
        void idsAreUniqueAndOrdered() {
            List<RuleId> ids =
                    CertificateValidator.rules().stream().map(Rule::id).toList();

            assertThat(ids).doesNotHaveDuplicates().isSorted();
        }

        @Test
        void profileRulesAreThoseThatApplyToIt() {
            assertThat(CertificateValidator.rules(ProfileKind.DEVICE))
                    .extracting(rule -> rule.id().value())
                    .contains("CERT-0", "CERT-43", "CERT-51", "CERT-53")
                    .doesNotContain("CERT-29", "CERT-52", "CERT-17");
        }
    }

    @Nested
    class UnreadableInput {

        @Test
        void bytesThatAreNotACertificateGiveOneCert0Report() {
            List<ValidationReport> reports = CertificateValidator.validateAll(
                    CertificateInput.parse("hello".getBytes(StandardCharsets.US_ASCII)), TestHierarchy.context());

            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.checkedProfile()).isEmpty();
                assertThat(report.hasErrors()).isTrue();
                assertThat(report.findings())
                        .extracting(f -> f.rule().id().value())
                        .containsExactly("CERT-0");
            });
        }

        @Test
        void aTruncatedCertificateIsACert0Finding() {
            byte[] der = TestHierarchy.device().encode();
            byte[] truncated = Arrays.copyOf(der, der.length - 10);

            assertThat(CertificateValidator.validateAll(CertificateInput.parse(truncated), TestHierarchy.context()))
                    .singleElement()
                    .satisfies(r -> assertThat(r.errors())
                            .extracting(f -> f.rule().id().value())
                            .containsExactly("CERT-0"));
        }

        @Test
        void anUndecodableExtensionIsAFindingOfTheRulesThatReadIt() {
            X509CertificateHolder broken = TestHierarchy.device()
                    .rawExtension(Extension.keyUsage, true, new byte[] {0x03, 0x05, 0x00})
                    .build();

            ValidationReport report = CertificateValidator.validate(broken, TestHierarchy.context());

            assertThat(report.findings()).extracting(f -> f.rule().id().value()).containsExactly("CERT-43");
            assertThat(report.findings().get(0).actual())
                    .isEqualTo("keyUsage extension: its value 03 05 00 (3 octets) does not decode as a BIT STRING"
                            + " (corrupted stream - out of bounds length found: 5 > 3)");
        }
    }

    @Nested
    class Version {

        @Test
        void aVersion1CertificateBreaksCert1() {
            X509CertificateHolder v1 = TestHierarchy.organisation().version(1).build();

            ValidationReport report =
                    CertificateValidator.validate(v1, ProfileKind.ORGANISATION, TestHierarchy.context());

            assertThat(report.findings()).anySatisfy(f -> {
                assertThat(f.rule().id().value()).isEqualTo("CERT-1");
                assertThat(f.actual()).isEqualTo("v1");
            });
        }
    }

    @Nested
    class OneCertificatePerUsage {

        @Test
        void aSecondDigitalSignatureCertificateForTheSameDeviceBreaksCert51() {
            List<CertificateInput> items = List.of(
                    new CertificateInput.Certificate(
                            "first", TestHierarchy.device().build()),
                    new CertificateInput.Certificate(
                            "second", TestHierarchy.device().build()));

            List<ValidationReport> reports = CertificateValidator.validateAll(items, TestHierarchy.context());

            assertThat(reports.get(0).findings()).isEmpty();
            assertThat(reports.get(1).findings())
                    .extracting(f -> f.rule().id().value())
                    .containsExactly("CERT-51");
        }

        @Test
        void oneSigningAndOneKeyAgreementCertificateAreFine() {
            X509CertificateHolder ka = TestHierarchy.device()
                    .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement))
                    .build();
            byte[] pem = Pem.bytes(Pem.certificate(TestHierarchy.device().encode()), Pem.certificate(encoded(ka)));

            assertThat(CertificateValidator.validateAll(CertificateInput.parse(pem), TestHierarchy.context()))
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.findings()).isEmpty());
        }
    }

    @Nested
    class Profiles {

        @Test
        void aForcedProfileIsRecordedAndItsRulesApply() {
            ValidationReport report = CertificateValidator.validate(
                    TestHierarchy.organisation().build(), ProfileKind.DEVICE, TestHierarchy.context());

            assertThat(report.checkedProfile()).contains(ProfileKind.DEVICE);
            assertThat(report.profileForced()).isTrue();
            assertThat(report.findings())
                    .extracting(f -> f.rule().id().value())
                    .contains("CERT-39", "CERT-40", "CERT-41", "CERT-44");
        }

        @Test
        void aCertificateCannotBeForcedOntoTheCsrProfile() {
            assertThatThrownBy(() -> CertificateValidator.validate(
                            TestHierarchy.device().build(), ProfileKind.DEVICE_CSR, TestHierarchy.context()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Device CSR");
        }

        @Test
        void nullArgumentsAreRejectedByName() {
            // One validate method takes two arguments, so a bare null compiles and names the argument.
            assertThatThrownBy(() -> CertificateValidator.validate(null, TestHierarchy.context()))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("cert");
            assertThatThrownBy(() -> CertificateValidator.validateAll(List.of(), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("ctx");
            assertThatThrownBy(() -> CertificateValidator.validateAll(null, TestHierarchy.context()))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("items");
            assertThatThrownBy(() -> CertificateValidator.validateCsr(null, TestHierarchy.context()))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("csr");
        }

        @Test
        void profilesParseFromTheirSlugEnumOrDisplayName() {
            assertThat(ProfileKind.parse("issuing-oca")).isEqualTo(ProfileKind.ISSUING_OCA);
            assertThat(ProfileKind.parse("DEVICE_CSR")).isEqualTo(ProfileKind.DEVICE_CSR);
            assertThat(ProfileKind.parse("Root DCA")).isEqualTo(ProfileKind.ROOT_DCA);
            assertThatThrownBy(() -> ProfileKind.parse("meter"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'meter'")
                    .hasMessageContaining("issuing-oca");
        }
    }

    @Test
    void theIssuerIsFoundByKeyIdentifierWhenItsNameIsEncodedDifferently() {
        X509CertificateHolder reencoded = TestHierarchy.organisation()
                .issuer(CommonBreakers.utf8(TestHierarchy.ISSUING_OCA.getSubject()))
                .build();

        ValidationReport report = CertificateValidator.validate(reencoded, TestHierarchy.context());

        assertThat(report.notChecked()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.rule().id().value()).containsExactly("CERT-13");
        assertThat(report.findings().get(0).actual()).contains("UTF8String");
        assertThat(report.findings().get(0).expected()).contains("PrintableString");
    }

    @Test
    void aSharedContextJudgesEverySignatureOnItsOwnFromManyThreads() {
        ValidationContext shared = TestHierarchy.context();
        X509CertificateHolder good = TestHierarchy.device().build();
        X509CertificateHolder forged = TestHierarchy.device()
                .signedBy(TestHierarchy.OTHER_KEY.getPrivate())
                .build();

        List<Set<String>> outcomes = IntStream.range(0, 64)
                .parallel()
                .mapToObj(i -> CertificateValidator.validate(i % 3 == 0 ? forged : good, shared).findings().stream()
                        .map(f -> f.rule().id().value())
                        .collect(Collectors.toSet()))
                .toList();

        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i)).as("certificate %d", i).isEqualTo(i % 3 == 0 ? Set.of("CERT-12") : Set.of());
        }
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
