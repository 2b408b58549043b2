package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the CRL and ARL with OpenSSL, a reader this library does not control (no mocks). */
class RevocationListInteropTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate SUPPLIER_KA =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT);

    @TempDir
    static Path dir;

    static Path crl;
    static Path arl;

    /** The outcome of one openssl run. */
    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void publishBothLists() throws IOException {
        Revocations revocations =
                Revocations.of(PKI.certificateRegistry(), RevocationPolicy.defaults(), SettableClock.at(START));
        for (IssuedCertificate certificate : List.of(SUPPLIER_DS, SUPPLIER_KA)) {
            revocations.submit(RevocationRequest.of(
                    certificate.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf("supplier")));
        }
        revocations.submit(RevocationRequest.of(
                PKI.issuingOca().serialNumber(), RevocationReason.SUPERSEDED, Requester.smkiPma()));
        crl = dir.resolve("organisation.crl");
        arl = dir.resolve("authority.arl");
        Files.writeString(crl, revocations.publish(PKI.issuingOca()).toPem(), StandardCharsets.US_ASCII);
        Files.writeString(arl, revocations.publish(PKI.rootOca()).toPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("issuing-oca.pem"), PKI.issuingOca().toPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("root-oca.pem"), PKI.rootOca().toPem(), StandardCharsets.US_ASCII);
    }

    static boolean opensslAvailable() {
        try {
            return openssl("version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Run openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl did not finish");
            }
            return new Run(process.exitValue(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void assumeOpenssl() {
        assumeTrue(opensslAvailable(), "openssl is not on the PATH, so the interoperability checks cannot run");
    }

    @Test
    void opensslShowsTheRevokedSerialsReasonsAndExtensionsOfTheCrl() throws IOException {
        assumeOpenssl();
        Run run = openssl("crl", "-in", crl.toString(), "-noout", "-text");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Version 2 (0x1)")
                .contains("Signature Algorithm: ecdsa-with-SHA256")
                .contains("Serial Number: " + RegisteredCertificate.serialHex(SUPPLIER_DS.serialNumber()))
                .contains("Serial Number: " + RegisteredCertificate.serialHex(SUPPLIER_KA.serialNumber()))
                .contains("Key Compromise")
                .contains("X509v3 CRL Number")
                .contains("X509v3 Authority Key Identifier")
                .contains("Next Update:")
                .doesNotContain(RegisteredCertificate.serialHex(PKI.issuingOca().serialNumber()));
    }

    @Test
    void opensslVerifiesTheCrlWithTheIssuingOcaAndNotWithTheRoot() throws IOException {
        assumeOpenssl();
        Run good = openssl("crl", "-in", crl.toString(), "-noout", "-verify", "-CAfile", ca("issuing-oca.pem"));
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.err()).contains("verify OK");
        Run wrong = openssl("crl", "-in", crl.toString(), "-noout", "-verify", "-CAfile", ca("root-oca.pem"));
        assertThat(wrong.err()).doesNotContain("verify OK");
    }

    @Test
    void opensslVerifiesTheArlWithTheRootOcaAndShowsTheIssuingOca() throws IOException {
        assumeOpenssl();
        Run verify = openssl("crl", "-in", arl.toString(), "-noout", "-verify", "-CAfile", ca("root-oca.pem"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.err()).contains("verify OK");
        Run text = openssl("crl", "-in", arl.toString(), "-noout", "-text");
        assertThat(text.out())
                .contains("Serial Number: "
                        + RegisteredCertificate.serialHex(PKI.issuingOca().serialNumber()))
                .contains("Superseded");
    }

    private static String ca(String file) {
        return dir.resolve(file).toString();
    }
}
