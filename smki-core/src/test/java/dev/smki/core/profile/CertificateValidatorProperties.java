package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * Validation never throws on malformed input and always gives a result: random bytes, and single-byte
 * mutations and truncations of valid certificates and CSRs of every kind.
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

    /** Checks that validating {@code bytes} as certificates and as a CSR gives well-formed results. */
    private static void validatesWithoutThrowing(byte[] bytes) {
        List<ValidationReport> reports = CertificateValidator.validate(bytes, CONTEXT);
        assertThat(reports).isNotEmpty().allSatisfy(CertificateValidatorProperties::isWellFormed);
        isWellFormed(CertificateValidator.validateCsr(bytes, CONTEXT));
        isWellFormed(CertificateValidator.validateCsr(
                bytes, CONTEXT.toBuilder().preIssuance().build()));
    }

    private static void isWellFormed(ValidationReport report) {
        assertThat(report.subject()).isNotBlank();
        if (report.profile().isEmpty()) {
            assertThat(report.findings())
                    .as("an unparsed input is exactly a CERT-0 finding")
                    .extracting(f -> f.rule().id().value())
                    .containsExactly("CERT-0");
        } else {
            assertThat(report.findings())
                    .allSatisfy(
                            f -> assertThat(f.rule().appliesTo(report.profile().get()))
                                    .isTrue());
        }
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
