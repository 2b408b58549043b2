package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.core.issuance.OrganisationCredential;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiInitCommandTests {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private static Run smki(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.of(args).map(Object::toString).toArray(String[]::new);
        int code = SmkiCli.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Path> pemFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".pem"))
                    .filter(p -> !p.startsWith(dir.resolve("secret")))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> sha256s(Path dir) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(
                        dir.relativize(file).toString(),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

    @Test
    void writesTheLayoutAndSaysHowToCheckIt() {
        Path dir = tmp.resolve("pki");
        Run run = smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 3);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Wrote a test PKI to " + dir + " (environment sim, seed 7)")
                .contains("14 Organisation Certificates, 6 Device Certificates (3 devices)")
                .contains("./smki lint --env sim");
        for (String file : List.of(
                "root-oca.pem",
                "issuing-oca.pem",
                "root-dca.pem",
                "issuing-dca.key",
                "org/supplier-ka-topup.pem",
                "org/supplier-ka-topup.key",
                "devices/02534d4b49800002-ka.pem",
                "pki.p12",
                "secret/contingency-private-key.pem",
                "secret/contingency-symmetric-key.hex",
                "manifest.properties")) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        assertThat(dir.resolve("devices/02534d4b49800003-ds.pem")).doesNotExist();
    }

    @Test
    void noSecretsWritesCertificatesThatLintCleanAndADirectoryThatCannotBeUsedAsAPki() throws IOException {
        Path dir = tmp.resolve("public");
        Run run = smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 2, "--no-secrets");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no private key, no pki.p12, no secret/ and no seed");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .noneSatisfy(name -> assertThat(name).endsWith(".key"))
                    .doesNotContain("pki.p12", "contingency-private-key.pem");
        }
        List<Object> args = new ArrayList<>(List.of("lint", "--env", "sim", "--at", "2026-06-01"));
        args.addAll(pemFiles(dir));
        assertThat(smki(args.toArray()).exitCode()).isZero();

        Run revoke = smki(
                "pki", "revoke", "--pki", dir, "--serial", "01", "--reason", "key-compromise", "--requested-by", "dcc");
        assertThat(revoke.exitCode()).isEqualTo(2);
        assertThat(revoke.err()).contains("written without secrets").doesNotContain("Exception");
        assertThat(smki("pki", "init", "--out", tmp.resolve("other"), "--no-secrets", "--password", "x")
                        .err())
                .contains("--password: there is no pki.p12 to protect with --no-secrets");
    }

    @Test
    void everyWrittenCertificateLintsCleanInTheSimEnvironment() throws IOException {
        Path dir = tmp.resolve("pki");
        assertThat(smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 2)
                        .exitCode())
                .isZero();
        List<Object> args = new ArrayList<>(List.of("lint", "--env", "sim", "--at", "2026-06-01"));
        args.addAll(pemFiles(dir));

        Run lint = smki(args.toArray());

        assertThat(lint.exitCode()).as(lint.out()).isZero();
        assertThat(lint.out())
                .contains("22 items checked in environment sim")
                .contains(": 0 with errors")
                .doesNotContain("ERROR")
                .doesNotContain("WARN");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
        smki("pki", "init", "--out", tmp.resolve("a"), "--seed", 7, "--devices", 1);
        smki("pki", "init", "--out", tmp.resolve("b"), "--seed", 7, "--devices", 1);
        smki("pki", "init", "--out", tmp.resolve("c"), "--seed", 8, "--devices", 1);

        assertThat(sha256s(tmp.resolve("b"))).isEqualTo(sha256s(tmp.resolve("a")));
        assertThat(sha256s(tmp.resolve("c")).get("root-oca.pem"))
                .isNotEqualTo(sha256s(tmp.resolve("a")).get("root-oca.pem"));
    }

    @Test
    void withoutASeedTheKeysAreRandomAndTheManifestHasNoSeed() throws IOException {
        smki("pki", "init", "--out", tmp.resolve("a"), "--devices", 0);
        smki("pki", "init", "--out", tmp.resolve("b"), "--devices", 0);

        assertThat(Files.readString(tmp.resolve("a/manifest.properties"))).doesNotContain("seed=");
        assertThat(Files.readString(tmp.resolve("a/root-oca.pem")))
                .isNotEqualTo(Files.readString(tmp.resolve("b/root-oca.pem")));
        assertThat(tmp.resolve("a/devices")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefusedWithoutForce() throws IOException {
        Path dir = tmp.resolve("pki");
        smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 1);
        String before = Files.readString(dir.resolve("root-oca.pem"));

        Run again = smki("pki", "init", "--out", dir, "--seed", 8);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err().lines()).hasSize(1);
        assertThat(again.err()).contains("is not empty; use --force");
        assertThat(Files.readString(dir.resolve("root-oca.pem"))).isEqualTo(before);
    }

    @Test
    void forceReplacesThePkiAndKeepsOtherFiles() throws IOException {
        Path dir = tmp.resolve("pki");
        smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 3);
        Files.writeString(dir.resolve("notes.txt"), "mine");

        Run forced = smki("pki", "init", "--out", dir, "--seed", 8, "--devices", 1, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(dir.resolve("manifest.properties"))).contains("seed=8");
        assertThat(dir.resolve("devices/02534d4b49800002-ds.pem")).doesNotExist();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void forceAlsoDropsTheRevocationStateOfTheReplacedPki() throws IOException {
        Path dir = tmp.resolve("revoked");
        smki("pki", "init", "--out", dir, "--seed", 7);
        String serial = dev.smki.core.issuance.TestPki.load(dir)
                .organisationCertificate(
                        dev.smki.core.identity.RemotePartyRole.SUPPLIER,
                        dev.smki.core.identity.CertificateUsage.DIGITAL_SIGNATURE)
                .serialNumber()
                .toString(16);
        Run revoked = smki(
                "pki",
                "revoke",
                "--pki",
                dir,
                "--serial",
                serial,
                "--reason",
                "key-compromise",
                "--requested-by",
                "aro:supplier",
                "--as-of",
                "2026-01-02T09:00:00Z");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(dir.resolve("crl/organisation.crl")).exists();

        Run forced = smki("pki", "init", "--out", dir, "--seed", 8, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(dir.resolve("crl")).doesNotExist();
        assertThat(dir.resolve("repository")).doesNotExist();
        Run again = smki(
                "pki",
                "revoke",
                "--pki",
                dir,
                "--serial",
                serial,
                "--reason",
                "key-compromise",
                "--requested-by",
                "aro:supplier",
                "--as-of",
                "2026-01-02T09:00:00Z");
        assertThat(again.exitCode())
                .as("the old serial is unknown to the new PKI")
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        List<Run> runs = List.of(
                smki("pki", "init", "--out", tmp.resolve("x"), "--env", "nowhere"),
                smki("pki", "init", "--out", tmp.resolve("y"), "--devices", -1),
                smki("pki", "init", "--out", file),
                smki("pki", "init"));
        for (Run run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(runs.get(0).err().lines()).hasSize(1);
        assertThat(runs.get(0).err()).contains("--env").contains("nowhere");
        assertThat(runs.get(1).err()).contains("--devices");
        assertThat(runs.get(2).err()).contains("not a directory");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void theKeystorePasswordCanBeChosen() throws Exception {
        Path dir = tmp.resolve("pki");
        Run run = smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 0, "--password", "s3cret");

        assertThat(run.out()).doesNotContain("s3cret");
        java.security.KeyStore keystore = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("pki.p12"))) {
            keystore.load(in, "s3cret".toCharArray());
        }
        assertThat(keystore.size()).isEqualTo(4 + OrganisationCredential.STANDARD.size());
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("pki");

        Run run = smki("pki", "init", "--out", dir, "--seed", 7, "--password", "");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--password: ")
                .contains("must not be empty");
        assertThat(dir).doesNotExist();
    }

    @Test
    void everyFileHoldingAPrivateKeyIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(dev.smki.core.internal.files.DurableFiles.isPosix(), "no POSIX permissions here");
        Path dir = tmp.resolve("pki");
        assertThat(smki("pki", "init", "--out", dir, "--seed", 7, "--devices", 1)
                        .exitCode())
                .isZero();

        List<Path> secrets;
        try (Stream<Path> files = Files.walk(dir)) {
            secrets = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".key")
                            || p.getFileName().toString().equals("pki.p12")
                            || p.startsWith(dir.resolve("secret")))
                    .toList();
        }
        assertThat(secrets).hasSize(4 + 14 + 2 + 3 + 1);
        for (Path secret : secrets) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("root-oca.pem"))))
                .doesNotStartWith("---");
    }
}
