package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.RevocationDirectory;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.testing.TestPkiDirectories;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiRevokeCommandTests {

    static final TestPki PKI = TestPkis.seeded(7);
    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-00");
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate NETWORK_KA =
            PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.KEY_AGREEMENT);

    @TempDir
    Path tmp;

    Path dir;

    private Path copyOfThePki() {
        dir = TestPkiDirectories.copyOf(7, List.of(METER), tmp.resolve("pki"));
        return dir;
    }

    private static String hex(IssuedCertificate certificate) {
        String hex = certificate.serialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private CliRun revoke(String serial, String reason, String actor, String asOf) {
        return CliRun.of(
                "pki",
                "revoke",
                "--pki",
                dir.toString(),
                "--serial",
                serial,
                "--reason",
                reason,
                "--requested-by",
                actor,
                "--as-of",
                asOf);
    }

    private Path crl() {
        return RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA);
    }

    @Test
    void anAroOfTheSupplierRevokesItsCertificateAndTheCrlIsRewritten() throws IOException {
        copyOfThePki();
        CliRun run = revoke(hex(SUPPLIER_DS), "key-compromise", "aro:supplier", "2026-01-02T09:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("VERIFY  REV-5  ok     ARO of supplier is an ARO of the Subscriber 'supplier'")
                .contains("Revoked " + hex(SUPPLIER_DS) + " at 2026-01-02T09:00:00Z (key-compromise, published as"
                        + " keyCompromise)")
                .contains("organisation.crl: CRL number 1, 1 entry, thisUpdate 2026-01-02T09:00:00Z, nextUpdate"
                        + " 2026-01-03T09:00:00Z, signed by the Issuing OCA")
                .contains("Check it: openssl crl -in " + crl());
        RevocationList list = RevocationList.read(crl());
        assertThat(list.isSignedBy(PKI.issuingOca().parsed())).isTrue();
        assertThat(list.serials()).containsExactly(SUPPLIER_DS.serialNumber());
        assertThat(CertificateRegistry.load(dir.resolve(RevocationDirectory.REGISTRY))
                        .require(SUPPLIER_DS.serialNumber())
                        .status())
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(dir.resolve("crl/authority.arl")).doesNotExist();
    }

    @Test
    void aSecondRevocationGivesTheNextCrlHoldingBoth() throws IOException {
        copyOfThePki();
        assertThat(revoke("serial=" + hex(SUPPLIER_DS), "keyCompromise", "dcc", "2026-01-02")
                        .exitCode())
                .isZero();
        CliRun second = revoke(hex(NETWORK_KA), "superseded", "smki-pma", "2026-01-03");
        assertThat(second.exitCode()).as(second.err()).isZero();
        RevocationList list = RevocationList.read(crl());
        assertThat(list.number()).isEqualTo(BigInteger.TWO);
        assertThat(list.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_KA.serialNumber());
    }

    @Test
    void revokingTheIssuingOcaRewritesTheArlSignedByTheRoot() throws IOException {
        copyOfThePki();
        CliRun run = revoke(hex(PKI.issuingOca()), "key-compromise", "smki-pma", "2026-01-02");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("published as cACompromise").contains("signed by the Root OCA");
        RevocationList arl = RevocationList.read(dir.resolve("crl/authority.arl"));
        assertThat(arl.isSignedBy(PKI.rootOca().parsed())).isTrue();
        assertThat(arl.serials()).containsExactly(PKI.issuingOca().serialNumber());
    }

    @Test
    void theSameRequestAtTheSameInstantWritesTheSameBytes() throws IOException {
        copyOfThePki();
        revoke(hex(SUPPLIER_DS), "key-compromise", "dcc", "2026-01-02");
        byte[] first = Files.readAllBytes(crl());
        Path firstDir = dir;
        tmp = tmp.resolve("again");
        copyOfThePki();
        revoke(hex(SUPPLIER_DS), "key-compromise", "dcc", "2026-01-02");
        assertThat(dir).isNotEqualTo(firstDir);
        assertThat(Files.readAllBytes(crl())).isEqualTo(first);
    }

    @Test
    void aRefusalExitsOneNamingTheRuleAndChangesNothing() throws IOException {
        copyOfThePki();
        CliRun run = revoke(hex(SUPPLIER_DS), "key-compromise", "aro:network-operator", "2026-01-02");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("VERIFY  REV-5  FAILED ARO of network-operator is an ARO of 'network-operator', not of the"
                        + " Subscriber 'supplier'")
                .contains("refused by REV-5: ")
                .contains("rule: REV-5 (inferred; SEC Appendix P")
                .contains("Nothing was changed.");
        assertThat(dir.resolve("repository")).doesNotExist();
        assertThat(dir.resolve("crl")).doesNotExist();
    }

    @Test
    void deviceCertificatesAreRefusedUnderRev4UnlessThePolicyAllowsThem() throws IOException {
        copyOfThePki();
        IssuedCertificate meter = PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT);
        CliRun refused = revoke(hex(meter), "key-compromise", "dcc", "2026-01-02");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.out()).contains("refused by REV-4").contains("rule: REV-4 (memory;");

        Path policy = tmp.resolve("policy.properties");
        Files.writeString(policy, "devices.revocable=true\ndevices.confidence=verified\n");
        CliRun allowed = CliRun.of(
                "pki",
                "revoke",
                "--pki",
                dir.toString(),
                "--serial",
                hex(meter),
                "--reason",
                "key-compromise",
                "--requested-by",
                "dcc",
                "--as-of",
                "2026-01-02",
                "--policy",
                policy.toString());
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        RevocationList deviceCrl = RevocationList.read(dir.resolve("crl/device.crl"));
        assertThat(deviceCrl.isSignedBy(PKI.issuingDca().parsed())).isTrue();
        assertThat(deviceCrl.serials()).containsExactly(meter.serialNumber());
    }

    private void assertBadInput(String expected, String... options) {
        List<String> args = new ArrayList<>(List.of("pki", "revoke", "--pki", dir.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", args).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).as("%s", args).singleElement().asString().contains(expected);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badInputExitsTwoOnOneLine() throws IOException {
        copyOfThePki();
        String serial = hex(SUPPLIER_DS);
        String[] valid = {"--serial", serial, "--reason", "superseded", "--requested-by", "dcc"};
        assertBadInput("--serial: 'XYZ' is not a hex serial number", with(valid, 1, "XYZ"));
        assertBadInput("--serial: no certificate with serial A0B", with(valid, 1, "0A0B"));
        assertBadInput("--reason: Unknown revocation reason 'sad'", with(valid, 3, "sad"));
        assertBadInput("--reason: no SMKI reason publishes as aACompromise", with(valid, 3, "aACompromise"));
        assertBadInput("--requested-by: Not a requester 'ofgem'", with(valid, 5, "ofgem"));
        assertBadInput("--as-of: 'soon' is not a date", plus(valid, "--as-of", "soon"));
        Path badPolicy = tmp.resolve("bad.properties");
        Files.writeString(badPolicy, "colour=blue\n");
        assertBadInput("'colour': unknown key", plus(valid, "--policy", badPolicy.toString()));
        assertBadInput(
                "--policy: cannot read",
                plus(valid, "--policy", tmp.resolve("absent").toString()));
        assertThat(dir.resolve("repository")).doesNotExist();
    }

    private static String[] with(String[] options, int index, String value) {
        String[] copy = options.clone();
        copy[index] = value;
        return copy;
    }

    private static String[] plus(String[] options, String option, String value) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add(option);
        all.add(value);
        return all.toArray(String[]::new);
    }

    @Test
    void aDirectoryWithoutAPkiExitsTwo() {
        dir = tmp.resolve("empty");
        CliRun run = revoke("01", "superseded", "dcc", "2026-01-02");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("is not a test PKI directory");
    }

    @Test
    void aListIsNeverDatedBeforeThePreviousOne() throws IOException {
        copyOfThePki();
        revoke(hex(SUPPLIER_DS), "key-compromise", "dcc", "2026-01-03");
        CliRun early = revoke(hex(NETWORK_KA), "superseded", "dcc", "2026-01-02");
        assertThat(early.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(early.errLines()).singleElement().asString().contains("is before the thisUpdate");
        assertThat(early.out()).isEmpty();
        assertThat(RevocationList.read(crl()).serials()).containsExactly(SUPPLIER_DS.serialNumber());
        assertThat(CertificateRegistry.load(dir.resolve(RevocationDirectory.REGISTRY))
                        .require(NETWORK_KA.serialNumber())
                        .isRevoked())
                .isFalse();
    }

    @Test
    void opensslVerifiesTheNewCrlAndShowsTheSerial() throws Exception {
        copyOfThePki();
        revoke(hex(SUPPLIER_DS), "key-compromise", "aro:supplier", "2026-01-02");
        Process process;
        try {
            process = new ProcessBuilder(
                            "openssl",
                            "crl",
                            "-in",
                            crl().toString(),
                            "-noout",
                            "-text",
                            "-verify",
                            "-CAfile",
                            dir.resolve("issuing-oca.pem").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "openssl is not on the PATH, so the end-to-end check cannot run");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("verify OK").contains("Serial Number: " + hex(SUPPLIER_DS));
    }

    @Test
    void thePkiGroupListsRevoke() {
        CliRun run = CliRun.of("pki", "--help");
        assertThat(run.out()).contains("init").contains("revoke");
        CliRun help = CliRun.of("pki", "revoke", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("--requested-by=ACTOR")
                .contains("aro:PARTY")
                .contains("--as-of");
    }

    @Test
    void anAsOfWhoseListCannotBeDatedIsRefusedBeforeAnythingIsPrintedOrWritten() throws IOException {
        copyOfThePki();

        CliRun run = revoke(hex(SUPPLIER_DS), "key-compromise", "dcc", "9999-12-31");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("smki pki revoke: --as-of: ");
        assertThat(run.out()).doesNotContain("Revoked").doesNotContain("revoked at");
        assertThat(dir.resolve("repository")).doesNotExist();
        assertThat(dir.resolve("crl")).doesNotExist();
    }
}
