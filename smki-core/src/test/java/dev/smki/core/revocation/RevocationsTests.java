package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.RevocationStep.Stage;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkis;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevocationsTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final Eui64 METER = Eui64.parse("02-53-4D-4B-49-80-00-00");
    static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    static final IssuedCertificate NETWORK_KA =
            PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.KEY_AGREEMENT);

    private final SettableClock clock = SettableClock.at(START);
    private final CertificateRegistry registry = PKI.certificateRegistry(List.of(METER));
    private final Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);

    private RevocationOutcome submit(IssuedCertificate certificate, RevocationReason reason, Requester requester) {
        return revocations.submit(RevocationRequest.of(certificate.serialNumber(), reason, requester));
    }

    private static RuleId id(String value) {
        return RuleId.of(value);
    }

    @Nested
    class Revoking {

        @Test
        void anAroOfTheSubscriberRevokesItsOrganisationCertificate() {
            RevocationOutcome outcome =
                    submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.aro("Alice", "supplier"));

            assertThat(outcome.verdict()).isEqualTo(RevocationVerdict.REVOKED);
            assertThat(outcome.rule().id()).isEqualTo(id("REV-2"));
            assertThat(outcome.steps())
                    .extracting(RevocationStep::stage)
                    .containsExactly(
                            Stage.RECEIVE,
                            Stage.RECEIVE,
                            Stage.VERIFY,
                            Stage.VERIFY,
                            Stage.DECIDE,
                            Stage.REVOKE,
                            Stage.PUBLISH);
            assertThat(outcome.steps()).allMatch(RevocationStep::passed);
            assertThat(outcome.steps())
                    .extracting(step -> step.rule().id().value())
                    .containsExactly("SOLR-5", "REV-6", "REV-2", "REV-5", "REV-1", "REV-1", "REV-7");
            RegisteredCertificate entry = registry.require(SUPPLIER_DS.serialNumber());
            assertThat(entry.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(entry.revocation())
                    .hasValue(new Revocation(START, RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE));
            assertThat(outcome.certificate()).isEqualTo(entry);
        }

        @Test
        void theDccRevokesOnItsOwnInitiativeAndThePmaByDirection() {
            assertThat(submit(SUPPLIER_DS, RevocationReason.INCORRECT_DATA, Requester.dcc())
                            .isRevoked())
                    .isTrue();
            assertThat(submit(NETWORK_KA, RevocationReason.NO_LONGER_ELIGIBLE, Requester.smkiPma())
                            .isRevoked())
                    .isTrue();
            assertThat(registry.require(SUPPLIER_DS.serialNumber())
                            .revocation()
                            .orElseThrow()
                            .crlReason())
                    .isEqualTo(CrlReason.AFFILIATION_CHANGED);
            assertThat(registry.require(NETWORK_KA.serialNumber())
                            .revocation()
                            .orElseThrow()
                            .crlReason())
                    .isEqualTo(CrlReason.PRIVILEGE_WITHDRAWN);
        }

        @Test
        void aKeyCompromiseOfAnIssuingOcaPublishesAsCaCompromise() {
            RevocationOutcome outcome = submit(PKI.issuingOca(), RevocationReason.KEY_COMPROMISE, Requester.smkiPma());
            assertThat(outcome.isRevoked()).isTrue();
            assertThat(outcome.rule().id()).isEqualTo(id("REV-3"));
            assertThat(outcome.certificate().revocation().orElseThrow().crlReason())
                    .isEqualTo(CrlReason.CA_COMPROMISE);
        }

        @Test
        void anExpiredCertificateCanStillBeRevoked() {
            registry.moveTo(SUPPLIER_DS.serialNumber(), CertificateStatus.EXPIRED);
            assertThat(submit(SUPPLIER_DS, RevocationReason.NO_LONGER_NEEDED, Requester.dcc())
                            .isRevoked())
                    .isTrue();
        }

        @Test
        void everyOutcomeIsKeptInOrder() {
            RevocationOutcome first = submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            RevocationOutcome second = submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            assertThat(revocations.history()).containsExactly(first, second);
        }
    }

    @Nested
    class Refusing {

        private void assertRefusedUnchanged(RevocationOutcome outcome, String rule, String detail) {
            assertThat(outcome.verdict()).isEqualTo(RevocationVerdict.REFUSED);
            assertThat(outcome.rule().id()).isEqualTo(id(rule));
            assertThat(outcome.failedStep().orElseThrow().detail()).contains(detail);
            assertThat(outcome.summary()).startsWith("refused by " + rule + ": ");
            assertThat(registry.require(outcome.request().serial()).status()).isNotEqualTo(CertificateStatus.REVOKED);
        }

        @Test
        void rev2RefusesAnyoneElseForAnOrganisationCertificate() {
            assertRefusedUnchanged(
                    submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.parse("other:journalist")),
                    "REV-2",
                    "may not request revocation of an Organisation certificate");
            assertRefusedUnchanged(
                    submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.parse("pma-member:Pat")),
                    "REV-2",
                    "pma-member:Pat");
        }

        @Test
        void rev3RefusesAnAroForAnIssuingOcaCertificate() {
            assertRefusedUnchanged(
                    submit(PKI.issuingOca(), RevocationReason.KEY_COMPROMISE, Requester.aroOf("supplier")),
                    "REV-3",
                    "may not request revocation of an Issuing OCA certificate");
        }

        @Test
        void rev4RefusesDeviceCertificatesByDefaultWithConfidenceMemory() {
            IssuedCertificate meter = PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT);
            RevocationOutcome outcome = submit(meter, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            assertRefusedUnchanged(outcome, "REV-4", "Device Certificates are not revoked");
            assertThat(outcome.rule().confidence()).isEqualTo(Confidence.MEMORY);
        }

        @Test
        void rev4AllowsDeviceRevocationWhenThePolicySaysSo() {
            RevocationPolicy policy =
                    RevocationPolicy.defaults().withDeviceCertificatesRevocable(true, Confidence.VERIFIED);
            Revocations lenient = Revocations.of(registry, policy, clock);
            IssuedCertificate meter = PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT);
            RevocationOutcome outcome = lenient.submit(
                    RevocationRequest.of(meter.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.dcc()));
            assertThat(outcome.isRevoked()).isTrue();
            assertThat(outcome.rule().id()).isEqualTo(id("REV-4"));
            assertThat(outcome.rule().confidence()).isEqualTo(Confidence.VERIFIED);
            assertThat(outcome.rule().statement()).startsWith("Revocation of a Device Certificate may be requested");
        }

        @Test
        void rev5RefusesAnAroOfAnotherParty() {
            assertRefusedUnchanged(
                    submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.aro("Bob", "network-operator")),
                    "REV-5",
                    "Bob is an ARO of 'network-operator', not of the Subscriber 'supplier'");
        }

        @Test
        void rev6RefusesAReasonThatOnlyAppliesToRaCredentials() {
            assertRefusedUnchanged(
                    submit(SUPPLIER_DS, RevocationReason.PERSONNEL_LEFT, Requester.dcc()),
                    "REV-6",
                    "'personnel-left' is a reason for revoking RA credentials");
        }

        @Test
        void rev9RefusesRootCertificates() {
            assertRefusedUnchanged(
                    submit(PKI.rootOca(), RevocationReason.KEY_COMPROMISE, Requester.smkiPma()),
                    "REV-9",
                    "is a Root certificate");
            assertRefusedUnchanged(
                    submit(PKI.rootDca(), RevocationReason.KEY_COMPROMISE, Requester.dcc()), "REV-9", "Root DCA");
        }

        @Test
        void rev1RefusesASecondRevocationNamingTheFirst() {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            clock.advance(Duration.ofHours(1));
            RevocationOutcome again = submit(SUPPLIER_DS, RevocationReason.SUPERSEDED, Requester.smkiPma());
            assertThat(again.verdict()).isEqualTo(RevocationVerdict.REFUSED);
            assertThat(again.rule().id()).isEqualTo(id("REV-1"));
            assertThat(again.failedStep().orElseThrow().detail())
                    .contains("already revoked at " + START + " (key-compromise)");
            assertThat(registry.require(SUPPLIER_DS.serialNumber())
                            .revocation()
                            .orElseThrow()
                            .reason())
                    .isEqualTo(RevocationReason.KEY_COMPROMISE);
        }

        @Test
        void anUnknownSerialIsAnUnknownCertificateNamingTheSerialAndRecordsNothing() {
            BigInteger unknown = BigInteger.valueOf(0xABCDEF);

            assertThatThrownBy(() -> revocations.submit(
                            RevocationRequest.of(unknown, RevocationReason.KEY_COMPROMISE, Requester.dcc())))
                    .isInstanceOfSatisfying(
                            UnknownCertificateException.class,
                            e -> assertThat(e.serial()).isEqualTo(unknown))
                    .isNotInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ABCDEF");
            assertThat(revocations.history()).isEmpty();
            assertThat(registry.byStatus(CertificateStatus.REVOKED)).isEmpty();
        }
    }

    @Nested
    class Publishing {

        @Test
        void aRevokedOrganisationCertificateIsOnTheNextCrlAndEveryLaterOne() {
            RevocationList empty = revocations.publish(PKI.issuingOca());
            assertThat(empty.entries()).isEmpty();
            assertThat(empty.number()).isEqualTo(BigInteger.ONE);

            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.aroOf("supplier"));
            clock.advance(Duration.ofMinutes(5));
            RevocationList second = revocations.publish(PKI.issuingOca());
            clock.advance(Duration.ofMinutes(5));
            submit(NETWORK_KA, RevocationReason.SUPERSEDED, Requester.dcc());
            RevocationList third = revocations.publish(PKI.issuingOca());

            assertThat(second.number()).isEqualTo(BigInteger.TWO);
            assertThat(second.entries())
                    .containsExactly(new RevocationList.Entry(
                            SUPPLIER_DS.serialNumber(), START, java.util.Optional.of(CrlReason.KEY_COMPROMISE)));
            assertThat(third.number()).isEqualTo(BigInteger.valueOf(3));
            assertThat(third.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_KA.serialNumber());
            assertThat(third.entries().get(1).reason()).hasValue(CrlReason.SUPERSEDED);
            assertThat(revocations.lastPublished(PKI.issuingOca())).hasValue(third);
        }

        @Test
        void theCrlFollowsTheRev8Profile() throws Exception {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            RevocationList crl = revocations.publish(PKI.issuingOca());

            assertThat(crl.isSignedBy(PKI.issuingOca().parsed())).isTrue();
            assertThat(crl.isSignedBy(PKI.rootOca().parsed())).isFalse();
            assertThat(crl.issuerEncoded())
                    .isEqualTo(PKI.issuingOca().certificate().getSubject().getEncoded());
            assertThat(crl.authorityKeyId()).isEqualTo(PKI.issuingOca().parsed().subjectKeyIdentifier());
            assertThat(crl.authorityKeyId().orElseThrow().length()).isEqualTo(8);
            assertThat(crl.signatureAlgorithm()).isEqualTo("1.2.840.10045.4.3.2");
            assertThat(crl.hasSignatureParameters()).isFalse();
            assertThat(crl.thisUpdate()).isEqualTo(START);
            assertThat(crl.nextUpdate()).hasValue(START.plus(RevocationPolicy.DEFAULT_NEXT_UPDATE_INTERVAL));
            org.bouncycastle.cert.X509CRLHolder holder = new org.bouncycastle.cert.X509CRLHolder(crl.toDer());
            assertThat(holder.toASN1Structure().getVersionNumber()).isEqualTo(2);
            assertThat(RevocationList.parse(crl.toPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .isEqualTo(crl);
            assertThat(RevocationList.parse(crl.toDer())).isEqualTo(crl);
        }

        @Test
        void theArlSignedByTheRootOcaListsARevokedIssuingOcaAndNoOrganisationCertificate() {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            submit(PKI.issuingOca(), RevocationReason.KEY_COMPROMISE, Requester.smkiPma());
            RevocationList arl = revocations.publish(PKI.rootOca());
            RevocationList crl = revocations.publish(PKI.issuingOca());
            assertThat(arl.isSignedBy(PKI.rootOca().parsed())).isTrue();
            assertThat(arl.serials()).containsExactly(PKI.issuingOca().serialNumber());
            assertThat(arl.entries().get(0).reason()).hasValue(CrlReason.CA_COMPROMISE);
            assertThat(crl.serials()).containsExactly(SUPPLIER_DS.serialNumber());
        }

        @Test
        void theNextUpdateIntervalIsAPolicyParameter() {
            Revocations weekly = Revocations.of(
                    registry, RevocationPolicy.defaults().withNextUpdateInterval(Duration.ofDays(7)), clock);
            assertThat(weekly.publish(PKI.issuingOca()).nextUpdate()).hasValue(START.plus(Duration.ofDays(7)));
        }

        @Test
        void theSameStateAndClockGiveTheSameBytes() {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            Revocations other = Revocations.of(registry, RevocationPolicy.defaults(), clock);
            assertThat(other.publish(PKI.issuingOca()).toDer())
                    .isEqualTo(revocations.publish(PKI.issuingOca()).toDer());
        }

        @Test
        void aListIsNotDatedBeforeThePreviousOne() {
            clock.advance(Duration.ofHours(1));
            revocations.publish(PKI.issuingOca());
            Revocations late = Revocations.of(registry, RevocationPolicy.defaults(), SettableClock.at(START));
            late.recordPublished(
                    PKI.issuingOca(),
                    revocations.lastPublished(PKI.issuingOca()).orElseThrow());
            assertThatThrownBy(() -> late.publish(PKI.issuingOca()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the previous list's");
        }

        @Test
        void anEndEntityCertificateSignsNoList() {
            assertThatThrownBy(() -> revocations.publish(SUPPLIER_DS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a CA certificate");
        }

        @Test
        void recordingAListChecksItsSignerAgeAndTheRegistry() {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            RevocationList first = revocations.publish(PKI.issuingOca());
            RevocationList second = revocations.publish(PKI.issuingOca());
            Revocations fresh = Revocations.of(PKI.certificateRegistry(), RevocationPolicy.defaults(), clock);

            assertThatThrownBy(() -> fresh.recordPublished(PKI.rootOca(), first))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was not signed by");
            assertThatThrownBy(() -> fresh.recordPublished(PKI.issuingOca(), first))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not record as revoked");
            revocations.recordPublished(PKI.issuingOca(), second);
            assertThatThrownBy(() -> revocations.recordPublished(PKI.issuingOca(), first))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("older than the recorded CRL #2");
        }

        @Test
        void aListPublishedElsewhereKeepsItsEntriesOnTheNextOne() {
            submit(SUPPLIER_DS, RevocationReason.KEY_COMPROMISE, Requester.dcc());
            RevocationList first = revocations.publish(PKI.issuingOca());
            CertificateRegistry partial = CertificateRegistry.empty();
            partial.register(NETWORK_KA.parsed(), Subscriber.of("network-operator"));
            Revocations elsewhere = Revocations.of(partial, RevocationPolicy.defaults(), clock);
            elsewhere.recordPublished(PKI.issuingOca(), first);
            elsewhere.submit(RevocationRequest.of(
                    NETWORK_KA.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf("network-operator")));
            RevocationList next = elsewhere.publish(PKI.issuingOca());
            assertThat(next.serials()).containsExactly(SUPPLIER_DS.serialNumber(), NETWORK_KA.serialNumber());
            assertThat(next.number()).isEqualTo(BigInteger.TWO);
        }
    }

    @Test
    void theRegistryKindOfEveryCertificateComesFromThePki() {
        assertThat(registry.byKind(ProfileKind.DEVICE)).hasSize(2);
        assertThat(registry.require(SUPPLIER_DS.serialNumber()).subscriber())
                .isEqualTo(Subscriber.ofRole(RemotePartyRole.SUPPLIER));
    }
}
