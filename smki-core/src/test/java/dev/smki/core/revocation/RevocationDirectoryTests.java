package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkiDirectories;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationDirectoryTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-00");
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate NETWORK_DS =
            PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE);

    @TempDir
    Path dir;

    private void copyPki() {
        TestPkiDirectories.copyOf(7, List.of(METER), dir);
    }

    private List<Path> revoke(IssuedCertificate certificate, Requester requester, SettableClock clock) {
        try (RevocationDirectory directory = TestPkiDirectory.openRevocationsForUpdate(dir)) {
            Revocations revocations = directory.revocations(RevocationPolicy.defaults(), clock);
            RevocationOutcome outcome = revocations.submit(
                    RevocationRequest.of(certificate.serialNumber(), RevocationReason.KEY_COMPROMISE, requester));
            assertThat(outcome.isRevoked()).as(outcome.summary()).isTrue();
            return directory.publish(revocations, List.of(outcome.certificate()));
        }
    }

    @Test
    void withoutARegistryFileEveryCertificateOfThePkiIsInUse() throws IOException {
        copyPki();
        RevocationDirectory directory = TestPkiDirectory.openRevocations(dir);
        assertThat(directory.registry().all()).allMatch(c -> c.status() == CertificateStatus.IN_USE);
        assertThat(directory.registry().byEui64(METER)).hasSize(2);
        assertThat(directory.list(ProfileKind.ISSUING_OCA)).isEmpty();
        assertThat(directory.issuerOf(directory.registry().require(SUPPLIER_DS.serialNumber())))
                .hasValue(PKI.issuingOca());
        assertThat(directory.issuerOf(directory.registry().require(PKI.rootOca().serialNumber())))
                .isEmpty();
    }

    @Test
    void eachRevocationIsKeptAndTheNextListFollowsTheOneOnDisk() throws IOException {
        copyPki();
        SettableClock clock = SettableClock.at(START);
        List<Path> first = revoke(SUPPLIER_DS, Requester.aroOf("supplier"), clock);
        assertThat(first)
                .containsExactly(
                        dir.resolve(RevocationDirectory.REGISTRY),
                        RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        assertThat(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)).hasFileName("organisation.crl");

        clock.advance(Duration.ofHours(2));
        revoke(NETWORK_DS, Requester.dcc(), clock);
        RevocationDirectory reopened = TestPkiDirectory.openRevocations(dir);
        RevocationList crl = reopened.list(ProfileKind.ISSUING_OCA).orElseThrow();
        assertThat(crl.number()).isEqualTo(BigInteger.TWO);
        assertThat(crl.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_DS.serialNumber());
        assertThat(crl.isSignedBy(PKI.issuingOca().parsed())).isTrue();
        assertThat(reopened.registry().byStatus(CertificateStatus.REVOKED))
                .extracting(RegisteredCertificate::serial)
                .containsExactlyInAnyOrder(SUPPLIER_DS.serialNumber(), NETWORK_DS.serialNumber());
        assertThat(Files.readString(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)))
                .startsWith("-----BEGIN X509 CRL-----\n");
    }

    @Test
    void anIssuingOcaRevocationRewritesTheArl() throws IOException {
        copyPki();
        List<Path> files = revoke(PKI.issuingOca(), Requester.smkiPma(), SettableClock.at(START));
        Path arl = RevocationDirectory.listFile(dir, ProfileKind.ROOT_OCA);
        assertThat(files).contains(arl);
        assertThat(arl).hasFileName("authority.arl");
        RevocationList list = RevocationList.read(arl);
        assertThat(list.isSignedBy(PKI.rootOca().parsed())).isTrue();
        assertThat(list.serials()).containsExactly(PKI.issuingOca().serialNumber());
        assertThat(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)).doesNotExist();
    }

    @Test
    void aRegistryOfAnotherPkiIsRefused() throws IOException {
        copyPki();
        TestPkis.seeded(8).certificateRegistry().save(dir.resolve(RevocationDirectory.REGISTRY));
        assertThatThrownBy(() -> TestPkiDirectory.openRevocations(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another PKI");
    }

    @Test
    void aListNotSignedByItsCaIsRefused() throws IOException {
        copyPki();
        revoke(PKI.issuingOca(), Requester.smkiPma(), SettableClock.at(START));
        Files.copy(
                RevocationDirectory.listFile(dir, ProfileKind.ROOT_OCA),
                RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        assertThatThrownBy(() -> TestPkiDirectory.openRevocations(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organisation.crl was not signed by this PKI's Issuing OCA");
    }

    @Test
    void aListNamingACertificateTheRegistryHasInUseIsRefusedWhenNoLogRecordsTheRevocation() throws IOException {
        copyPki();
        revoke(SUPPLIER_DS, Requester.dcc(), SettableClock.at(START));
        Files.delete(dir.resolve(RevocationDirectory.REGISTRY));
        Files.delete(dir.resolve(RevocationDirectory.LOG));
        RevocationDirectory directory = TestPkiDirectory.openRevocations(dir);
        assertThatThrownBy(() -> directory.revocations(RevocationPolicy.defaults(), SettableClock.at(START)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organisation.crl: ")
                .hasMessageContaining("does not record as revoked");
    }

    @Test
    void aDeletedRegistryOrListIsDerivedAgainFromTheLogWithTheSameBytes() throws IOException {
        copyPki();
        SettableClock clock = SettableClock.at(START);
        revoke(SUPPLIER_DS, Requester.aroOf("supplier"), clock);
        clock.advance(Duration.ofHours(1));
        revoke(NETWORK_DS, Requester.dcc(), clock);
        Path crl = RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA);
        Path registry = dir.resolve(RevocationDirectory.REGISTRY);
        byte[] crlBytes = Files.readAllBytes(crl);
        byte[] registryBytes = Files.readAllBytes(registry);
        Files.delete(crl);
        Files.delete(registry);

        RevocationDirectory read = TestPkiDirectory.openRevocations(dir);
        assertThat(read.list(ProfileKind.ISSUING_OCA).orElseThrow().toPem())
                .isEqualTo(new String(crlBytes, java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(read.registry().find(NETWORK_DS.serialNumber()).orElseThrow().isRevoked())
                .isTrue();
        assertThat(crl).doesNotExist(); // reading writes nothing

        try (RevocationDirectory repaired = TestPkiDirectory.openRevocationsForUpdate(dir)) {
            assertThat(repaired.repairs()).hasSize(2);
        }
        assertThat(Files.readAllBytes(crl)).isEqualTo(crlBytes);
        assertThat(Files.readAllBytes(registry)).isEqualTo(registryBytes);
    }

    @Test
    void theNextListFollowsTheLogEvenWhenTheListFileWasDeleted() throws IOException {
        copyPki();
        SettableClock clock = SettableClock.at(START);
        revoke(SUPPLIER_DS, Requester.aroOf("supplier"), clock);
        Files.delete(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        clock.advance(Duration.ofHours(1));

        revoke(NETWORK_DS, Requester.dcc(), clock);

        RevocationList crl = RevocationList.read(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        assertThat(crl.number()).isEqualTo(BigInteger.TWO);
        assertThat(crl.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_DS.serialNumber());
    }

    @Test
    void aDirectoryWrittenBeforeTheLogIsTakenOverAsItStands() throws IOException {
        copyPki();
        revoke(SUPPLIER_DS, Requester.aroOf("supplier"), SettableClock.at(START));
        Files.delete(dir.resolve(RevocationDirectory.LOG)); // as a directory from before the log existed
        Path crl = RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA);
        byte[] legacy = Files.readAllBytes(crl);

        try (RevocationDirectory directory = TestPkiDirectory.openRevocationsForUpdate(dir)) {
            assertThat(directory.repairs())
                    .singleElement()
                    .asString()
                    .contains("recorded 1 revocation(s) and 1 list(s)");
        }
        Files.delete(crl);
        Files.delete(dir.resolve(RevocationDirectory.REGISTRY));
        RevocationDirectory reread = TestPkiDirectory.openRevocations(dir);

        assertThat(reread.list(ProfileKind.ISSUING_OCA).orElseThrow().toDer())
                .isEqualTo(RevocationList.parse(legacy).toDer());
        assertThat(reread.registry().require(SUPPLIER_DS.serialNumber()).isRevoked())
                .isTrue();
    }

    @Test
    void aChangedLogLineIsDamageNamedByItsLineNumber() throws IOException {
        copyPki();
        revoke(SUPPLIER_DS, Requester.aroOf("supplier"), SettableClock.at(START));
        Path log = dir.resolve(RevocationDirectory.LOG);
        Files.writeString(log, Files.readString(log).replace("key-compromise", "superseded"));

        assertThatThrownBy(() -> TestPkiDirectory.openRevocations(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revocations.log is damaged at line 2: the line's hash does not match");
    }

    @Test
    void aTornLastLogLineWasNeverCommittedAndIsCutOffByTheNextCommit() throws IOException {
        copyPki();
        SettableClock clock = SettableClock.at(START);
        revoke(SUPPLIER_DS, Requester.aroOf("supplier"), clock);
        Path log = dir.resolve(RevocationDirectory.LOG);
        Files.writeString(log, "seq=2\trevoked=AB", java.nio.file.StandardOpenOption.APPEND);
        assertThat(TestPkiDirectory.openRevocations(dir).registry().byStatus(CertificateStatus.REVOKED))
                .hasSize(1);

        clock.advance(Duration.ofHours(1));
        revoke(NETWORK_DS, Requester.dcc(), clock);

        assertThat(Files.readString(log)).doesNotContain("revoked=AB\t").doesNotContain("revoked=ABseq");
        assertThat(TestPkiDirectory.openRevocations(dir).registry().byStatus(CertificateStatus.REVOKED))
                .hasSize(2);
    }

    @Test
    void aDirectoryOpenedToReadCannotBeChanged() throws IOException {
        copyPki();
        RevocationDirectory directory = TestPkiDirectory.openRevocations(dir);
        Revocations revocations = directory.revocations(RevocationPolicy.defaults(), SettableClock.at(START));
        RevocationOutcome outcome = revocations.submit(
                RevocationRequest.of(SUPPLIER_DS.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.dcc()));

        assertThatThrownBy(() -> directory.publish(revocations, List.of(outcome.certificate())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openForUpdate");
        assertThat(dir.resolve(RevocationDirectory.LOG)).doesNotExist();
    }

    @Test
    void aDirectoryWithoutAPkiIsRefused() {
        assertThatThrownBy(() -> TestPkiDirectory.openRevocations(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.properties");
    }
}
