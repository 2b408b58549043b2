package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

/**
 * The PEM files under {@code src/test/resources/lint/}, made by {@link LintFixtures}: what each lints to, and that
 * they are what {@link LintFixtures} makes.
 */
class LintFixturesTests {

    @Test
    void theDccShapedChainLintsCleanWhenItsCertificatesAreEachOthersIssuers() {
        byte[] chain = resource("dcc-test-shaped.pem");
        ValidationContext ctx = ValidationContext.builder(TestHierarchy.ENV, TestHierarchy.AT)
                .issuers(CertificateInput.parseCertificates(chain))
                .build();

        List<ValidationReport> reports = CertificateValidator.validateAll(CertificateInput.parse(chain), ctx);

        assertThat(reports)
                .extracting(ValidationReport::profile)
                .containsExactly(
                        ProfileKind.ROOT_OCA,
                        ProfileKind.ISSUING_OCA,
                        ProfileKind.ORGANISATION,
                        ProfileKind.ORGANISATION,
                        ProfileKind.ROOT_DCA,
                        ProfileKind.ISSUING_DCA,
                        ProfileKind.DEVICE,
                        ProfileKind.DEVICE);
        assertThat(reports).allSatisfy(r -> assertThat(r.result()).isEqualTo(ValidationResult.OK));
    }

    @Test
    void theDeviceCsrLintsClean() {
        assertThat(CertificateValidator.validateAll(
                        CertificateInput.parse(resource("device-csr.pem")), TestHierarchy.context()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.profile()).isEqualTo(ProfileKind.DEVICE_CSR);
                    assertThat(r.findings()).isEmpty();
                });
    }

    @Test
    void eachBrokenFixtureBreaksExactlyItsRule() {
        assertThat(findings("device-non-repudiation.pem")).containsExactly("CERT-43");
        assertThat(findings("organisation-null-parameters.pem")).containsExactly("CERT-3");
        assertThat(findings("device-without-ski.pem")).containsExactly("CERT-7");
    }

    @Test
    void theCommittedFixturesAreWhatTheGeneratorMakesSerialNumbersAndSignaturesAside() {
        Map<String, String> generated = LintFixtures.generate();

        assertThat(generated)
                .containsOnlyKeys(
                        "dcc-test-shaped.pem",
                        "device-csr.pem",
                        "device-non-repudiation.pem",
                        "organisation-null-parameters.pem",
                        "device-without-ski.pem");
        generated.forEach((name, pem) -> assertThat(signedParts(resource(name)))
                .as("the signed parts of %s", name)
                .isEqualTo(signedParts(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    /**
     * Returns the signed part of each item in {@code pem} (TBSCertificate or CertificationRequestInfo), a
     * certificate's serial number set to 0: the generator draws serial numbers from a counter shared with other
     * tests, and signs with random nonces.
     */
    private static List<ASN1Encodable> signedParts(byte[] pem) {
        List<ASN1Encodable> parts = new ArrayList<>();
        for (CertificateInput item : CertificateInput.parse(pem)) {
            if (item instanceof CertificateInput.Certificate c) {
                ASN1Sequence tbs =
                        ASN1Sequence.getInstance(c.holder().toASN1Structure().getTBSCertificate());
                ASN1EncodableVector withoutSerial = new ASN1EncodableVector();
                for (int i = 0; i < tbs.size(); i++) {
                    withoutSerial.add(i == 1 ? new ASN1Integer(0) : tbs.getObjectAt(i));
                }
                parts.add(new DERSequence(withoutSerial));
            } else if (item instanceof CertificateInput.Request r) {
                parts.add(r.csr().toASN1Structure().getCertificationRequestInfo());
            } else {
                throw new AssertionError(
                        item.where() + " is not readable: " + ((CertificateInput.Unreadable) item).problem());
            }
        }
        return parts;
    }

    private static List<String> findings(String name) {
        return CertificateValidator.validateAll(CertificateInput.parse(resource(name)), TestHierarchy.context())
                .stream()
                .flatMap(r -> r.findings().stream())
                .map(f -> f.rule().id().value())
                .toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = LintFixturesTests.class.getResourceAsStream("/lint/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
