package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateRegistryTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-00");
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);

    private final CertificateRegistry registry = PKI.certificateRegistry(List.of(METER));

    @Test
    void holdsEveryCertificateOfThePkiInUse() {
        assertThat(registry.size()).isEqualTo(4 + OrganisationCredential.STANDARD.size() + 2);
        assertThat(registry.all()).allMatch(entry -> entry.status() == CertificateStatus.IN_USE);
        assertThat(registry.byKind(ProfileKind.ISSUING_OCA)).singleElement().satisfies(entry -> {
            assertThat(entry.subscriber()).isEqualTo(Subscriber.DCC);
            assertThat(entry.role()).hasValue(RemotePartyRole.ISSUING_AUTHORITY);
            assertThat(entry.issuerKeyId()).isEqualTo(PKI.rootOca().parsed().subjectKeyIdentifier());
        });
    }

    @Test
    void findsCertificatesBySerialEui64RoleKeyUsageSubscriberAndStatus() {
        RegisteredCertificate supplier = registry.require(SUPPLIER_DS.serialNumber());
        assertThat(supplier.kind()).isEqualTo(ProfileKind.ORGANISATION);
        assertThat(supplier.eui64()).hasValue(PKI.parties().of(RemotePartyRole.SUPPLIER));
        assertThat(supplier.keyUsage()).hasValue(CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(supplier.notAfter())
                .isEqualTo(SUPPLIER_DS.certificate().getNotAfter().toInstant());

        assertThat(registry.byEui64(PKI.parties().of(RemotePartyRole.SUPPLIER)))
                .hasSize(3)
                .contains(supplier);
        assertThat(registry.byEui64(METER)).hasSize(2).allMatch(e -> e.kind() == ProfileKind.DEVICE);
        assertThat(registry.byRole(RemotePartyRole.SUPPLIER)).hasSize(3);
        assertThat(registry.byKeyUsage(CertificateUsage.DIGITAL_SIGNATURE))
                .contains(supplier)
                .allMatch(e -> e.keyUsage().orElseThrow() == CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(registry.bySubscriber(Subscriber.of("supplier"))).hasSize(3);
        assertThat(registry.byEui64(METER)).allMatch(e -> e.subscriber().equals(Subscriber.ofDevice(METER)));
        assertThat(registry.issuedBy(
                        PKI.issuingOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .hasSize(OrganisationCredential.STANDARD.size());
        assertThat(registry.byStatus(CertificateStatus.REVOKED)).isEmpty();
        assertThat(registry.find(BigInteger.TEN)).isEmpty();
        assertThatThrownBy(() -> registry.require(BigInteger.TEN))
                .isInstanceOfSatisfying(
                        UnknownCertificateException.class,
                        e -> assertThat(e.serial()).isEqualTo(BigInteger.TEN))
                .hasMessageContaining("0A");
    }

    @Test
    void statusesOnlyMoveForward() {
        BigInteger serial = SUPPLIER_DS.serialNumber();
        assertThat(registry.moveTo(serial, CertificateStatus.NOT_IN_USE).status())
                .isEqualTo(CertificateStatus.NOT_IN_USE);
        assertThatThrownBy(() -> registry.moveTo(serial, CertificateStatus.IN_USE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("REV-1");
        assertThatThrownBy(() -> registry.moveTo(serial, CertificateStatus.REVOKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("through Revocations");
        assertThat(registry.require(serial).status()).isEqualTo(CertificateStatus.NOT_IN_USE);
    }

    @Test
    void revokedIsFinal() {
        BigInteger serial = SUPPLIER_DS.serialNumber();
        registry.revoke(
                serial, new Revocation(Instant.EPOCH, RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE));
        for (CertificateStatus status : List.of(CertificateStatus.IN_USE, CertificateStatus.EXPIRED)) {
            assertThatThrownBy(() -> registry.moveTo(serial, status)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> registry.revoke(
                        serial, new Revocation(Instant.EPOCH, RevocationReason.SUPERSEDED, CrlReason.SUPERSEDED)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(registry.expire(Instant.MAX)).doesNotContain(registry.require(serial));
        assertThat(registry.require(serial).status()).isEqualTo(CertificateStatus.REVOKED);
        for (CertificateStatus status : CertificateStatus.values()) {
            assertThat(CertificateStatus.REVOKED.mayMoveTo(status)).isFalse();
        }
    }

    @Test
    void certificatesPastNotAfterExpire() {
        Instant after = SUPPLIER_DS.certificate().getNotAfter().toInstant().plusSeconds(1);
        List<RegisteredCertificate> expired = registry.expire(after);
        assertThat(expired).extracting(RegisteredCertificate::serial).contains(SUPPLIER_DS.serialNumber());
        assertThat(expired).noneMatch(e -> e.kind() == ProfileKind.DEVICE);
        assertThat(registry.require(SUPPLIER_DS.serialNumber()).status()).isEqualTo(CertificateStatus.EXPIRED);
    }

    @Test
    void aSerialIsRegisteredOnce() {
        assertThat(registry.register(registry.require(SUPPLIER_DS.serialNumber())))
                .isEqualTo(registry.require(SUPPLIER_DS.serialNumber()));
        assertThatThrownBy(() -> registry.register(SUPPLIER_DS.parsed(), Subscriber.of("someone-else")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() ->
                        registry.register(SUPPLIER_DS.parsed(), Subscriber.of("supplier"), CertificateStatus.REVOKED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTextFileReadsBackToTheSameRegistry(@TempDir Path dir) throws IOException {
        registry.moveTo(SUPPLIER_DS.serialNumber(), CertificateStatus.NOT_IN_USE);
        BigInteger issuing = PKI.issuingOca().serialNumber();
        registry.revoke(
                issuing,
                new Revocation(
                        Instant.parse("2026-01-03T10:00:00Z"),
                        RevocationReason.KEY_COMPROMISE,
                        CrlReason.CA_COMPROMISE));
        Path file = dir.resolve("repository/certificates.tsv");
        registry.save(file);
        CertificateRegistry read = CertificateRegistry.load(file);
        assertThat(read.all()).isEqualTo(registry.all());
        String text = Files.readString(file);
        assertThat(text).startsWith("# smki-sim certificate registry").contains("\tcACompromise\n");
        assertThat(Files.list(dir.resolve("repository"))).hasSize(1);
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("certificates.tsv");
        Files.writeString(file, RegistryText.HEADER + "0A\torganisation\tin-use\n");
        assertThatThrownBy(() -> CertificateRegistry.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificates.tsv: line 3: expected 12 tab-separated fields, got 3");
        Files.writeString(file, "0A\torganisation\trevoked\tx\t-\t-\t-\t-\t2030-01-01T00:00:00Z\t-\t-\t-\n");
        assertThatThrownBy(() -> CertificateRegistry.load(file))
                .hasMessageContaining("line 1: ")
                .hasMessageContaining("revocation exactly when it is revoked");
    }

    @Test
    void concurrentRevocationsRevokeEachCertificateExactlyOnce() throws Exception {
        Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), SettableClock.at(START));
        List<RegisteredCertificate> organisation = registry.byKind(ProfileKind.ORGANISATION);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RevocationOutcome>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (RegisteredCertificate entry : organisation) {
                    futures.add(pool.submit(() -> revocations.submit(
                            RevocationRequest.of(entry.serial(), RevocationReason.NO_LONGER_NEEDED, Requester.dcc()))));
                }
            }
            long revoked = 0;
            for (Future<RevocationOutcome> future : futures) {
                revoked += future.get().isRevoked() ? 1 : 0;
            }
            assertThat(revoked).isEqualTo(organisation.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.byStatus(CertificateStatus.REVOKED)).hasSize(organisation.size());
        assertThat(revocations.history()).hasSize(4 * organisation.size());
    }
}
