package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.testing.TestPkiDirectories;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationDirectoryTests {

    static final TestPki PKI = TestPkis.seeded(7);
    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-00");
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, KeyUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate NETWORK_DS =
            PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, KeyUsage.DIGITAL_SIGNATURE);

    @TempDir
    Path dir;

    private void copyPki() {
        TestPkiDirectories.copyOf(7, List.of(METER), dir);
    }

    private List<Path> revoke(IssuedCertificate certificate, Requester requester, TestClock clock) {
        RevocationDirectory directory = RevocationDirectory.open(dir);
        Revocations revocations = directory.revocations(RevocationPolicy.defaults(), clock);
        RevocationOutcome outcome = revocations.submit(
                RevocationRequest.of(certificate.serialNumber(), RevocationReason.KEY_COMPROMISE, requester));
        assertThat(outcome.isRevoked()).as(outcome.summary()).isTrue();
        return directory.publish(revocations, List.of(outcome.certificate()));
    }

    @Test
    void withoutARegistryFileEveryCertificateOfThePkiIsInUse() throws IOException {
        copyPki();
        RevocationDirectory directory = RevocationDirectory.open(dir);
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
        TestClock clock = TestClock.start();
        List<Path> first = revoke(SUPPLIER_DS, Requester.aroOf("supplier"), clock);
        assertThat(first)
                .containsExactly(
                        dir.resolve(RevocationDirectory.REGISTRY),
                        RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        assertThat(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)).hasFileName("organisation.crl");

        clock.advance(Duration.ofHours(2));
        revoke(NETWORK_DS, Requester.dcc(), clock);
        RevocationDirectory reopened = RevocationDirectory.open(dir);
        RevocationList crl = reopened.list(ProfileKind.ISSUING_OCA).orElseThrow();
        assertThat(crl.number()).isEqualTo(BigInteger.TWO);
        assertThat(crl.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_DS.serialNumber());
        assertThat(crl.isSignedBy(PKI.issuingOca())).isTrue();
        assertThat(reopened.registry().byStatus(CertificateStatus.REVOKED))
                .extracting(RegisteredCertificate::serial)
                .containsExactlyInAnyOrder(SUPPLIER_DS.serialNumber(), NETWORK_DS.serialNumber());
        assertThat(Files.readString(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)))
                .startsWith("-----BEGIN X509 CRL-----\n");
    }

    @Test
    void anIssuingOcaRevocationRewritesTheArl() throws IOException {
        copyPki();
        List<Path> files = revoke(PKI.issuingOca(), Requester.smkiPma(), TestClock.start());
        Path arl = RevocationDirectory.listFile(dir, ProfileKind.ROOT_OCA);
        assertThat(files).contains(arl);
        assertThat(arl).hasFileName("authority.arl");
        RevocationList list = RevocationList.read(arl);
        assertThat(list.isSignedBy(PKI.rootOca())).isTrue();
        assertThat(list.serials()).containsExactly(PKI.issuingOca().serialNumber());
        assertThat(RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA)).doesNotExist();
    }

    @Test
    void aRegistryOfAnotherPkiIsRefused() throws IOException {
        copyPki();
        CertificateRegistry.of(TestPkis.seeded(8)).save(dir.resolve(RevocationDirectory.REGISTRY));
        assertThatThrownBy(() -> RevocationDirectory.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another PKI");
    }

    @Test
    void aListNotSignedByItsCaIsRefused() throws IOException {
        copyPki();
        revoke(PKI.issuingOca(), Requester.smkiPma(), TestClock.start());
        Files.copy(
                RevocationDirectory.listFile(dir, ProfileKind.ROOT_OCA),
                RevocationDirectory.listFile(dir, ProfileKind.ISSUING_OCA));
        assertThatThrownBy(() -> RevocationDirectory.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organisation.crl was not signed by this PKI's Issuing OCA");
    }

    @Test
    void aListNamingACertificateTheRegistryHasInUseIsRefused() throws IOException {
        copyPki();
        revoke(SUPPLIER_DS, Requester.dcc(), TestClock.start());
        Files.delete(dir.resolve(RevocationDirectory.REGISTRY));
        RevocationDirectory directory = RevocationDirectory.open(dir);
        assertThatThrownBy(() -> directory.revocations(RevocationPolicy.defaults(), TestClock.start()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organisation.crl: ")
                .hasMessageContaining("does not record as revoked");
    }

    @Test
    void aDirectoryWithoutAPkiIsRefused() {
        assertThatThrownBy(() -> RevocationDirectory.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.properties");
    }
}
