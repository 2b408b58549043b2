package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * Validation never throws on malformed input and always gives a result whose findings name no Java class:
 * random bytes, single-byte mutations and truncations of valid certificates and CSRs of every kind, and
 * extensions holding random bytes.
 */
class CertificateValidatorProperties implements WithQuickTheories {

    private static final List<byte[]> VALID = List.of(
            TestHierarchy.rootOca().encode(),
            TestHierarchy.issuingOca().encode(),
            TestHierarchy.rootDca().encode(),
            TestHierarchy.issuingDca().encode(),
            TestHierarchy.organisation().encode(),
            TestHierarchy.device().encode(),
            new CsrSpec().encode());

    private static final ValidationContext CONTEXT = TestHierarchy.context();

    /** What a finding must never show: Java exception and class names. */
    private static final String JAVA_NAMES =
            "java\\.|javax\\.|org\\.bouncycastle|Exception|getInstance|\\b(?:DER|DL|BER|ASN1)[A-Z][a-z]";

    /** The extensions the rules decode, each given random bytes as its value below. */
    private static final List<ASN1ObjectIdentifier> DECODED_EXTENSIONS = List.of(
            Extension.keyUsage,
            Extension.subjectKeyIdentifier,
            Extension.authorityKeyIdentifier,
            Extension.basicConstraints,
            Extension.certificatePolicies,
            Extension.subjectAlternativeName);

    private Gen<byte[]> validDer() {
        return integers().between(0, VALID.size() - 1).map(VALID::get);
    }

    private Gen<byte[]> randomBytes() {
        return lists().of(integers().between(-128, 127)).ofSizeBetween(0, 300).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i).byteValue();
            }
            return bytes;
        });
    }

    /** Checks that validating {@code bytes}, signed and before signing, gives well-formed results. */
    private static void validatesWithoutThrowing(byte[] bytes) {
        List<CertificateInput> items = CertificateInput.parse(bytes);
        assertThat(CertificateValidator.validateAll(items, CONTEXT))
                .isNotEmpty()
                .allSatisfy(CertificateValidatorProperties::isWellFormed);
        assertThat(CertificateValidator.validateAll(
                        items, CONTEXT.toBuilder().preIssuance().build()))
                .isNotEmpty()
                .allSatisfy(CertificateValidatorProperties::isWellFormed);
    }

    private static void isWellFormed(ValidationReport report) {
        assertThat(report.subject()).isNotBlank();
        assertThat(report.result()).isEqualTo(ValidationResult.of(report.findings()));
        for (Finding f : report.findings()) {
            assertThat(List.of(f.actual(), f.expected()))
                    .as(
                            "what %s says names no Java class or exception",
                            f.rule().id())
                    .allSatisfy(text -> assertThat(text).doesNotContainPattern(JAVA_NAMES));
        }
        if (report.checkedProfile().isEmpty()) {
            assertThat(report.findings())
                    .as("an unparsed input is exactly a CERT-0 finding")
                    .extracting(f -> f.rule().id().value())
                    .containsExactly("CERT-0");
        } else {
            assertThat(report.findings())
                    .allSatisfy(f -> assertThat(
                                    f.rule().appliesTo(report.checkedProfile().get()))
                            .isTrue());
        }
    }

    @Test
    void anExtensionHoldingRandomBytesIsReportedWithoutJavaNames() {
        qt().withExamples(1_000)
                .forAll(
                        integers().between(0, DECODED_EXTENSIONS.size() - 1),
                        integers().between(0, 5),
                        randomBytes())
                .checkAssert((extension, kind, value) -> {
                    CertificateSpec spec = switch (kind) {
                        case 0 -> TestHierarchy.rootOca();
                        case 1 -> TestHierarchy.issuingOca();
                        case 2 -> TestHierarchy.rootDca();
                        case 3 -> TestHierarchy.issuingDca();
                        case 4 -> TestHierarchy.organisation();
                        default -> TestHierarchy.device();
                    };
                    byte[] der = spec.rawExtension(DECODED_EXTENSIONS.get(extension), true, value)
                            .encode();
                    validatesWithoutThrowing(der);
                });
    }

    @Test
    void randomBytesNeverMakeTheValidatorThrow() {
        qt().withExamples(1_000)
                .forAll(randomBytes())
                .checkAssert(CertificateValidatorProperties::validatesWithoutThrowing);
    }

    @Test
    void singleByteMutationsOfValidDerNeverMakeTheValidatorThrow() {
        qt().withExamples(2_000)
                .forAll(validDer(), integers().between(0, 4_095), integers().between(0, 255))
                .checkAssert((der, position, value) -> {
                    byte[] mutated = der.clone();
                    mutated[position % mutated.length] = (byte) value.intValue();
                    validatesWithoutThrowing(mutated);
                });
    }

    @Test
    void truncationsOfValidDerNeverMakeTheValidatorThrow() {
        qt().withExamples(1_000)
                .forAll(validDer(), integers().between(0, 4_095))
                .checkAssert((der, length) -> validatesWithoutThrowing(Arrays.copyOf(der, length % der.length)));
    }

    @Test
    void mutatedPemNeverMakesTheValidatorThrow() {
        qt().withExamples(500)
                .forAll(validDer(), integers().between(0, 4_095), integers().between(0, 127))
                .checkAssert((der, position, value) -> {
                    byte[] pem = Pem.bytes(Pem.certificate(der), Pem.certificate(der));
                    pem[position % pem.length] = (byte) value.intValue();
                    validatesWithoutThrowing(pem);
                });
    }
}
