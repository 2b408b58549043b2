package dev.smki.core.profile;

import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Makes the PEM files under {@code smki-core/src/test/resources/lint/}, used by the {@code ./smki lint} examples
 * of docs/lint.md and the command-line tests: certificates shaped like the DCC test certificates, a Device CSR,
 * and three broken certificates. {@link LintFixturesTests} checks that the committed files are what this makes,
 * serial numbers and signatures aside. To write them again (from the repository root):
 *
 * <pre>
 * mvn -q -pl smki-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.smki.core.profile.LintFixtures -Dexec.args=smki-core/src/test/resources/lint
 * </pre>
 */
public final class LintFixtures {

    private LintFixtures() {}

    /** Returns each fixture's file name and PEM text, in the order they are written. */
    static Map<String, String> generate() {
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
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dcc-test-shaped.pem", String.join("", chain));
        files.put("device-csr.pem", Pem.block("CERTIFICATE REQUEST", new CsrSpec().encode()));
        files.put(
                "device-non-repudiation.pem",
                Pem.certificate(TestHierarchy.device()
                        .extension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                        .encode()));
        files.put(
                "organisation-null-parameters.pem",
                Pem.certificate(TestHierarchy.organisation()
                        .signatureAlgorithm(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE))
                        .encode()));
        files.put(
                "device-without-ski.pem",
                Pem.certificate(TestHierarchy.device()
                        .without(Extension.subjectKeyIdentifier)
                        .encode()));
        return files;
    }

    /**
     * Writes the fixtures to the directory {@code args[0]} (default {@code smki-core/src/test/resources/lint},
     * relative to the working directory, the repository root under {@code exec:java}), overwriting them.
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "smki-core/src/test/resources/lint");
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.US_ASCII);
            System.out.println("wrote " + directory.resolve(file.getKey()));
        }
    }
}
