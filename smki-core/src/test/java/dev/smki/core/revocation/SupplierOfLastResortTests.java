package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.SolrOutcome.Result;
import dev.smki.core.revocation.SolrStatus.Delay;
import dev.smki.core.revocation.SolrStatus.MpidTransfer;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkis;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SupplierOfLastResortTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final SolrEventId EVENT = SolrEventId.of("SOLR-2026-01");

    private final SettableClock clock = SettableClock.at(START);
    private final CertificateRegistry registry = PKI.certificateRegistry();
    private final Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);

    SupplierOfLastResortTests() {
        revocations.openSolrEvent(
                SolrEvent.of(EVENT.value(), "supplier", "Last Resort Energy", "Shared Resources Ltd"));
    }

    private Set<BigInteger> failedSupplierSerials() {
        return registry.bySubscriber(Subscriber.of("supplier")).stream()
                .map(RegisteredCertificate::serial)
                .collect(Collectors.toSet());
    }

    private Set<BigInteger> revokedSerials() {
        return registry.byStatus(CertificateStatus.REVOKED).stream()
                .map(RegisteredCertificate::serial)
                .collect(Collectors.toSet());
    }

    private static RuleId id(String value) {
        return RuleId.of(value);
    }

    @ParameterizedTest
    @EnumSource(SolrEndCondition.class)
    void theSmkiPmaDelaysRevocationUntilAnEndConditionThenItProceedsAndIsPublished(SolrEndCondition end) {
        assertThat(failedSupplierSerials()).hasSize(3);
        SolrOutcome delay = revocations.delayRevocation(EVENT, Requester.smkiPma());
        assertThat(delay.result()).isEqualTo(Result.GRANTED);
        assertThat(delay.rule().id()).isEqualTo(id("SOLR-1"));
        assertThat(delay.message()).contains("3 certificate(s) of 'supplier'").contains("Shared Resources Ltd");

        List<RevocationOutcome> held = revocations.requestFailedSupplierRevocation(EVENT);
        assertThat(held).hasSize(3).allSatisfy(outcome -> {
            assertThat(outcome.verdict()).isEqualTo(RevocationVerdict.HELD);
            assertThat(outcome.rule().id()).isEqualTo(id("SOLR-6"));
            assertThat(outcome.summary()).contains("Section L16 applies and Appendix D §8 does not");
        });
        assertThat(revokedSerials()).isEmpty();
        RevocationList duringDelay = revocations.publish(PKI.issuingOca());
        assertThat(duringDelay.entries()).isEmpty();
        assertThat(revocations.solrEvent(EVENT).held()).hasSize(3);

        clock.advance(Duration.ofDays(14));
        List<RevocationOutcome> proceeded = revocations.endRevocationDelay(EVENT, end);
        assertThat(proceeded).hasSize(3).allMatch(RevocationOutcome::isRevoked);
        assertThat(proceeded)
                .allSatisfy(o -> assertThat(
                                o.certificate().revocation().orElseThrow().reason())
                        .isEqualTo(RevocationReason.NO_LONGER_ELIGIBLE));
        assertThat(revokedSerials()).isEqualTo(failedSupplierSerials());
        SolrStatus status = revocations.solrEvent(EVENT);
        assertThat(status.revocationDelay()).isEqualTo(Delay.ENDED);
        assertThat(status.endedBy()).hasValue(end);
        assertThat(status.held()).isEmpty();

        RevocationList after = revocations.publish(PKI.issuingOca());
        assertThat(after.serials()).containsExactlyInAnyOrderElementsOf(failedSupplierSerials());
        assertThat(after.number()).isEqualTo(BigInteger.TWO);
        assertThat(after.entries())
                .allSatisfy(e -> assertThat(e.revokedAt()).isEqualTo(START.plus(Duration.ofDays(14))));
    }

    @Test
    void withoutADelayTheFailedSuppliersCertificatesAreRevokedAtOnce() {
        List<RevocationOutcome> outcomes = revocations.requestFailedSupplierRevocation(EVENT);
        assertThat(outcomes).hasSize(3).allMatch(RevocationOutcome::isRevoked);
        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.steps().get(0).detail()).contains("Appendix D §8 applies"));
    }

    @Test
    void aDelayCoversOnlyTheFailedSuppliersCertificates() {
        revocations.delayRevocation(EVENT, Requester.smkiPma());
        IssuedCertificate network =
                PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE);
        RevocationOutcome outcome = revocations.submit(RevocationRequest.of(
                network.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf("network-operator")));
        assertThat(outcome.isRevoked()).isTrue();
    }

    @Test
    void aRequestHeldUnderL16IsDecidedUnderSection8WhenTheDelayEnds() {
        revocations.delayRevocation(EVENT, Requester.smkiPma());
        IssuedCertificate supplierKa =
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT);
        RevocationOutcome held = revocations.submit(RevocationRequest.of(
                supplierKa.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.parse("other:journalist")));
        assertThat(held.verdict()).isEqualTo(RevocationVerdict.HELD);

        List<RevocationOutcome> decided =
                revocations.endRevocationDelay(EVENT, SolrEndCondition.SOLR_TAKES_RESPONSIBILITY);
        assertThat(decided).singleElement().satisfies(outcome -> {
            assertThat(outcome.verdict()).isEqualTo(RevocationVerdict.REFUSED);
            assertThat(outcome.rule().id()).isEqualTo(id("REV-2"));
        });
        assertThat(revokedSerials()).isEmpty();
    }

    @Nested
    class ServiceRequests {

        private final IssuedCertificate signer =
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        private final SolrServiceRequests dcc = SolrServiceRequests.of(revocations);

        @Test
        void solr9AServiceRequestSignedWithADelayedCertificateIsAcceptedThenRefusedOnceRevoked() {
            revocations.delayRevocation(EVENT, Requester.smkiPma());
            revocations.requestFailedSupplierRevocation(EVENT);
            var during = dcc.check(
                    EVENT,
                    SolrServiceRequests.sign(
                            "safe mode for 00-DB-12-34-56-78-90-A0", signer.parsed(), SigningKey.of(signer)));
            assertThat(during.accepted()).isTrue();
            assertThat(during.rule().id()).isEqualTo(id("SOLR-9"));
            assertThat(during.why()).contains("the SMKI PMA delays its revocation");

            revocations.endRevocationDelay(EVENT, SolrEndCondition.PMA_DISCRETION);
            var after = dcc.check(
                    EVENT,
                    SolrServiceRequests.sign(
                            "safe mode for 00-DB-12-34-56-78-90-A0", signer.parsed(), SigningKey.of(signer)));
            assertThat(after.accepted()).isFalse();
            assertThat(after.rule().id()).isEqualTo(id("SOLR-9"));
            assertThat(after.why()).endsWith("is revoked");
        }

        @Test
        void solr10OnceTheMpidsAreTransferredTheRequestFailsWhateverTheCertificateStatus() {
            revocations.delayRevocation(EVENT, Requester.smkiPma());
            revocations.agreeMpidTransfer(EVENT);
            var outcome = dcc.check(
                    EVENT, SolrServiceRequests.sign("emergency credit", signer.parsed(), SigningKey.of(signer)));
            assertThat(registry.require(signer.serialNumber()).isRevoked()).isFalse();
            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.rule().id()).isEqualTo(id("SOLR-10"));
        }

        @Test
        void aRequestWhoseSignatureIsNotTheCertificatesIsRefused() {
            IssuedCertificate other =
                    PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE);
            var forged = new SolrServiceRequests.SignedServiceRequest(
                    "emergency credit",
                    signer.parsed(),
                    SolrServiceRequests.sign("emergency credit", other.parsed(), SigningKey.of(other))
                            .signature());
            var outcome = dcc.check(EVENT, forged);
            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.why()).isEqualTo("the signature does not verify");
        }

        @Test
        void solr8TheSmkiPmaEndsTheDelayAtItsDiscretionAndTheHeldRevocationsProceed() {
            revocations.delayRevocation(EVENT, Requester.smkiPma());
            revocations.requestFailedSupplierRevocation(EVENT);
            List<RevocationOutcome> proceeded = revocations.endRevocationDelay(EVENT, SolrEndCondition.PMA_DISCRETION);
            assertThat(proceeded).hasSize(3).allMatch(RevocationOutcome::isRevoked);
            assertThat(revocations
                            .solrHistory()
                            .get(revocations.solrHistory().size() - 1)
                            .rule()
                            .id())
                    .isEqualTo(id("SOLR-8"));
        }
    }

    @Nested
    class RefusedDelays {

        @Test
        void solr1RefusesAnyoneButTheSmkiPma() {
            for (Requester requester :
                    List.of(Requester.dcc(), Requester.aroOf("supplier"), Requester.parse("pma-member:Pat"))) {
                SolrOutcome outcome = revocations.delayRevocation(EVENT, requester);
                assertThat(outcome.result()).isEqualTo(Result.REFUSED);
                assertThat(outcome.rule().id()).isEqualTo(id("SOLR-1"));
                assertThat(outcome.message()).contains("is not the SMKI PMA");
            }
            assertThat(revocations.solrEvent(EVENT).revocationDelay()).isEqualTo(Delay.NOT_DELAYED);
            assertThat(revocations.requestFailedSupplierRevocation(EVENT)).allMatch(RevocationOutcome::isRevoked);
        }

        @Test
        void solr2RefusesADelayOutsideAnEvent() {
            SolrOutcome unknown = revocations.delayRevocation(SolrEventId.of("SOLR-1999-99"), Requester.smkiPma());
            assertThat(unknown.result()).isEqualTo(Result.REFUSED);
            assertThat(unknown.rule().id()).isEqualTo(id("SOLR-2"));
            assertThat(unknown.message()).contains("no SoLR event SOLR-1999-99 was opened");

            revocations.closeSolrEvent(EVENT);
            SolrOutcome closed = revocations.delayRevocation(EVENT, Requester.smkiPma());
            assertThat(closed.rule().id()).isEqualTo(id("SOLR-2"));
            assertThat(closed.message()).contains("is closed");
        }

        @Test
        void solr2RefusesADelayWhenEveryCertificateIsAlreadyRevoked() {
            revocations.requestFailedSupplierRevocation(EVENT);
            SolrOutcome outcome = revocations.delayRevocation(EVENT, Requester.smkiPma());
            assertThat(outcome.result()).isEqualTo(Result.REFUSED);
            assertThat(outcome.rule().id()).isEqualTo(id("SOLR-2"));
            assertThat(outcome.message()).contains("nothing to delay");
        }

        @Test
        void solr7RefusesANewDelayAfterAnEndCondition() {
            revocations.delayRevocation(EVENT, Requester.smkiPma());
            revocations.endRevocationDelay(EVENT, SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED);
            SolrOutcome again = revocations.delayRevocation(EVENT, Requester.smkiPma());
            assertThat(again.result()).isEqualTo(Result.REFUSED);
            assertThat(again.rule().id()).isEqualTo(id("SOLR-7"));
            assertThat(revocations.requestFailedSupplierRevocation(EVENT)).allMatch(RevocationOutcome::isRevoked);
        }

        @Test
        void anEventCannotCloseWhileItDelaysRevocations() {
            revocations.delayRevocation(EVENT, Requester.smkiPma());
            assertThatThrownBy(() -> revocations.closeSolrEvent(EVENT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("SOLR-3");
            assertThat(revocations.solrEvent(EVENT).open()).isTrue();
        }
    }

    @Nested
    class MpidTransfers {

        @Test
        void solr4TheSmkiPmaDelaysTheTransferUntilTheSolrAgreesIt() {
            SolrOutcome delay = revocations.delayMpidTransfer(EVENT, Requester.smkiPma());
            assertThat(delay.result()).isEqualTo(Result.GRANTED);
            assertThat(delay.rule().id()).isEqualTo(id("SOLR-4"));

            SolrOutcome attempt = revocations.transferMpids(EVENT);
            assertThat(attempt.result()).isEqualTo(Result.HELD);
            assertThat(revocations.solrEvent(EVENT).mpidTransfer()).isEqualTo(MpidTransfer.DELAYED);

            SolrOutcome agreed = revocations.agreeMpidTransfer(EVENT);
            assertThat(agreed.result()).isEqualTo(Result.COMPLETED);
            assertThat(agreed.message()).contains("now belong to Last Resort Energy");
            assertThat(revocations.solrEvent(EVENT).mpidTransfer()).isEqualTo(MpidTransfer.TRANSFERRED);
        }

        @Test
        void withoutADelayTheDccTransfersTheMpidsAtOnce() {
            assertThat(revocations.transferMpids(EVENT).result()).isEqualTo(Result.COMPLETED);
        }

        @Test
        void solr4RefusesOthersADelayOutsideAnEventAndADelayAfterTheTransfer() {
            SolrOutcome byDcc = revocations.delayMpidTransfer(EVENT, Requester.dcc());
            assertThat(byDcc.result()).isEqualTo(Result.REFUSED);
            assertThat(byDcc.rule().id()).isEqualTo(id("SOLR-4"));
            SolrOutcome noEvent = revocations.delayMpidTransfer(SolrEventId.of("SOLR-1999-99"), Requester.smkiPma());
            assertThat(noEvent.result()).isEqualTo(Result.REFUSED);
            assertThat(noEvent.message()).contains("no SoLR event");
            revocations.transferMpids(EVENT);
            SolrOutcome late = revocations.delayMpidTransfer(EVENT, Requester.smkiPma());
            assertThat(late.result()).isEqualTo(Result.REFUSED);
            assertThat(late.message()).contains("already transferred");
        }
    }

    @Test
    void everySolrStepIsKeptInOrder() {
        SolrOutcome refused = revocations.delayRevocation(EVENT, Requester.dcc());
        SolrOutcome granted = revocations.delayRevocation(EVENT, Requester.smkiPma());
        assertThat(revocations.solrHistory()).containsExactly(refused, granted);
        assertThat(granted.toString()).startsWith(EVENT + ": delay revocation by smki-pma GRANTED (SOLR-1)");
    }

    @Test
    void anEventIsOpenedOnce() {
        assertThatThrownBy(() -> revocations.openSolrEvent(SolrEvent.of(EVENT.value(), "supplier", "Other", "SRP")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EVENT.value());
        assertThatThrownBy(() -> SolrEvent.of("X", "supplier", "supplier", "SRP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSolrRulesCiteMp134aMp185AndSectionL16() {
        assertThat(SupplierOfLastResort.rules())
                .extracting(rule -> rule.id().value())
                .containsExactly(
                        "SOLR-1", "SOLR-2", "SOLR-3", "SOLR-4", "SOLR-5", "SOLR-6", "SOLR-7", "SOLR-8", "SOLR-9",
                        "SOLR-10");
        assertThat(SupplierOfLastResort.PMA_ONLY.citation()).contains("SEC Section L L16");
        assertThat(SupplierOfLastResort.MPID_TRANSFER.sources().get(0).source()).isEqualTo("MP185");
        assertThat(SupplierOfLastResort.DISPLACES_SECTION_8.confidence())
                .isEqualTo(dev.smki.core.provenance.Confidence.VERIFIED);
        assertThat(SupplierOfLastResort.DISPLACES_SECTION_8.citation()).contains("seed 003", "does not apply");
        assertThat(List.of(SupplierOfLastResort.HELD_THEN_DECIDED, SupplierOfLastResort.NO_SECOND_DELAY))
                .allSatisfy(rule -> assertThat(rule.confidence().isAssumption()).isTrue());
    }
}
