package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.Device;
import dev.smki.core.device.TrustAnchorCell;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.RevocationList;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyActivation;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.RecoveryKeyPolicy;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.procedures.SupplierOfLastResortDelay;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RehearsalTests {

    private static final int FLEET = 1_000;

    private static Rehearsal finished(RehearsalParameters parameters) {
        Rehearsal rehearsal = Rehearsal.start(parameters, Journal.inMemory());
        rehearsal.finish();
        return rehearsal;
    }

    private static List<String> acceptedSteps(RehearsalResult result) {
        return result.timeline().stream()
                .filter(TimelineEntry::accepted)
                .map(TimelineEntry::stepAndItem)
                .toList();
    }

    private static void assertClean(RehearsalResult result) {
        assertThat(result.complete()).as("complete").isTrue();
        assertThat(result.anomalies()).as("anomalies").isEmpty();
        assertThat(result.timeline())
                .allSatisfy(e -> assertThat(e.accepted()).as(e.toString()).isTrue());
    }

    @Nested
    class SupplierKeyCompromise {

        private void assertEveryRelevantDeviceHolds(World world, IssuedCertificate expected) {
            KeyIdentifier compromised = world.supplierSigningCertificate()
                    .parsed()
                    .subjectKeyIdentifier()
                    .orElseThrow();
            assertThat(world.relevantDevices()).hasSizeGreaterThan(FLEET / 2).allSatisfy(device -> {
                TrustAnchorCell cell =
                        device.credentials().cell(TrustAnchorCellId.SUPPLIER_DS).orElseThrow();
                assertThat(cell.subjectKeyId())
                        .isEqualTo(expected.parsed().subjectKeyIdentifier().orElseThrow());
                assertThat(device.holds(compromised)).isFalse();
            });
        }

        @Test
        void recoversEveryRelevantDeviceByMethodThreeWithTheSubscribersNewKey() {
            Rehearsal rehearsal = finished(RehearsalParameters.of(Scenario.RECOVERY_KEY)
                    .withDevices(FLEET)
                    .withMethod(RecoveryKeyUse.Method.METHOD_3)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            World world = rehearsal.world();

            assertClean(result);
            assertThat(result.procedure()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M3");
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(result.devices().holdingCompromisedKey()).isZero();
            assertEveryRelevantDeviceHolds(world, world.replacement);
            assertThat(world.replacement.serialNumber())
                    .isNotEqualTo(world.supplierSigningCertificate().serialNumber());
            assertThat(world.registry
                            .require(world.supplierSigningCertificate().serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            RevocationList crl =
                    world.revocations.lastPublished(world.pki.issuingOca()).orElseThrow();
            assertThat(crl.lists(world.supplierSigningCertificate().serialNumber()))
                    .isTrue();
            assertThat(acceptedSteps(result))
                    .containsSubsequence("D3", "R1", "R2[KC-01]", "R2[KC-02]", "R2[KC-03]", "R3", "R4", "R5", "R6")
                    .containsSubsequence("N6", "RV2", "RV3", "R11");
        }

        @Test
        void recoversEveryRelevantDeviceByMethodTwoThroughTheDccsAccessControlBrokerKey() {
            Rehearsal rehearsal = finished(RehearsalParameters.of(Scenario.RECOVERY_KEY)
                    .withDevices(FLEET)
                    .withMethod(RecoveryKeyUse.Method.METHOD_2)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            World world = rehearsal.world();

            assertClean(result);
            assertThat(result.procedure()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M2");
            assertThat(world.replacement)
                    .isEqualTo(world.pki.organisationCertificate(
                            RemotePartyRole.ACCESS_CONTROL_BROKER, KeyUsage.DIGITAL_SIGNATURE));
            assertEveryRelevantDeviceHolds(world, world.subscriberCertificate);
            assertThat(world.relevantDevices()).allSatisfy(device -> {
                assertThat(device.holds(world.replacement
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow()))
                        .isFalse();
                assertThat(device.credentials().floor(RemotePartyRole.SUPPLIER)).isEqualTo(World.NEW_FLOOR + 1);
            });
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(result.devices().holdingCompromisedKey()).isZero();
            assertThat(result.timeline())
                    .filteredOn(e -> e.step().value().equals("R8"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.effect())
                            .startsWith(result.devices().relevant() + " commands sent in 1 round: "
                                    + result.devices().relevant() + " executed"));
        }

        @Test
        void leavesEveryRelevantDeviceOnTheCompromisedKeyWhenOnlyNotified() {
            RehearsalResult result =
                    Rehearsal.run(RehearsalParameters.of(Scenario.NOTIFY_ONLY).withDevices(200));

            assertClean(result);
            assertThat(acceptedSteps(result))
                    .containsExactly("N1", "N2", "N3", "N4", "N5", "N6", "D1", "D2", "D3", "D4");
            assertThat(result.timeline().get(8).effect()).isEqualTo("SMKI PMA requires " + RecoveryMechanism.NONE);
            assertThat(result.devices().recovered()).isZero();
            assertThat(result.devices().holdingCompromisedKey())
                    .isEqualTo(result.devices().relevant());
        }
    }

    @Nested
    class RootCompromise {

        private final Rehearsal rehearsal = finished(
                RehearsalParameters.of(Scenario.CONTINGENCY).withDevices(FLEET).withoutFailures());
        private final World world = rehearsal.world();

        @Test
        void givesEveryRelevantDeviceTheNewRootWithAFreshWrappedContingencyKey() {
            RehearsalResult result = rehearsal.result();
            TestPki newPki = world.newPki;

            assertClean(result);
            assertThat(result.procedure()).isEqualTo("ROOT_OCA_COMPROMISE");
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(world.relevantDevices())
                    .hasSizeGreaterThan(FLEET * 9 / 10)
                    .allSatisfy(device -> {
                        TrustAnchorCell root = device.credentials()
                                .cell(TrustAnchorCellId.ROOT)
                                .orElseThrow();
                        assertThat(root.subjectKeyId())
                                .isEqualTo(newPki.rootOca()
                                        .parsed()
                                        .subjectKeyIdentifier()
                                        .orElseThrow());
                        assertThat(root.wrappedContingencyKey()
                                        .orElseThrow()
                                        .unwrap(newPki.contingency().symmetricKey()))
                                .contains(newPki.contingency().publicKeyInfo());
                        assertThat(root.wrappedContingencyKey()
                                        .orElseThrow()
                                        .unwrap(world.pki.contingency().symmetricKey()))
                                .isEmpty();
                    });
            assertThat(world.relevantDevices())
                    .allSatisfy(d -> assertThat(d.holds(world.pki
                                    .rootOca()
                                    .parsed()
                                    .subjectKeyIdentifier()
                                    .orElseThrow()))
                            .isFalse());
        }

        @Test
        void leavesTheOldSymmetricKeyUselessOnEveryUpdatedDevice() {
            TestPki attacker = world.pki.withNewRootOca().withNewRootOca();
            UpdateSecurityCredentials replay = UpdateSecurityCredentials.builder(
                            CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                    .symmetricKey(world.pki.contingency().symmetricKey())
                    .sequenceNumber(2)
                    .replace(TrustAnchorCellId.ROOT, attacker.rootOca().parsed())
                    .build();
            Authoriser oldContingency = world.pki.contingencyAuthoriser();

            assertThat(world.relevantDevices().subList(0, 50)).allSatisfy(device -> {
                CommandOutcome outcome = device.apply(replay.sign(oldContingency, device.eui64()));
                assertThat(outcome.isAccepted()).isFalse();
                assertThat(outcome.refusedBy().orElseThrow().id().value()).isEqualTo("DEV-5");
            });
        }

        @Test
        void revokesTheOldOcaOnlyAfterTheDevicesHoldTheNewRootAndReissuesEveryOrganisationCertificateUnderIt() {
            List<String> steps = acceptedSteps(rehearsal.result());

            assertThat(steps)
                    .containsSubsequence("C2", "C4", "C5", "C6", "C8", "CS1", "CS6", "C9", "DS4", "C10", "C11");
            assertThat(world.registry
                            .require(world.pki.issuingOca().serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            assertThat(world.revocations
                            .lastPublished(world.pki.rootOca())
                            .orElseThrow()
                            .lists(world.pki.issuingOca().serialNumber()))
                    .isTrue();
            assertThat(world.reissued())
                    .hasSize(World.eligibleCredentials().size())
                    .allSatisfy((stem, renewed) -> {
                        assertThat(renewed.certificate().getIssuer())
                                .isEqualTo(
                                        world.newPki.issuingOca().certificate().getSubject());
                        assertThat(renewed.publicKey())
                                .isEqualTo(world.pki
                                        .organisationCertificate(
                                                World.eligibleCredentials().get(stem))
                                        .publicKey());
                    });
        }

        @Test
        void putsTheNewContingencyMaterialIntoCustodyAndNoLongerTheSpentOne() {
            KeyUseAuthorisation drill = new KeyUseAuthorisation() {
                @Override
                public String incidentReference() {
                    return "DRILL";
                }

                @Override
                public boolean authorises(CustodyKey key) {
                    return true;
                }
            };
            KeyActivation ceremony = world.hsm.beginActivation(CustodyKey.CONTINGENCY_SYMMETRIC_KEY, drill);
            for (Map.Entry<CustodianId, List<KeyShare>> holder : world.shares.entrySet()) {
                holder.getValue().stream()
                        .filter(s -> s.key() == CustodyKey.CONTINGENCY_SYMMETRIC_KEY)
                        .forEach(ceremony::present);
            }

            assertThat(ceremony.activate().secret())
                    .isEqualTo(world.newPki.contingency().symmetricKey().toOctets())
                    .isNotEqualTo(world.pki.contingency().symmetricKey().toOctets());
        }
    }

    @Nested
    class RecoveryKeyReplacement {

        @Test
        void replacesTheRecoveryCellOnEveryRelevantDeviceRevokesTheOldCertificateAndResharesTheNewKey() {
            Rehearsal rehearsal = finished(RehearsalParameters.of(Scenario.RECOVERY_KEY_REPLACEMENT)
                    .withDevices(FLEET)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            World world = rehearsal.world();
            IssuedCertificate old = world.recoveryCertificate();

            assertClean(result);
            assertThat(result.devices().recovered())
                    .isEqualTo(result.devices().relevant())
                    .isGreaterThan(FLEET * 9 / 10);
            assertThat(world.relevantDevices())
                    .allSatisfy(device -> assertThat(device.credentials()
                                    .cell(TrustAnchorCellId.RECOVERY)
                                    .orElseThrow()
                                    .subjectKeyId())
                            .isEqualTo(world.replacement
                                    .parsed()
                                    .subjectKeyIdentifier()
                                    .orElseThrow()));
            assertThat(world.registry.require(old.serialNumber()).status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(world.shares.values())
                    .allSatisfy(held -> assertThat(held)
                            .filteredOn(s -> s.key() == CustodyKey.RECOVERY_PRIVATE_KEY)
                            .singleElement()
                            .satisfies(s -> assertThat(s.generation()).isGreaterThan(1)));
        }

        @Test
        void replacesNothingWhenTheDirectionIsToReuse() {
            RehearsalResult result = Rehearsal.run(RehearsalParameters.of(Scenario.RECOVERY_KEY_REPLACEMENT)
                    .withDevices(100)
                    .withSettings(ProcedureSettings.defaults().withRecoveryKeyPolicy(RecoveryKeyPolicy.MAY_REUSE)));

            assertThat(result.complete()).isFalse();
            assertThat(result.timeline().get(1).outcome()).contains("RKD-2 replacement directed");
            assertThat(result.anomalies()).first().asString().startsWith("RK1 by DCC refused");
            assertThat(result.devices().recovered()).isZero();
        }
    }

    @Nested
    class SupplierOfLastResort {

        @Test
        void delaysTheFailedSuppliersRevocationsUntilTheEndConditionThenRevokesAndPublishesThem() {
            Rehearsal rehearsal =
                    Rehearsal.start(RehearsalParameters.of(Scenario.SOLR).withDevices(100), Journal.inMemory());
            World world = rehearsal.world();
            IssuedCertificate failed = world.supplierSigningCertificate();
            while (!rehearsal.step().step().equals(SupplierOfLastResortDelay.SAFE_MODE)) {
                assertThat(world.registry.require(failed.serialNumber()).status())
                        .isEqualTo(CertificateStatus.IN_USE);
            }
            assertThat(world.solrEvent().orElseThrow().held()).hasSize(3);

            TimelineEntry end = rehearsal.step();
            assertThat(end.step()).isEqualTo(SupplierOfLastResortDelay.DELAY_ENDED);
            assertThat(world.registry.require(failed.serialNumber()).status()).isEqualTo(CertificateStatus.REVOKED);
            RehearsalResult result = rehearsal.finish();

            assertClean(result);
            assertThat(world.revocations
                            .lastPublished(world.pki.issuingOca())
                            .orElseThrow()
                            .lists(failed.serialNumber()))
                    .isTrue();
            assertThat(result.timeline())
                    .extracting(e -> e.step().value())
                    .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
            TimelineEntry delayed = result.timeline().get(1);
            assertThat(Duration.between(delayed.time(), end.time()))
                    .isEqualTo(Duration.ofDays(14).plusHours(1));
            assertThat(result.breachedDeadlines()).isEmpty();
            assertThat(world.solrEvent().orElseThrow().open()).isFalse();
        }

        @Test
        void reportsTheDelayBreachingItsDeadlineWhenTheEndConditionComesLate() {
            RehearsalResult result = Rehearsal.run(RehearsalParameters.of(Scenario.SOLR)
                    .withDevices(50)
                    .withSettings(ProcedureSettings.defaults().withDuration("pace.S6", Duration.ofDays(30))));

            assertThat(result.anomalies()).containsExactly("deadline T_solrDelay breached by PT217H");
        }
    }

    @Nested
    class InjectedFailures {

        @Test
        void writesOffTheDevicesThatCannotBeUpdatedWithAReasonAndClosesOnceEveryOtherHoldsTheNewRoot() {
            Rehearsal rehearsal = finished(RehearsalParameters.of(Scenario.CONTINGENCY)
                    .withDevices(FLEET)
                    .withFailures(0.02, 0.2, 1));
            RehearsalResult result = rehearsal.result();
            World world = rehearsal.world();
            DeviceCounts devices = result.devices();
            KeyIdentifier oldRoot =
                    world.pki.rootOca().parsed().subjectKeyIdentifier().orElseThrow();
            KeyIdentifier newRoot =
                    world.newPki.rootOca().parsed().subjectKeyIdentifier().orElseThrow();

            assertThat(result.complete()).isTrue();
            assertThat(devices.writtenOff()).isGreaterThan(FLEET / 100);
            assertThat(devices.recovered() + devices.writtenOff()).isEqualTo(devices.relevant());
            assertThat(devices.holdingCompromisedKey()).isEqualTo(devices.writtenOff());
            assertThat(world.relevantDevices())
                    .allSatisfy(device -> assertThat(
                                    device.holds(world.writtenOff().containsKey(device) ? oldRoot : newRoot))
                            .isTrue());
            assertThat(world.writtenOff().values())
                    .extracting(w -> w.reason().slug())
                    .containsOnly("uncontactable", "busy")
                    .contains("uncontactable");
            assertThat(result.anomalies())
                    .anySatisfy(
                            a -> assertThat(a).startsWith(devices.writtenOff() + " Relevant Devices written off: {"))
                    .anySatisfy(a -> assertThat(a)
                            .isEqualTo(devices.writtenOff() + " Relevant Devices still holding the replaced key"));
            assertThat(result.reports())
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.operation()).isEqualTo("C5"));
            assertThat(result.reports().get(result.reports().size() - 1).isSettled())
                    .isTrue();
            TimelineEntry sent = result.timeline().stream()
                    .filter(e -> e.step().value().equals("C5"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sent.effect()).contains("2 rounds").contains(devices.writtenOff() + " written off");
            assertThat(result.progress())
                    .last()
                    .satisfies(p -> assertThat(p.pending()).isZero());
        }
    }

    @Nested
    class ProgressReports {

        @Test
        void tellsTheListenerEveryProgressReportOfTheDeviceUpdatesWhileTheStepRuns() {
            List<RecoveryProgress> heard = new CopyOnWriteArrayList<>();
            List<Integer> heardBySentEntry = new ArrayList<>();
            RehearsalResult result;
            try (Rehearsal rehearsal = Rehearsal.start(
                    RehearsalParameters.of(Scenario.CONTINGENCY).withDevices(300), Journal.inMemory())) {
                rehearsal.onProgress(heard::add).onEntry(entry -> {
                    if (entry.step().value().equals("C5")) {
                        heardBySentEntry.add(heard.size());
                    }
                });
                result = rehearsal.finish();
            }

            assertThat(heard).isEqualTo(result.reports()).hasSizeGreaterThan(3);
            assertThat(heardBySentEntry).containsExactly(heard.size());
            RecoveryProgress first = heard.get(0);
            RecoveryProgress last = heard.get(heard.size() - 1);
            assertThat(first.operation()).isEqualTo("C5");
            assertThat(first.pending()).isEqualTo(result.devices().relevant());
            assertThat(last.pending()).isZero();
            assertThat(last.succeeded()).isEqualTo(result.devices().recovered());
        }
    }

    @Nested
    class Determinism {

        @Test
        void givesEqualResultsForEqualParametersAndOtherKeysForAnotherSeed() {
            RehearsalParameters parameters =
                    RehearsalParameters.of(Scenario.CONTINGENCY).withDevices(60).withSeed(11);

            RehearsalResult first = Rehearsal.run(parameters);
            RehearsalResult second = Rehearsal.run(parameters);
            RehearsalResult other = Rehearsal.run(parameters.withSeed(12));

            assertThat(second).isEqualTo(first);
            assertThat(other.journalHead()).isNotEqualTo(first.journalHead());
            assertThat(other.timeline().get(4).effect())
                    .isNotEqualTo(first.timeline().get(4).effect());
        }

        @Test
        void timesEachStepByItsPaceFromTheStart() {
            RehearsalResult result =
                    Rehearsal.run(RehearsalParameters.of(Scenario.NOTIFY_ONLY).withDevices(10));

            assertThat(result.timeline().get(0).time())
                    .isEqualTo(RehearsalParameters.DEFAULT_START.plus(Duration.ofMinutes(30)));
            assertThat(result.timeline().get(1).time())
                    .isEqualTo(result.timeline().get(0).time().plus(Duration.ofHours(1)));
            assertThat(result.timeline().get(2).time())
                    .isEqualTo(result.timeline().get(1).time().plus(Duration.ofHours(2)));
            assertThat(result.timeline())
                    .extracting(TimelineEntry::title)
                    .first()
                    .isEqualTo("Compromise of a Relevant Private Key detected or suspected");
        }

        @Test
        void findsTheRelevantDevicesAmongTheCommissionedOnesOnly() {
            Rehearsal rehearsal = finished(RehearsalParameters.of(Scenario.NOTIFY_ONLY)
                    .withDevices(400)
                    .withCommissionedShare(0.5));

            List<Device> relevant = rehearsal.world().relevantDevices();
            assertThat(relevant).allSatisfy(d -> assertThat(d.isCommissioned()).isTrue());
            assertThat(rehearsal.world().fleet.stream()
                            .filter(d -> d.isCommissioned()
                                    && d.holds(rehearsal
                                            .world()
                                            .supplierSigningCertificate()
                                            .parsed()
                                            .subjectKeyIdentifier()
                                            .orElseThrow()))
                            .count())
                    .isEqualTo(relevant.size());
            assertThat(relevant.size()).isLessThan(220);
            assertThat(rehearsal.world().incident.value()).isEqualTo("INC-NOTIFY-ONLY-1");
            assertThat(StepId.of("N5"))
                    .isEqualTo(rehearsal.result().timeline().get(4).step());
        }
    }
}
