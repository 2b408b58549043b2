package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The PEM files under {@code src/test/resources/lint/}, used by the README's {@code ./smki lint} example and
 * the command-line tests: certificates shaped like the DCC test certificates, and three broken ones. They
 * are made by {@link #writesTheFixtures()} (run with {@code -Dsmki.writeFixtures=true}) and checked here.
 */
class LintFixturesTests {

    private static final Path DIRECTORY = Path.of("src/test/resources/lint");

    @Test
    void theDccShapedChainLintsCleanWhenItsCertificatesAreEachOthersIssuers() {
        byte[] chain = resource("dcc-test-shaped.pem");
        ValidationContext ctx = ValidationContext.builder(TestHierarchy.ENV)
                .at(TestHierarchy.AT)
                .issuers(CertificateInput.parseCertificates(chain))
                .build();

        List<ValidationReport> reports = CertificateValidator.validate(chain, ctx);

        assertThat(reports)
                .extracting(r -> r.profile().orElseThrow())
                .containsExactly(
                        ProfileKind.ROOT_OCA,
                        ProfileKind.ISSUING_OCA,
                        ProfileKind.ORGANISATION,
                        ProfileKind.ORGANISATION,
                        ProfileKind.ROOT_DCA,
                        ProfileKind.ISSUING_DCA,
                        ProfileKind.DEVICE,
                        ProfileKind.DEVICE);
        assertThat(reports).allSatisfy(r -> assertThat(r.findings()).isEmpty());
    }

    @Test
    void theDeviceCsrLintsClean() {
        assertThat(CertificateValidator.validateCsr(resource("device-csr.pem"), TestHierarchy.context())
                        .findings())
                .isEmpty();
    }

    @Test
    void eachBrokenFixtureBreaksExactlyItsRule() {
        assertThat(findings("device-non-repudiation.pem")).containsExactly("CERT-43");
        assertThat(findings("organisation-null-parameters.pem")).containsExactly("CERT-3");
        assertThat(findings("device-without-ski.pem")).containsExactly("CERT-7");
    }

    private static List<String> findings(String name) {
        return CertificateValidator.validate(resource(name), TestHierarchy.context()).stream()
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

    @Test
    @EnabledIfSystemProperty(named = "smki.writeFixtures", matches = "true")
    void writesTheFixtures() throws IOException {
        Files.createDirectories(DIRECTORY);
        KeyUsage keyAgreement = new KeyUsage(KeyUsage.keyAgreement);
        List<String> chain = new ArrayList<>();
        for (CertificateSpec spec : List.of(
                TestHierarchy.rootOca(),
                TestHierarchy.issuingOca(),
                TestHierarchy.organisation(),
                TestHierarchy.organisation()
                        .publicKey(TestHierarchy.spki(TestKeys.key(11)))
                        .extension(Extension.keyUsage, true, keyAgreement),
                TestHierarchy.rootDca(),
                TestHierarchy.issuingDca(),
                TestHierarchy.device(),
                TestHierarchy.device()
                        .publicKey(TestHierarchy.spki(TestKeys.key(21)))
                        .extension(Extension.keyUsage, true, keyAgreement))) {
            chain.add(Pem.certificate(spec.encode()));
        }
        write("dcc-test-shaped.pem", String.join("", chain));
        write("device-csr.pem", Pem.block("CERTIFICATE REQUEST", new CsrSpec().encode()));
        write(
                "device-non-repudiation.pem",
                Pem.certificate(TestHierarchy.device()
                        .extension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                        .encode()));
        write(
                "organisation-null-parameters.pem",
                Pem.certificate(TestHierarchy.organisation()
                        .signatureAlgorithm(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE))
                        .encode()));
        write(
                "device-without-ski.pem",
                Pem.certificate(TestHierarchy.device()
                        .without(Extension.subjectKeyIdentifier)
                        .encode()));
    }

    private static void write(String name, String pem) throws IOException {
        Files.writeString(DIRECTORY.resolve(name), pem, StandardCharsets.US_ASCII);
    }
}
