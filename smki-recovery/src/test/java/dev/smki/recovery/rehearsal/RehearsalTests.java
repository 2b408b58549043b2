package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.Device;
import dev.smki.core.device.TrustAnchorCell;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.RevocationList;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyActivation;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.fleet.WriteOffReason;
import dev.smki.recovery.incident.ProgressRecords;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.DecisionsPlan;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.DeviceCounts;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.RecoveryKeyReplacement;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.procedures.SupplierOfLastResortDelay;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RehearsalTests {

    private static final int FLEET = 1_000;

    private static Rehearsal finished(ExercisePlan plan) {
        Rehearsal rehearsal = Rehearsal.start(plan, Journal.inMemory());
        rehearsal.finish();
        return rehearsal;
    }

    private static IssuedCertificate supplier(IncidentState world) {
        return world.pki().certificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    }

    private static DecisionsPlan reuse() {
        DecisionsPlan d = ExercisePlan.builtIn("recovery-key-replacement").decisions();
        return new DecisionsPlan(
                d.mechanism(),
                d.guidance(),
                d.confirmationMechanism(),
                d.confirmedWith(),
                d.directionUse(),
                d.directionWindow(),
                RecoveryKeyReplacement.Outcome.REUSE,
                "ordinary use",
                d.authorisingKey(),
                d.solrEnd());
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

        private void assertEveryRelevantDeviceHolds(IncidentState world, IssuedCertificate expected) {
            KeyIdentifier compromised =
                    supplier(world).parsed().subjectKeyIdentifier().orElseThrow();
            assertThat(world.fleet().relevant()).hasSizeGreaterThan(FLEET / 2).allSatisfy(device -> {
                TrustAnchorCell cell =
                        device.credentials().cell(TrustAnchorCellId.SUPPLIER_DS).orElseThrow();
                assertThat(cell.subjectKeyId())
                        .isEqualTo(expected.parsed().subjectKeyIdentifier().orElseThrow());
                assertThat(device.holds(compromised)).isFalse();
            });
        }

        @Test
        void recoversEveryRelevantDeviceByMethodThreeWithTheSubscribersNewKey() {
            Rehearsal rehearsal = finished(ExercisePlan.builtIn("recovery-key")
                    .withDevices(FLEET)
                    .withDecision(RecoveryMechanism.RECOVERY_METHOD_3)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            IncidentState world = rehearsal.state();

            assertClean(result);
            assertThat(result.procedure()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M3");
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(result.devices().holdingCompromisedKey()).isZero();
            assertEveryRelevantDeviceHolds(world, world.pki().replacement().orElseThrow());
            assertThat(world.pki().replacement().orElseThrow().serialNumber())
                    .isNotEqualTo(supplier(world).serialNumber());
            assertThat(world.registry()
                            .certificates()
                            .require(supplier(world).serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            RevocationList crl = world.revocation()
                    .revocations()
                    .lastPublished(world.pki().current().issuingOca())
                    .orElseThrow();
            assertThat(crl.lists(supplier(world).serialNumber())).isTrue();
            assertThat(acceptedSteps(result))
                    .containsSubsequence("D3", "R1", "R2[KC-01]", "R2[KC-02]", "R2[KC-03]", "R3", "R4", "R5", "R6")
                    .containsSubsequence("N6", "RV2", "RV3", "R11");
        }

        @Test
        void recoversEveryRelevantDeviceByMethodTwoThroughTheDccsAccessControlBrokerKey() {
            Rehearsal rehearsal = finished(ExercisePlan.builtIn("recovery-key")
                    .withDevices(FLEET)
                    .withDecision(RecoveryMechanism.RECOVERY_METHOD_2)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            IncidentState world = rehearsal.state();

            assertThat(result.complete()).isTrue();
            assertThat(result.timeline())
                    .allSatisfy(e -> assertThat(e.accepted()).as(e.toString()).isTrue());
            assertThat(result.anomalies())
                    .extracting(Anomaly::text)
                    .containsExactly("the SMKI PMA's decision RECOVERY_METHOD_2 departs from the Recovery Key"
                            + " Guidance's advice RECOVERY_METHOD_3");
            assertThat(result.procedure()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M2");
            assertThat(world.pki().replacement().orElseThrow())
                    .isEqualTo(world.pki()
                            .current()
                            .organisationCertificate(
                                    RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.DIGITAL_SIGNATURE));
            assertEveryRelevantDeviceHolds(
                    world, world.pki().subscriberCertificate().orElseThrow());
            assertThat(world.fleet().relevant()).allSatisfy(device -> {
                assertThat(device.holds(world.pki()
                                .replacement()
                                .orElseThrow()
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow()))
                        .isFalse();
                assertThat(device.credentials().floor(RemotePartyRole.SUPPLIER))
                        .isEqualTo(RecoveryKeyUse.NEW_FLOOR + 1);
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
                    Rehearsal.run(ExercisePlan.builtIn("notify-only").withDevices(200));

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

        private final Rehearsal rehearsal =
                finished(ExercisePlan.builtIn("contingency").withDevices(FLEET).withoutFailures());
        private final IncidentState world = rehearsal.state();

        @Test
        void givesEveryRelevantDeviceTheNewRootWithAFreshWrappedContingencyKey() {
            RehearsalResult result = rehearsal.result();
            TestPki newPki = world.pki().next().orElseThrow();

            assertClean(result);
            assertThat(result.procedure()).isEqualTo("ROOT_OCA_COMPROMISE");
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(world.fleet().relevant())
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
                                        .unwrap(world.pki()
                                                .current()
                                                .contingency()
                                                .symmetricKey()))
                                .isEmpty();
                    });
            assertThat(world.fleet().relevant())
                    .allSatisfy(d -> assertThat(d.holds(world.pki()
                                    .current()
                                    .rootOca()
                                    .parsed()
                                    .subjectKeyIdentifier()
                                    .orElseThrow()))
                            .isFalse());
        }

        @Test
        void leavesTheOldSymmetricKeyUselessOnEveryUpdatedDevice() {
            TestPki attacker = world.pki().current().withNewRootOca().withNewRootOca();
            UpdateSecurityCredentials replay = UpdateSecurityCredentials.builder(
                            CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                    .symmetricKey(world.pki().current().contingency().symmetricKey())
                    .sequenceNumber(2)
                    .replace(TrustAnchorCellId.ROOT, attacker.rootOca().parsed())
                    .build();
            Authoriser oldContingency = world.pki().current().contingencyAuthoriser();

            assertThat(world.fleet().relevant().subList(0, 50)).allSatisfy(device -> {
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
            assertThat(world.registry()
                            .certificates()
                            .require(world.pki().current().issuingOca().serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            assertThat(world.revocation()
                            .revocations()
                            .lastPublished(world.pki().current().rootOca())
                            .orElseThrow()
                            .lists(world.pki().current().issuingOca().serialNumber()))
                    .isTrue();
            assertThat(world.pki().reissued())
                    .hasSize(OrganisationCredential.STANDARD.size())
                    .allSatisfy((stem, renewed) -> {
                        assertThat(renewed.certificate().getIssuer())
                                .isEqualTo(world.pki()
                                        .next()
                                        .orElseThrow()
                                        .issuingOca()
                                        .certificate()
                                        .getSubject());
                        assertThat(renewed.publicKey())
                                .isEqualTo(world.pki()
                                        .current()
                                        .organisationCertificate(OrganisationCredential.parse(stem))
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
            KeyActivation ceremony = world.custody().hsm().beginActivation(CustodyKey.CONTINGENCY_SYMMETRIC_KEY, drill);
            for (Map.Entry<CustodianId, List<KeyShare>> holder :
                    world.custody().shares().entrySet()) {
                holder.getValue().stream()
                        .filter(s -> s.key() == CustodyKey.CONTINGENCY_SYMMETRIC_KEY)
                        .forEach(ceremony::present);
            }

            assertThat(ceremony.activate().secret())
                    .isEqualTo(world.pki()
                            .next()
                            .orElseThrow()
                            .contingency()
                            .symmetricKey()
                            .toOctets())
                    .isNotEqualTo(
                            world.pki().current().contingency().symmetricKey().toOctets());
        }
    }

    @Nested
    class ReusingOrReplacingTheRecoveryKey {

        @Test
        void replacesTheRecoveryCellOnEveryRelevantDeviceRevokesTheOldCertificateAndResharesTheNewKey() {
            Rehearsal rehearsal = finished(ExercisePlan.builtIn("recovery-key-replacement")
                    .withDevices(FLEET)
                    .withoutFailures());
            RehearsalResult result = rehearsal.result();
            IncidentState world = rehearsal.state();
            IssuedCertificate old =
                    world.pki().certificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);

            assertClean(result);
            assertThat(result.devices().recovered())
                    .isEqualTo(result.devices().relevant())
                    .isGreaterThan(FLEET * 9 / 10);
            assertThat(world.fleet().relevant())
                    .allSatisfy(device -> assertThat(device.credentials()
                                    .cell(TrustAnchorCellId.RECOVERY)
                                    .orElseThrow()
                                    .subjectKeyId())
                            .isEqualTo(world.pki()
                                    .replacement()
                                    .orElseThrow()
                                    .parsed()
                                    .subjectKeyIdentifier()
                                    .orElseThrow()));
            assertThat(world.registry()
                            .certificates()
                            .require(old.serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            assertThat(world.custody().shares().values())
                    .allSatisfy(held -> assertThat(held)
                            .filteredOn(s -> s.key() == CustodyKey.RECOVERY_PRIVATE_KEY)
                            .singleElement()
                            .satisfies(s -> assertThat(s.generation()).isGreaterThan(1)));
        }

        @Test
        void replacesNothingWhenTheDirectionIsToReuse() {
            RehearsalResult result = Rehearsal.run(ExercisePlan.builtIn("recovery-key-replacement")
                    .withDevices(100)
                    .withSetting("recoveryKey.policy", "MAY_REUSE")
                    .withDecisions(reuse()));

            assertThat(result.complete()).isFalse();
            assertThat(result.timeline().get(1).outcome()).contains("RKR-2 replacement decided");
            assertThat(result.anomalies()).first().asString().startsWith("RK1 by DCC refused");
            assertThat(result.devices().recovered()).isZero();
        }
    }

    @Nested
    class SupplierOfLastResort {

        @Test
        void delaysTheFailedSuppliersRevocationsUntilTheEndConditionThenRevokesAndPublishesThem() {
            Rehearsal rehearsal = Rehearsal.start(ExercisePlan.builtIn("solr").withDevices(100), Journal.inMemory());
            IncidentState world = rehearsal.state();
            IssuedCertificate failed = supplier(world);
            while (!rehearsal.step().step().equals(SupplierOfLastResortDelay.SAFE_MODE)) {
                assertThat(world.registry()
                                .certificates()
                                .require(failed.serialNumber())
                                .status())
                        .isEqualTo(CertificateStatus.IN_USE);
            }
            assertThat(world.revocation().solrEvent().orElseThrow().held()).hasSize(3);

            TimelineEntry end = rehearsal.step();
            assertThat(end.step()).isEqualTo(SupplierOfLastResortDelay.DELAY_ENDED);
            assertThat(world.registry()
                            .certificates()
                            .require(failed.serialNumber())
                            .status())
                    .isEqualTo(CertificateStatus.REVOKED);
            RehearsalResult result = rehearsal.finish();

            assertClean(result);
            assertThat(world.revocation()
                            .revocations()
                            .lastPublished(world.pki().current().issuingOca())
                            .orElseThrow()
                            .lists(failed.serialNumber()))
                    .isTrue();
            assertThat(result.timeline())
                    .extracting(e -> e.step().value())
                    .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S10", "S8", "S9");
            TimelineEntry safeMode = result.timeline().get(4);
            assertThat(safeMode.effect())
                    .as("Service Requests signed with the delayed certificate are accepted during the delay (SOLR-9)")
                    .contains("3 accepted (SOLR-9)", "the SMKI PMA delays its revocation")
                    .doesNotContain("REFUSED");
            TimelineEntry afterRevocation = result.timeline().get(7);
            assertThat(afterRevocation.effect())
                    .as("once revoked, they are refused (SOLR-9)")
                    .contains("3 REFUSED (SOLR-9)", "is revoked")
                    .doesNotContain("accepted");
            TimelineEntry delayed = result.timeline().get(1);
            assertThat(Duration.between(delayed.time(), end.time()))
                    .isEqualTo(Duration.ofDays(14).plusHours(1));
            assertThat(result.breachedDeadlines()).isEmpty();
            assertThat(world.revocation().solrEvent().orElseThrow().open()).isFalse();
        }

        @Test
        void reportsTheDelayBreachingItsDeadlineWhenTheEndConditionComesLate() {
            RehearsalResult result = Rehearsal.run(
                    ExercisePlan.builtIn("solr").withDevices(50).withDuration("pace.S6", Duration.ofDays(30)));

            assertThat(result.anomalies())
                    .extracting(Anomaly::text)
                    .containsExactly("deadline T_solrDelay breached by PT217H");
        }
    }

    @Nested
    class InjectedFailures {

        @Test
        void writesOffTheDevicesThatCannotBeUpdatedWithAReasonAndClosesOnceEveryOtherHoldsTheNewRoot() {
            Rehearsal rehearsal = finished(
                    ExercisePlan.builtIn("contingency").withDevices(FLEET).withFailures(0.02, 0.2, 1));
            RehearsalResult result = rehearsal.result();
            IncidentState world = rehearsal.state();
            DeviceCounts devices = result.devices();
            KeyIdentifier oldRoot = world.pki()
                    .current()
                    .rootOca()
                    .parsed()
                    .subjectKeyIdentifier()
                    .orElseThrow();
            KeyIdentifier newRoot = world.pki()
                    .next()
                    .orElseThrow()
                    .rootOca()
                    .parsed()
                    .subjectKeyIdentifier()
                    .orElseThrow();

            assertThat(result.complete()).isTrue();
            assertThat(devices.writtenOff()).isGreaterThan(FLEET / 100);
            assertThat(devices.recovered() + devices.writtenOff()).isEqualTo(devices.relevant());
            assertThat(devices.holdingCompromisedKey()).isEqualTo(devices.writtenOff());
            assertThat(world.fleet().relevant())
                    .allSatisfy(device -> assertThat(
                                    device.holds(world.fleet().writtenOff().contains(device) ? oldRoot : newRoot))
                            .isTrue());
            assertThat(world.fleet().writtenOff().byReason().keySet())
                    .extracting(WriteOffReason::slug)
                    .containsOnly("uncontactable", "busy")
                    .contains("uncontactable");
            assertThat(world.fleet().writtenOff().byReason().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(devices.writtenOff());
            assertThat(result.anomalies())
                    .anySatisfy(a ->
                            assertThat(a.text()).startsWith(devices.writtenOff() + " Relevant Devices written off: {"))
                    .anySatisfy(a -> assertThat(a.text())
                            .isEqualTo(devices.writtenOff() + " Relevant Devices still holding the replaced key"));
            assertThat(result.sendings())
                    .singleElement()
                    .satisfies(s -> assertThat(s.operation()).isEqualTo("C5"))
                    .satisfies(s -> assertThat(s.number()).isEqualTo(1))
                    .satisfies(s -> assertThat(s.finalProgress().isSettled()).isTrue());
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
            try (Rehearsal rehearsal =
                    Rehearsal.start(ExercisePlan.builtIn("contingency").withDevices(300), Journal.inMemory())) {
                rehearsal.onProgress(heard::add).onEntry(entry -> {
                    if (entry.step().value().equals("C5")) {
                        heardBySentEntry.add(heard.size());
                    }
                });
                result = rehearsal.finish();
            }

            assertThat(heard).hasSizeGreaterThan(3);
            assertThat(heard.get(heard.size() - 1))
                    .isEqualTo(result.sendings().get(0).finalProgress());
            assertThat(heardBySentEntry).containsExactly(heard.size());
            RecoveryProgress first = heard.get(0);
            RecoveryProgress last = heard.get(heard.size() - 1);
            assertThat(first.operation()).isEqualTo("C5");
            assertThat(first.pending()).isEqualTo(result.devices().relevant());
            assertThat(last.pending()).isZero();
            assertThat(last.succeeded()).isEqualTo(result.devices().recovered());
        }

        @Test
        void logsAndDetachesAListenerThatThrowsAndGoesOnWithTheRehearsal() {
            ExercisePlan plan = ExercisePlan.builtIn("contingency").withDevices(300);
            Logger logger = (Logger) LoggerFactory.getLogger(Rehearsal.class);
            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            logger.addAppender(logged);
            AtomicInteger progressCalls = new AtomicInteger();
            AtomicInteger entryCalls = new AtomicInteger();
            RehearsalResult result;
            try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.inMemory())) {
                rehearsal
                        .onProgress(report -> {
                            progressCalls.incrementAndGet();
                            throw new IllegalStateException("a broken progress display");
                        })
                        .onEntry(entry -> {
                            entryCalls.incrementAndGet();
                            throw new IllegalStateException("a broken timeline display");
                        });
                result = rehearsal.finish();
            } finally {
                logger.detachAppender(logged);
            }

            assertThat(progressCalls).hasValue(1);
            assertThat(entryCalls).hasValue(1);
            assertThat(result).isEqualTo(Rehearsal.run(plan));
            assertThat(logged.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(e -> e.getThrowableProxy().getMessage())
                    .containsExactlyInAnyOrder("a broken progress display", "a broken timeline display");
        }
    }

    @Nested
    class Threads {

        @Test
        void givesTheSameResultOnOneThreadAsOnSeveral() {
            ExercisePlan plan =
                    ExercisePlan.builtIn("contingency").withDevices(300).withSeed(5);

            RehearsalResult one = Rehearsal.run(plan, 1);
            RehearsalResult three = Rehearsal.run(plan, 3);

            assertThat(three).isEqualTo(one);
            assertThat(three.devices().recovered()).isPositive();
        }

        @Test
        void worksOnTheThreadsItIsGivenAndOnOnePerProcessorByDefault() {
            ExercisePlan plan = ExercisePlan.builtIn("notify-only").withDevices(10);
            try (Rehearsal given = Rehearsal.start(plan, Journal.inMemory(), ProgressRecords.none(), 2);
                    Rehearsal byDefault = Rehearsal.start(plan, Journal.inMemory())) {
                assertThat(given.threads()).isEqualTo(2);
                assertThat(byDefault.threads()).isEqualTo(DeliverySettings.defaultThreads());
            }
        }

        @Test
        void refusesNoThreadsOrMoreThanTheMostBeforeWritingTheJournal() {
            ExercisePlan plan = ExercisePlan.builtIn("notify-only").withDevices(10);
            Journal journal = Journal.inMemory();

            assertThatThrownBy(() -> Rehearsal.start(plan, journal, ProgressRecords.none(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() ->
                            Rehearsal.start(plan, journal, ProgressRecords.none(), DeliverySettings.MAX_THREADS + 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(journal.contents()).isEmpty();
        }
    }

    @Nested
    class Determinism {

        @Test
        void givesEqualResultsForEqualParametersAndOtherKeysForAnotherSeed() {
            ExercisePlan parameters =
                    ExercisePlan.builtIn("contingency").withDevices(60).withSeed(11);

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
                    Rehearsal.run(ExercisePlan.builtIn("notify-only").withDevices(10));

            assertThat(result.timeline().get(0).time())
                    .isEqualTo(Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofMinutes(30)));
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
            Rehearsal rehearsal = finished(
                    ExercisePlan.builtIn("notify-only").withDevices(400).withCommissionedShare(0.5));

            List<Device> relevant = rehearsal.state().fleet().relevant();
            assertThat(relevant).allSatisfy(d -> assertThat(d.isCommissioned()).isTrue());
            assertThat(rehearsal.state().fleet().fleet().stream()
                            .filter(d -> d.isCommissioned()
                                    && d.holds(supplier(rehearsal.state())
                                            .parsed()
                                            .subjectKeyIdentifier()
                                            .orElseThrow()))
                            .count())
                    .isEqualTo(relevant.size());
            assertThat(relevant.size()).isLessThan(220);
            assertThat(rehearsal.state().incident().value()).isEqualTo("INC-NOTIFY-ONLY-1");
            assertThat(StepId.of("N5"))
                    .isEqualTo(rehearsal.result().timeline().get(4).step());
        }
    }
}
