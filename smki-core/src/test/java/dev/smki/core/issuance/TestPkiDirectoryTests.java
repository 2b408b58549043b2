package dev.smki.core.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.testing.TestPkis;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiDirectoryTests {

    private static final char[] PASSWORD = TestPkiDirectory.DEFAULT_PASSWORD.toCharArray();
    private static final List<Eui64> DEVICES = List.of(SimulatedEui64s.device(0), SimulatedEui64s.device(1));

    @TempDir
    static Path shared;

    private static TestPki pki;
    private static Path dir;

    @BeforeAll
    static void writeTheSeededPki() {
        pki = TestPkis.seeded(7);
        dir = shared.resolve("pki");
        TestPkiDirectory.write(pki, dir, DEVICES, PASSWORD);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<String, String> sha256s(Path root) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files(root)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            hashes.put(root.relativize(file).toString(), HexFormat.of().formatHex(digest));
        }
        return hashes;
    }

    private static List<Path> certificates() throws IOException {
        return files(dir).stream()
                .filter(p -> p.toString().endsWith(".pem") && !p.startsWith(dir.resolve("secret")))
                .toList();
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        List<String> names = files(dir).stream()
                .map(p -> dir.relativize(p).toString().replace(File.separatorChar, '/'))
                .toList();
        List<String> expected = new ArrayList<>(List.of(
                ".smki.lock",
                "manifest.properties",
                "environment.properties",
                "pki.p12",
                "secret/contingency-private-key.pem",
                "secret/contingency-public-key.pem",
                "secret/contingency-symmetric-key.hex"));
        for (String ca : List.of("root-oca", "issuing-oca", "root-dca", "issuing-dca")) {
            expected.add(ca + ".pem");
            expected.add(ca + ".key");
        }
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            expected.add("org/" + credential.fileStem() + ".pem");
            expected.add("org/" + credential.fileStem() + ".key");
        }
        for (String device : List.of("02534d4b49800000", "02534d4b49800001")) {
            for (String usage : List.of("ds", "ka")) {
                expected.add("devices/" + device + "-" + usage + ".pem");
                expected.add("devices/" + device + "-" + usage + ".key");
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(dir.resolve("manifest.properties")))
                .contains("seed=7", "environment.name=sim", "party.supplier=02-53-4D-4B-49-02-00-01");
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path other) throws Exception {
        TestPkiDirectory.write(TestPki.seeded(7), other.resolve("again"), DEVICES, PASSWORD);
        assertThat(sha256s(other.resolve("again"))).isEqualTo(sha256s(dir));

        TestPkiDirectory.write(TestPkis.seeded(8), other.resolve("eight"), DEVICES, PASSWORD);
        Map<String, String> eight = sha256s(other.resolve("eight"));
        sha256s(dir).forEach((file, hash) -> {
            if (!file.equals("environment.properties") && !file.equals(TestPkiDirectory.LOCK)) {
                assertThat(eight.get(file)).as(file).isNotEqualTo(hash);
            }
        });
    }

    @Test
    void certificatesOnlyHoldNoSecretNoSeedAndTheSameCertificateBytes(@TempDir Path other) throws Exception {
        Path certificates = other.resolve("certificates");
        List<Path> written = TestPkiDirectory.writeCertificates(pki, certificates, DEVICES);

        assertThat(written)
                .isNotEmpty()
                .extracting(file -> certificates.relativize(file).toString().replace(File.separatorChar, '/'))
                .as("no key file, no keystore, nothing under secret/")
                .allSatisfy(name -> assertThat(name).matches("[\\w/.-]+\\.(pem|properties)"))
                .noneSatisfy(name -> assertThat(name).startsWith("secret/"));
        assertThat(certificates.resolve("pki.p12")).doesNotExist();
        assertThat(certificates.resolve("secret")).doesNotExist();
        for (Path file : files(certificates)) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                    .as(file.toString())
                    .doesNotContain("PRIVATE KEY");
        }
        assertThat(Files.readAllLines(certificates.resolve(TestPkiDirectory.MANIFEST)))
                .contains("secrets=omitted")
                .noneSatisfy(line -> assertThat(line).startsWith("seed="));
        Map<String, String> full = sha256s(dir);
        sha256s(certificates).forEach((name, hash) -> {
            if (name.endsWith(".pem")) {
                assertThat(hash).as(name).isEqualTo(full.get(name));
            }
        });
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestPki.load(certificates))
                .withMessageContaining("written without secrets");
    }

    @Test
    void loadingGivesBackTheSamePki() {
        TestPki loaded = TestPki.load(dir);
        assertThat(loaded.environment()).isEqualTo(pki.environment());
        assertThat(loaded.seed()).isEqualTo(pki.seed());
        assertThat(loaded.clock().instant()).isEqualTo(pki.clock().instant());
        assertThat(loaded.parties()).isEqualTo(pki.parties());
        assertThat(loaded.caCertificates()).isEqualTo(pki.caCertificates());
        assertThat(loaded.organisationCertificates()).isEqualTo(pki.organisationCertificates());
        assertThat(loaded.contingency().symmetricKey())
                .isEqualTo(pki.contingency().symmetricKey());
        assertThat(loaded.contingency().privateKeyInfo())
                .isEqualTo(pki.contingency().privateKeyInfo());
        Eui64 unwritten = SimulatedEui64s.device(77);
        for (Eui64 device : List.of(DEVICES.get(1), unwritten)) {
            assertThat(loaded.deviceCertificate(device, CertificateUsage.KEY_AGREEMENT))
                    .isEqualTo(pki.deviceCertificate(device, CertificateUsage.KEY_AGREEMENT));
        }
    }

    @Test
    void aRandomPkiLoadsBackWithTheDevicesItWrote(@TempDir Path random) {
        TestPki original = TestPki.create();
        TestPkiDirectory.write(original, random, DEVICES, PASSWORD);
        TestPki loaded = TestPki.load(random);
        assertThat(loaded.seed()).isEmpty();
        assertThat(loaded.rootOca()).isEqualTo(original.rootOca());
        IssuedCertificate written = loaded.deviceCertificate(DEVICES.get(0), CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(Files.exists(random.resolve("devices/02534d4b49800000-ds.pem")))
                .isTrue();
        assertThat(written.toPem()).isEqualTo(readString(random.resolve("devices/02534d4b49800000-ds.pem")));
        assertThat(loaded.deviceKeyPair(DEVICES.get(0), CertificateUsage.DIGITAL_SIGNATURE)
                        .getPublic())
                .isEqualTo(written.publicKey());
    }

    @Test
    void aDirectoryWithoutAManifestIsNotATestPki(@TempDir Path empty) {
        assertThatThrownBy(() -> TestPki.load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.properties");
    }

    @Test
    void contingencyMaterialThatDoesNotMatchTheRootIsRejected(@TempDir Path copy) throws IOException {
        TestPkiDirectory.write(pki, copy, List.of(), PASSWORD);
        Files.writeString(copy.resolve("secret/contingency-symmetric-key.hex"), "00".repeat(16) + "\n");
        assertThatThrownBy(() -> TestPki.load(copy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void deletingTheLayoutLeavesOtherFilesAlone(@TempDir Path copy) throws IOException {
        TestPkiDirectory.write(pki, copy, DEVICES, PASSWORD);
        Files.writeString(copy.resolve("notes.txt"), "mine");
        TestPkiDirectory.deleteLayout(copy);
        assertThat(files(copy)).containsExactly(copy.resolve(TestPkiDirectory.LOCK), copy.resolve("notes.txt"));
    }

    @Test
    void theKeystoreOpensWithTheJdkAndHoldsEveryKeyWithItsChain() throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("pki.p12"))) {
            keystore.load(in, PASSWORD);
        }
        List<String> aliases = Collections.list(keystore.aliases());
        assertThat(aliases).hasSize(4 + OrganisationCredential.STANDARD.size() + 2 * DEVICES.size());
        assertThat(aliases).contains("root-oca", "supplier-ka-topup", "device-02534d4b49800001-ka");
        assertThat(keystore.isKeyEntry("supplier-ds")).isTrue();
        java.security.cert.Certificate[] chain = keystore.getCertificateChain("supplier-ds");
        assertThat(chain).hasSize(3);
        assertThat(((X509Certificate) chain[2]).getEncoded())
                .isEqualTo(pki.rootOca().toDer());
        ECPrivateKey stored = (ECPrivateKey) keystore.getKey("device-02534d4b49800000-ds", PASSWORD);
        ECPrivateKey expected = (ECPrivateKey) pki.deviceKeyPair(DEVICES.get(0), CertificateUsage.DIGITAL_SIGNATURE)
                .getPrivate();
        assertThat(stored.getS()).isEqualTo(expected.getS());
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Interoperability with real tools: OpenSSL and the JDK's keytool, run as processes. */
    @Nested
    class WithRealTools {

        private record Result(int exit, String output) {}

        private static boolean onPath(String tool) {
            String path = System.getenv("PATH");
            return path != null
                    && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        }

        private static Result run(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s finished", command)
                    .isTrue();
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }

        private static void assumeOpenSsl() {
            assumeTrue(onPath("openssl"), "openssl is not on the PATH, so OpenSSL interoperability cannot be checked");
        }

        private void assertVerified(String root, String issuing, String folder) throws Exception {
            List<String> command =
                    new ArrayList<>(List.of("openssl", "verify", "-CAfile", root, "-untrusted", issuing));
            try (Stream<Path> files = Files.list(dir.resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".pem"))
                        .sorted()
                        .forEach(p -> command.add(dir.relativize(p).toString()));
            }
            Result result = run(command);
            assertThat(result.exit()).as(result.output()).isZero();
            long verified =
                    result.output().lines().filter(l -> l.endsWith(": OK")).count();
            assertThat(verified).as(result.output()).isEqualTo(command.size() - 6);
        }

        @Test
        void opensslVerifiesOrganisationCertificatesAgainstTheIssuingAndRootOca() throws Exception {
            assumeOpenSsl();
            assertVerified("root-oca.pem", "issuing-oca.pem", "org");
        }

        @Test
        void opensslVerifiesDeviceCertificatesAgainstTheIssuingAndRootDca() throws Exception {
            assumeOpenSsl();
            assertVerified("root-dca.pem", "issuing-dca.pem", "devices");
        }

        @Test
        void opensslReadsEveryCertificateAndKeyFile() throws Exception {
            assumeOpenSsl();
            for (Path certificate : certificates()) {
                Result text = run(List.of("openssl", "x509", "-noout", "-text", "-in", certificate.toString()));
                assertThat(text.exit())
                        .as("x509 %s: %s", certificate, text.output())
                        .isZero();
                assertThat(text.output()).contains("ecdsa-with-SHA256", "prime256v1");
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path file : all.filter(p ->
                                p.toString().endsWith(".pem") || p.toString().endsWith(".key"))
                        .toList()) {
                    Result parsed = run(List.of("openssl", "asn1parse", "-in", file.toString()));
                    assertThat(parsed.exit())
                            .as("asn1parse %s: %s", file, parsed.output())
                            .isZero();
                }
            }
            Result key = run(List.of("openssl", "pkey", "-noout", "-in", "org/supplier-ds.key"));
            assertThat(key.exit()).as(key.output()).isZero();
        }

        @Test
        void keytoolListsTheKeystore() throws Exception {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            assumeTrue(Files.isExecutable(keytool), "no keytool in java.home, so keytool cannot read the keystore");
            Result listed = run(List.of(
                    keytool.toString(),
                    "-list",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    "pki.p12",
                    "-storepass",
                    TestPkiDirectory.DEFAULT_PASSWORD));
            assertThat(listed.exit()).as(listed.output()).isZero();
            assertThat(listed.output())
                    .contains("Your keystore contains " + (4 + OrganisationCredential.STANDARD.size() + 4) + " entries")
                    .contains("root-oca, ")
                    .contains("PrivateKeyEntry");
        }

        @Test
        void opensslReadsTheKeystoreWithItsPassword() throws Exception {
            assumeOpenSsl();
            Result info = run(List.of(
                    "openssl",
                    "pkcs12",
                    "-in",
                    "pki.p12",
                    "-passin",
                    "pass:" + TestPkiDirectory.DEFAULT_PASSWORD,
                    "-noout"));
            assertThat(info.exit()).as(info.output()).isZero();
        }
    }
}
