package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.RegisteredCertificate;
import dev.smki.recovery.incident.RelevantSubscribers;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.DecisionsPlan;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.IncidentState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of compromise rehearsed from its built-in plan over 1,000 Devices: the rehearsal closes, every Relevant
 * Device ends recovered or written off with a reason, and none that is not written off still holds (so trusts) a
 * compromised key, every cell of a multi-cell compromise included. Failures are kept to the uncontactable share, so a
 * write-off is still exercised, without busy retries.
 */
class BuiltInScenariosTests {

    static final int DEVICES = 1_000;

    /** Rehearses {@code scenario} to its end and returns the world it leaves, with the result. */
    private static Outcome rehearse(String scenario) {
        ExercisePlan plan = ExercisePlan.builtIn(scenario).withDevices(DEVICES).withFailures(0.002, 0, 1);
        try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.inMemory())) {
            RehearsalResult result = rehearsal.finish();
            return new Outcome(result, rehearsal.state());
        }
    }

    private record Outcome(RehearsalResult result, IncidentState world) {}

    private static KeyIdentifier key(IssuedCertificate certificate) {
        return certificate.parsed().subjectKeyIdentifier().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "method-1",
                "network-operator-key",
                "acb-key",
                "wan-provider-key",
                "transitional-cos-key",
                "multi-cell",
                "recovery-key-compromise",
                "contingency-key",
                "contingency",
                "contingency-reissue-first",
                "recovery-key-direction"
            })
    void everyRelevantDeviceEndsRecoveredOrWrittenOffAndNoneStillTrustsACompromisedKey(String scenario) {
        Outcome outcome = rehearse(scenario);
        RehearsalResult result = outcome.result();

        assertThat(result.complete()).as(scenario + ": " + result.anomalies()).isTrue();
        assertThat(result.devices().total()).isEqualTo(DEVICES);
        assertThat(result.devices().relevant()).isPositive();
        assertThat(result.devices().recovered() + result.devices().writtenOff())
                .isEqualTo(result.devices().relevant());
        assertThat(result.devices().holdingCompromisedKey())
                .isEqualTo(result.devices().writtenOff());
        List<IssuedCertificate> compromised = outcome.world().compromisedCertificates();
        assertThat(compromised).isNotEmpty();
        for (IssuedCertificate certificate : compromised) {
            // Only a written-off Device (never reached) may still hold a compromised key: every other one trusts it no
            // more, whichever of the compromised cells it holds.
            assertThat(outcome.world().fleet().holding(certificate))
                    .as("%s: commissioned Devices still holding %s", scenario, certificate)
                    .isLessThanOrEqualTo(result.devices().writtenOff());
        }
        assertThat(result.anomalies())
                .extracting(Anomaly::kind)
                .doesNotContain(Anomaly.Kind.REFUSED, Anomaly.Kind.REVOCATION_REFUSED, Anomaly.Kind.NOT_ATTEMPTED);
    }

    @Test
    void aMultiCellCompromiseReplacesTheSuppliersSigningKeyAgreementAndTopUpCellsTogether() {
        Outcome outcome = rehearse("multi-cell");

        List<IssuedCertificate> compromised = outcome.world().compromisedCertificates();
        assertThat(compromised)
                .extracting(c -> c.parsed().subjectKeyIdentifier().orElseThrow())
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(outcome.world().pki().replacements()).hasSize(3);
        outcome.world()
                .pki()
                .replacements()
                .values()
                .forEach(renewed -> assertThat(outcome.world().fleet().holding(renewed))
                        .as("Devices holding the new %s", renewed)
                        .isPositive());
        for (IssuedCertificate old : compromised) {
            assertThat(outcome.world()
                            .registry()
                            .certificates()
                            .require(old.serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
        }
    }

    @Test
    void anIssuingOcaCompromiseRevokesItReissuesEveryOrganisationCertificateAndNeedsNoDeviceCommand() {
        Outcome outcome = rehearse("issuing-oca-key");
        RehearsalResult result = outcome.result();
        IssuedCertificate compromised = outcome.world().pki().current().issuingOca();
        IssuedCertificate renewed = outcome.world().pki().newIssuingOca().orElseThrow();

        assertThat(result.complete()).as(result.anomalies().toString()).isTrue();
        assertThat(result.devices().relevant()).isZero();
        assertThat(outcome.world().fleet().holding(compromised))
                .as("no Device's cell holds the Issuing OCA's key, so no Device trusts it")
                .isZero();
        Map<String, RegisteredCertificate> inUse = new java.util.HashMap<>();
        outcome.world().registry().certificates().byKind(ProfileKind.ORGANISATION).stream()
                .filter(c -> c.status() == CertificateStatus.IN_USE)
                .forEach(c -> inUse.put(c.serialHex(), c));
        assertThat(inUse.values())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.issuerKeyId()).isNotEqualTo(Optional.of(key(compromised))));
        assertThat(outcome.world().registry().certificates().issuedBy(key(renewed)))
                .hasSize(14);
        assertThat(outcome.world()
                        .registry()
                        .certificates()
                        .require(compromised.serialNumber())
                        .status())
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(outcome.world()
                        .revocation()
                        .revocations()
                        .lastPublished(outcome.world().pki().current().rootOca())
                        .orElseThrow()
                        .lists(compromised.serialNumber()))
                .as("on the Root's ARL")
                .isTrue();
        assertThat(result.relevantSubscribers().names()).contains("DCC", "supplier", "network-operator");
    }

    @Test
    void theRecoveryKeyDirectionIsTheSmkiPmasActAndTheDccActsUnderIt() {
        RehearsalResult result = rehearse("recovery-key-direction").result();

        Map<String, String> actors = new java.util.LinkedHashMap<>();
        result.timeline()
                .forEach(e -> actors.putIfAbsent(e.step().value(), e.actor().role()));
        assertThat(actors)
                .containsEntry("RKD1", "SMKI_PMA")
                .containsEntry("RKD2", "DCC")
                .containsEntry("RKD4", "DCC")
                .containsEntry("RKD5", "DCC")
                .containsEntry("RKD7", "DCC");
        assertThat(result.timeline().get(0).effect()).startsWith("SMKI PMA directs the DCC: ");
    }

    @Test
    void theRecoveryKeyIsNotActivatedOnceTheDirectionsWindowHasPassed() {
        ExercisePlan plan = ExercisePlan.builtIn("recovery-key-direction").withDevices(50);
        ExercisePlan late = plan.withDecisions(new DecisionsPlan(
                plan.decisions().mechanism(),
                plan.decisions().guidance(),
                plan.decisions().confirmationMechanism(),
                plan.decisions().confirmedWith(),
                plan.decisions().directionUse(),
                Duration.ofMinutes(30),
                plan.decisions().afterUse(),
                plan.decisions().afterUseReason(),
                plan.decisions().authorisingKey(),
                plan.decisions().solrEnd()));

        RehearsalResult result = Rehearsal.run(late);

        assertThat(result.complete()).isFalse();
        assertThat(result.anomalies())
                .anyMatch(a ->
                        a.text().startsWith("RKD4 by DCC refused") && a.text().contains("RKD-2"));
        assertThat(result.devices().recovered()).isZero();
    }

    @Test
    void aRootOcaCompromiseNamesItsRelevantSubscribersByPartyCategory() {
        RehearsalResult result =
                Rehearsal.run(ExercisePlan.builtIn("contingency").withDevices(200));

        RelevantSubscribers subscribers = result.relevantSubscribers();
        assertThat(subscribers.names()).contains("DCC", "supplier", "network-operator");
        assertThat(subscribers.subscribers())
                .filteredOn(s -> s.name().equals("DCC"))
                .singleElement()
                .satisfies(s -> assertThat(s.reasons())
                        .contains(RelevantSubscribers.Reason.SUBSCRIBER_OF_COMPROMISED_CERTIFICATE));
        assertThat(subscribers.subscribers())
                .filteredOn(s -> s.name().equals("supplier"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.category()).isEqualTo(RelevantSubscribers.PartyCategory.LARGE_SUPPLIERS);
                    assertThat(s.reasons())
                            .contains(
                                    RelevantSubscribers.Reason.CHAINS_TO_COMPROMISED_KEY,
                                    RelevantSubscribers.Reason.DEVICES_HOLD_COMPROMISED_KEY);
                    assertThat(s.devices())
                            .isPositive()
                            .isLessThanOrEqualTo(result.devices().relevant());
                });
        assertThat(result.timeline())
                .filteredOn(e -> e.step().value().equals("N5"))
                .singleElement()
                .satisfies(e -> assertThat(e.effect()).contains("Relevant Subscribers", "notified"));
    }

    @Test
    void aSupplierKeyCompromiseHasTheSupplierAsRelevantSubscriberAndNoOneChainingToIt() {
        RehearsalResult result =
                Rehearsal.run(ExercisePlan.builtIn("recovery-key").withDevices(200));

        assertThat(result.relevantSubscribers().subscribers())
                .filteredOn(s -> s.name().equals("supplier"))
                .singleElement()
                .satisfies(s -> assertThat(s.reasons())
                        .containsExactlyInAnyOrder(
                                RelevantSubscribers.Reason.SUBSCRIBER_OF_COMPROMISED_CERTIFICATE,
                                RelevantSubscribers.Reason.DEVICES_HOLD_COMPROMISED_KEY));
        assertThat(result.relevantSubscribers().subscribers())
                .noneMatch(s -> s.reasons().contains(RelevantSubscribers.Reason.CHAINS_TO_COMPROMISED_KEY));
    }
}
