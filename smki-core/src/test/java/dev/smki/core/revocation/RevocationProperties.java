package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkis;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

class RevocationProperties implements WithQuickTheories {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    static final TestPki PKI = TestPkis.seeded(7);
    static final List<Requester> REQUESTERS = List.of(
            Requester.dcc(),
            Requester.smkiPma(),
            Requester.aroOf("supplier"),
            Requester.aroOf("network-operator"),
            Requester.parse("pma-member:Pat"),
            Requester.parse("other:someone"));
    static final List<IssuedCertificate> SIGNERS = List.of(PKI.issuingOca(), PKI.rootOca());

    /** One step of a random run: what kind, and two numbers that pick its target, requester, reason or signer. */
    record Step(int kind, int a, int b) {}

    private Gen<List<Step>> steps(int kinds, int maxSize) {
        Gen<Step> step = integers()
                .between(0, kinds - 1)
                .zip(integers().between(0, 999), integers().between(0, 999), Step::new);
        return lists().of(step).ofSizeBetween(0, maxSize);
    }

    private static <T> T pick(List<T> values, int index) {
        return values.get(index % values.size());
    }

    @Test
    void revocationIsMonotoneAndEachListHoldsThePreviousOneAndEveryRevokedCertificate() {
        qt().withExamples(150).forAll(steps(4, 20)).checkAssert(steps -> {
            SettableClock clock = SettableClock.at(START);
            CertificateRegistry registry = PKI.certificateRegistry();
            Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);
            List<RegisteredCertificate> certificates = registry.all();
            Map<BigInteger, Revocation> revokedSoFar = new HashMap<>();
            Map<IssuedCertificate, RevocationList> lastList = new HashMap<>();
            for (Step step : steps) {
                switch (step.kind()) {
                    case 0 ->
                        revocations.submit(RevocationRequest.of(
                                pick(certificates, step.a()).serial(),
                                pick(List.of(RevocationReason.values()), step.b()),
                                pick(REQUESTERS, step.b() / 7)));
                    case 1 -> {
                        IssuedCertificate signer = pick(SIGNERS, step.a());
                        RevocationList list = revocations.publish(signer);
                        RevocationList previous = lastList.put(signer, list);
                        if (previous != null) {
                            assertThat(list.serials())
                                    .as("REV-7 contents only grow")
                                    .containsAll(previous.serials());
                            assertThat(list.number())
                                    .isEqualTo(previous.number().add(BigInteger.ONE));
                        }
                        Set<BigInteger> issuedAndRevoked =
                                registry
                                        .issuedBy(signer.parsed()
                                                .subjectKeyIdentifier()
                                                .orElseThrow())
                                        .stream()
                                        .filter(RegisteredCertificate::isRevoked)
                                        .map(RegisteredCertificate::serial)
                                        .collect(Collectors.toSet());
                        assertThat(list.serials()).as("REV-7 on the next list").isEqualTo(issuedAndRevoked);
                        assertThat(list.isSignedBy(signer.parsed())).isTrue();
                    }
                    case 2 -> clock.advance(Duration.ofMinutes(1 + step.a()));
                    default -> {
                        RegisteredCertificate target = pick(certificates, step.a());
                        CertificateStatus status = pick(List.of(CertificateStatus.values()), step.b());
                        try {
                            registry.moveTo(target.serial(), status);
                        } catch (IllegalArgumentException | IllegalStateException refused) {
                            assertThat(registry.require(target.serial())
                                                    .status()
                                                    .mayMoveTo(status)
                                            && status != CertificateStatus.REVOKED)
                                    .isFalse();
                        }
                    }
                }
                for (Map.Entry<BigInteger, Revocation> e : revokedSoFar.entrySet()) {
                    assertThat(registry.require(e.getKey()).revocation())
                            .as("REV-1 revoked is final")
                            .hasValue(e.getValue());
                }
                registry.byStatus(CertificateStatus.REVOKED)
                        .forEach(
                                c -> revokedSoFar.put(c.serial(), c.revocation().orElseThrow()));
            }
            assertThat(registry.byStatus(CertificateStatus.REVOKED)).hasSize(revokedSoFar.size());
        });
    }

    /**
     * A reference model of a SoLR event over the failed Supplier's certificates: the same rules, written as
     * directly as possible.
     */
    static final class SolrModel {
        final Set<BigInteger> unrevoked;
        final Set<BigInteger> revoked = new HashSet<>();
        final java.util.ArrayList<RevocationRequest> held = new java.util.ArrayList<>();
        boolean delayed;
        boolean granted;
        boolean ended;

        SolrModel(Set<BigInteger> failedSupplierSerials) {
            this.unrevoked = new HashSet<>(failedSupplierSerials);
        }

        boolean grant(Requester requester) {
            boolean ok = requester.kind() == RequesterKind.SMKI_PMA && !ended && (delayed || !unrevoked.isEmpty());
            if (ok) {
                delayed = true;
                granted = true;
            }
            return ok;
        }

        void request(RevocationRequest request) {
            if (delayed) {
                held.add(request);
                return;
            }
            Requester r = request.requester();
            boolean may = request.reason().appliesToCertificates()
                    && (r.kind() == RequesterKind.DCC
                            || r.kind() == RequesterKind.SMKI_PMA
                            || r.actsFor(Subscriber.of("supplier")));
            if (may && unrevoked.remove(request.serial())) {
                revoked.add(request.serial());
            }
        }

        void end() {
            ended = true;
            if (delayed) {
                delayed = false;
                List<RevocationRequest> proceeding = List.copyOf(held);
                held.clear();
                proceeding.forEach(this::request);
            }
        }

        void dccRequestsAll() {
            for (BigInteger serial : List.copyOf(unrevoked)) {
                request(RevocationRequest.of(serial, RevocationReason.NO_LONGER_ELIGIBLE, Requester.dcc()));
            }
        }
    }

    @Test
    void theFailedSuppliersCertificatesEndRevokedExactlyWhenNoDelayWasGrantedOrAnEndConditionWasReached() {
        qt().withExamples(300).forAll(steps(6, 14)).checkAssert(steps -> {
            SettableClock clock = SettableClock.at(START);
            CertificateRegistry registry = PKI.certificateRegistry();
            Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);
            SolrEventId event = SolrEventId.of("SOLR-1");
            revocations.openSolrEvent(SolrEvent.of(event.value(), "supplier", "Last Resort Energy", "SRP"));
            List<RegisteredCertificate> failed = registry.bySubscriber(Subscriber.of("supplier"));
            SolrModel model = new SolrModel(
                    failed.stream().map(RegisteredCertificate::serial).collect(Collectors.toSet()));
            for (Step step : steps) {
                switch (step.kind()) {
                    case 0 -> {
                        Requester requester = pick(REQUESTERS, step.a());
                        boolean expected = model.grant(requester);
                        assertThat(revocations.delayRevocation(event, requester).isAccepted())
                                .as("SOLR-1/2/3: delay asked by %s", requester)
                                .isEqualTo(expected);
                    }
                    case 1 -> {
                        model.end();
                        revocations.endRevocationDelay(event, pick(List.of(SolrEndCondition.values()), step.a()));
                    }
                    case 2 -> {
                        model.dccRequestsAll();
                        revocations.requestFailedSupplierRevocation(event);
                    }
                    case 3 -> {
                        RevocationRequest request = RevocationRequest.of(
                                pick(failed, step.a()).serial(),
                                pick(List.of(RevocationReason.values()), step.b()),
                                pick(REQUESTERS, step.b() / 7));
                        model.request(request);
                        revocations.submit(request);
                    }
                    case 4 -> revocations.delayMpidTransfer(event, pick(REQUESTERS, step.a()));
                    default -> {
                        clock.advance(Duration.ofHours(1));
                        revocations.publish(PKI.issuingOca());
                    }
                }
                assertThat(revokedOf(registry, failed))
                        .as("revoked after %s", step)
                        .isEqualTo(model.revoked);
                assertThat(revocations.solrEvent(event).isDelayInForce()).isEqualTo(model.delayed);
            }
            model.dccRequestsAll();
            revocations.requestFailedSupplierRevocation(event);

            boolean granted = revocations.solrHistory().stream()
                    .anyMatch(o -> o.action().equals("delay revocation") && o.isAccepted());
            boolean ended = revocations.solrEvent(event).endedBy().isPresent();
            Set<BigInteger> revoked = revokedOf(registry, failed);
            assertThat(revoked.size() == failed.size())
                    .as(
                            "SOLR-3: all revoked exactly when no delay was granted (%s) or an end condition was reached"
                                    + " (%s)",
                            granted, ended)
                    .isEqualTo(!granted || ended);
            assertThat(revoked).isEqualTo(model.revoked);
            clock.advance(Duration.ofHours(1));
            assertThat(revocations.publish(PKI.issuingOca()).serials()).containsAll(revoked);
        });
    }

    private static Set<BigInteger> revokedOf(CertificateRegistry registry, List<RegisteredCertificate> certificates) {
        return certificates.stream()
                .map(c -> registry.require(c.serial()))
                .filter(RegisteredCertificate::isRevoked)
                .map(RegisteredCertificate::serial)
                .collect(Collectors.toSet());
    }

    @Test
    void theRegistryTextFormReadsBackWhateverTheStatuses() {
        qt().withExamples(100).forAll(steps(2, 12)).checkAssert(steps -> {
            CertificateRegistry registry = PKI.certificateRegistry();
            Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), SettableClock.at(START));
            List<RegisteredCertificate> certificates = registry.all();
            for (Step step : steps) {
                RegisteredCertificate target = pick(certificates, step.a());
                if (step.kind() == 0) {
                    revocations.submit(RevocationRequest.of(
                            target.serial(), pick(List.of(RevocationReason.values()), step.b()), Requester.dcc()));
                } else {
                    CertificateStatus status = pick(List.of(CertificateStatus.values()), step.b());
                    if (status != CertificateStatus.REVOKED
                            && registry.require(target.serial()).status().mayMoveTo(status)) {
                        registry.moveTo(target.serial(), status);
                    }
                }
            }
            assertThat(RegistryText.read(RegistryText.write(registry.all()))).isEqualTo(registry.all());
            assertThat(Optional.of(registry.all().size())).hasValue(certificates.size());
        });
    }
}
