package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.environment.SmkiEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DeviceCsrProfileTests {

    private static ValidationReport validate(CsrSpec spec) {
        return CertificateValidator.validateCsr(spec.build(), TestHierarchy.context());
    }

    @Test
    void conformingDeviceCsrBreaksNoRule() {
        ValidationReport report = validate(new CsrSpec());

        assertThat(report.checkedProfile()).contains(ProfileKind.DEVICE_CSR);
        assertThat(report.findings()).isEmpty();
        assertThat(report.notChecked()).isEmpty();
    }

    @Test
    void theDeviceCsrProfileChecksOnlyCert0AndCert52() {
        assertThat(CertificateValidator.rules(ProfileKind.DEVICE_CSR))
                .extracting(rule -> rule.id().value())
                .containsExactly("CERT-0", "CERT-52");
    }

    private record Variant(String what, UnaryOperator<CsrSpec> change, String actualMentions) {}

    @TestFactory
    Stream<DynamicTest> eachDeviationIsACert52FindingNamingIt() {
        List<Variant> variants = List.of(
                new Variant("version 2", s -> s.version(1), "version 1"),
                new Variant("a subject", s -> s.subject(new X500Name("CN=meter")), "subject CN=meter"),
                new Variant("a compressed point", DeviceCsrProfileTests::compressed, "compressed"),
                new Variant(
                        "NULL signature parameters",
                        s -> s.signatureAlgorithm(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE)),
                        "NULL"),
                new Variant("no extension request", CsrSpec::withoutExtensionRequest, "no extensionRequest"),
                new Variant(
                        "a non-critical keyUsage",
                        s -> s.extension(Extension.keyUsage, false, new KeyUsage(KeyUsage.digitalSignature)),
                        "keyUsage not critical"),
                new Variant(
                        "keyUsage with nonRepudiation",
                        s -> s.extension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                        "nonRepudiation"),
                new Variant("no subjectAltName", s -> s.without(Extension.subjectAlternativeName), "no subjectAltName"),
                new Variant(
                        "a 7-octet hwSerialNum",
                        s -> s.extension(
                                Extension.subjectAlternativeName,
                                true,
                                TestHierarchy.hardwareModuleName(
                                        TestHierarchy.ENV.hwType(),
                                        Arrays.copyOf(TestHierarchy.eui(TestHierarchy.METER), 7))),
                        "7 octets"),
                new Variant("signed by another key", s -> s.signedBy(OTHER_KEY.getPrivate()), "does not verify"));
        return variants.stream()
                .map(v -> DynamicTest.dynamicTest(v.what(), () -> {
                    ValidationReport report = validate(v.change().apply(new CsrSpec()));

                    assertThat(report.findings()).singleElement().satisfies(f -> {
                        assertThat(f.rule().id().value()).isEqualTo("CERT-52");
                        assertThat(f.actual()).contains(v.actualMentions());
                    });
                }));
    }

    @Test
    void aCsrForAnotherEnvironmentNamesItsHwType() {
        ValidationReport report = CertificateValidator.validateCsr(
                new CsrSpec().build(), ValidationContext.of(SmkiEnvironment.SIM, TestHierarchy.AT));

        assertThat(report.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.actual()).contains("hwType " + TestHierarchy.ENV.hwType()));
    }

    @Test
    void readsACsrFromPem() {
        byte[] pem = Pem.bytes(Pem.block("CERTIFICATE REQUEST", new CsrSpec().encode()));

        assertThat(CertificateValidator.validateAll(CertificateInput.parse(pem), TestHierarchy.context()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.checkedProfile()).contains(ProfileKind.DEVICE_CSR);
                    assertThat(r.findings()).isEmpty();
                });
    }

    private static CsrSpec compressed(CsrSpec s) {
        SubjectPublicKeyInfo key = s.publicKey();
        byte[] point = CustomNamedCurves.getByOID(X9ObjectIdentifiers.prime256v1)
                .getCurve()
                .decodePoint(key.getPublicKeyData().getBytes())
                .getEncoded(true);
        return s.publicKey(new SubjectPublicKeyInfo(key.getAlgorithm(), point));
    }
}
