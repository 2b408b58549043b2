package dev.smki.recovery.fleet;

import static dev.smki.recovery.fleet.FleetFixtures.ACB_DS;
import static dev.smki.recovery.fleet.FleetFixtures.COMPROMISED_SUPPLIER;
import static dev.smki.recovery.fleet.FleetFixtures.INCIDENT;
import static dev.smki.recovery.fleet.FleetFixtures.NEW_ROOT;
import static dev.smki.recovery.fleet.FleetFixtures.NEW_SUPPLIER_DS;
import static dev.smki.recovery.fleet.FleetFixtures.OLD_ROOT;
import static dev.smki.recovery.fleet.FleetFixtures.PKI;
import static dev.smki.recovery.fleet.FleetFixtures.RECOVERED;
import static dev.smki.recovery.fleet.FleetFixtures.RECOVERY_DS;
import static dev.smki.recovery.fleet.FleetFixtures.SETTINGS;
import static dev.smki.recovery.fleet.FleetFixtures.SUPPLIER_DS;
import static dev.smki.recovery.fleet.FleetFixtures.T0;
import static dev.smki.recovery.fleet.FleetFixtures.contingency;
import static dev.smki.recovery.fleet.FleetFixtures.executor;
import static dev.smki.recovery.fleet.FleetFixtures.fleet;
import static dev.smki.recovery.fleet.FleetFixtures.method3;
import static dev.smki.recovery.fleet.FleetFixtures.newRoot;
import static dev.smki.recovery.fleet.FleetFixtures.recovery;
import static dev.smki.recovery.fleet.FleetFixtures.state;
import static dev.smki.recovery.fleet.FleetFixtures.supplierCellBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.TrustAnchorCell;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.simulation.SimulationSeed;
import dev.smki.recovery.custody.ActivatedKey;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Custodians;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyActivation;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.custody.SimulatedHsm;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end over 1,000 Devices: the recoveries of recovery.md §2.3-2.5 at the fleet level. */
class FleetRecoveryTests {

    private static final Set<DeviceType> SUPPLIER_TYPES =
            Set.of(DeviceType.ESME, DeviceType.GSME, DeviceType.PPMID, DeviceType.HCALCS);

    @Test
    void aSupplierKeyCompromiseRecoveredByMethod2PutsTheAcbKeyInEveryRelevantDevice() {
        Fleet fleet = fleet(1_000, 1);
        RelevantDevices relevant = RelevantDevices.of(fleet, SUPPLIER_DS);
        long bystanders = fleet.count(d -> !d.isCommissioned() && SUPPLIER_TYPES.contains(d.type()));

        FleetExecution execution = executor(DeliverySettings.defaults())
                .execute(
                        INCIDENT,
                        "R6",
                        relevant.devices(),
                        CommandFactory.signing(supplierCellBy(ACB_DS, 1), recovery()));

        assertThat(relevant.size())
                .isEqualTo(fleet.count(d -> d.isCommissioned() && SUPPLIER_TYPES.contains(d.type())))
                .isGreaterThan(700);
        assertThat(execution.succeeded()).isEqualTo(relevant.size());
        assertThat(execution.writeOffs()).isEmpty();
        execution.requireSettled();
        KeyIdentifier acb = ACB_DS.parsed().subjectKeyIdentifier().orElseThrow();
        assertThat(relevant.stream()).allMatch(d -> d.holds(acb) && !d.holds(COMPROMISED_SUPPLIER));
        assertThat(relevant.countStillHolding()).isZero();
        assertThat(fleet.countHolding(COMPROMISED_SUPPLIER))
                .as("only Devices that are not commissioned keep the compromised key")
                .isEqualTo(bystanders);
    }

    @Test
    void aSupplierKeyCompromiseRecoveredByMethod3SignedWithTheActivatedRecoveryKeyPutsTheNewKeyInEveryRelevantDevice() {
        Fleet fleet = fleet(1_000, 2);
        RelevantDevices relevant = RelevantDevices.of(fleet, SUPPLIER_DS);
        KeyIdentifier newKey = NEW_SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow();

        FleetExecution execution;
        try (ActivatedKey key = activatedRecoveryKey()) {
            Authoriser dcc = Authoriser.of(
                    PKI.parties().of(RemotePartyRole.RECOVERY),
                    SigningKey.of(new KeyPair(RECOVERY_DS.publicKey(), key.privateKey())));
            execution = executor(DeliverySettings.defaults())
                    .execute(INCIDENT, "R6", relevant.devices(), CommandFactory.signing(method3(), dcc));
        }

        assertThat(execution.succeeded()).isEqualTo(relevant.size()).isGreaterThan(700);
        execution.requireSettled();
        assertThat(relevant.stream()).allMatch(d -> d.holds(newKey) && !d.holds(COMPROMISED_SUPPLIER));
        assertThat(relevant.stream())
                .allMatch(d -> d.credentials().floor(RemotePartyRole.SUPPLIER) == 1_000
                        && d.credentials().floor(RemotePartyRole.RECOVERY) == 1);
        assertThat(fleet.stream().filter(d -> !relevant.contains(d))).noneMatch(d -> d.holds(newKey));
    }

    @Test
    void aRootCompromiseRecoveredByContingencyLeavesEveryRelevantDeviceWithTheNewRootAndAFreshWrappedKey() {
        Fleet fleet = fleet(1_000, 3);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        TrustAnchorCell oldRoot =
                SETTINGS.cell(TrustAnchorCellId.ROOT, PKI.rootOca().parsed());
        TrustAnchorCell expected =
                SETTINGS.cell(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed());

        FleetExecution execution = executor(DeliverySettings.defaults())
                .execute(INCIDENT, "C5", relevant.devices(), CommandFactory.signing(newRoot(1), contingency()));

        assertThat(relevant.size())
                .isEqualTo(fleet.count(d -> d.isCommissioned() && d.type() != DeviceType.TYPE2))
                .isGreaterThan(900);
        assertThat(execution.succeeded()).isEqualTo(relevant.size());
        execution.requireSettled();
        assertThat(relevant.stream())
                .allMatch(d -> d.credentials()
                        .cell(TrustAnchorCellId.ROOT)
                        .orElseThrow()
                        .equals(expected));
        assertThat(expected.wrappedContingencyKey()).isPresent().isNotEqualTo(oldRoot.wrappedContingencyKey());
        assertThat(relevant.countStillHolding()).isZero();
        assertThat(fleet.countHolding(NEW_ROOT)).isEqualTo(relevant.size());
        assertThat(fleet.countHolding(OLD_ROOT))
                .isEqualTo(fleet.count(d -> !d.isCommissioned() && d.type() != DeviceType.TYPE2));
    }

    @Test
    void afterAContingencyRecoveryTheOldSymmetricKeyIsUselessOnEveryUpdatedDevice() {
        Fleet fleet = fleet(1_000, 4);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        FleetExecutor executor = executor(DeliverySettings.defaults());
        executor.execute(INCIDENT, "C5", relevant.devices(), CommandFactory.signing(newRoot(1), contingency()));
        List<DeviceCredentials> after = state(fleet);

        FleetExecution again = executor.execute(
                INCIDENT, "C5-again", relevant.devices(), CommandFactory.signing(newRoot(2), contingency()));

        assertThat(again.succeeded()).isZero();
        assertThat(again.writeOffs())
                .hasSize(relevant.size())
                .allMatch(w -> w.refusedBy().equals(Optional.of(AcceptanceRule.AUTHORISING_ANCHOR_HELD)));
        assertThat(state(fleet)).isEqualTo(after);
    }

    @Test
    void withInjectedFailuresAndRetriesEveryRelevantDeviceEndsUpdatedOrWrittenOffWithAReason(@TempDir Path dir)
            throws Exception {
        Fleet fleet = fleet(1_000, 5);
        RelevantDevices relevant = RelevantDevices.of(fleet, SUPPLIER_DS);
        DeliverySettings settings = DeliverySettings.defaults()
                .withSeed(11)
                .withThreads(4)
                .withMaxAttempts(3)
                .withFailures(FailureInjection.none()
                        .withDecommissioned(0.02)
                        .withUncontactableDevices(0.03)
                        .withUncontactable(0.2)
                        .withBusy(0.1));
        KeyIdentifier newKey = NEW_SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow();
        Path file = dir.resolve("INC-2026-007-R6.csv");

        FleetExecution execution;
        try (ProgressFile progressFile = ProgressFile.create(file)) {
            execution = executor(settings)
                    .execute(
                            INCIDENT,
                            "R6",
                            relevant.devices(),
                            CommandFactory.signing(method3(), recovery()),
                            progressFile);
        }

        assertThat(execution.succeeded() + execution.writtenOff()).isEqualTo(relevant.size());
        assertThat(execution.writeOffsByReason())
                .containsOnlyKeys(WriteOffReason.DECOMMISSIONED, WriteOffReason.UNCONTACTABLE, WriteOffReason.BUSY);
        for (int i = 0; i < execution.size(); i++) {
            Device device = execution.device(i);
            if (execution.isUpdated(i)) {
                assertThat(device.holds(newKey) && !device.holds(COMPROMISED_SUPPLIER))
                        .as("%s updated", device)
                        .isTrue();
            } else {
                WriteOff writeOff = execution.writeOff(i).orElseThrow();
                assertThat(device.holds(COMPROMISED_SUPPLIER))
                        .as("%s never reached", writeOff)
                        .isTrue();
                assertThat(writeOff.describe())
                        .isIn("decommissioned", "uncontactable after 3 attempts", "busy after 3 attempts");
            }
        }
        List<RecoveryProgress> progress = execution.progress();
        for (RecoveryProgress report : progress.subList(0, progress.size() - 1)) {
            assertThatThrownBy(report::requireSettled)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("REC-8: incident INC-2026-007 may not close");
        }
        execution.requireSettled();
        assertThat(ProgressFile.read(file)).isEqualTo(progress);
        assertThat(Files.readAllBytes(file)).isEqualTo(ProgressFile.format(progress));
    }

    @Test
    void retriesWaitTheBackOffAndEachRoundSendsAtTheSimulatedRate() {
        Fleet fleet = fleet(1_000, 6);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        DeliverySettings settings = DeliverySettings.defaults()
                .withSeed(3)
                .withMaxAttempts(3)
                .withBackoff(Duration.ofMinutes(10), 3)
                .withPace(50, Duration.ofSeconds(20))
                .withFailures(FailureInjection.none().withBusy(0.3));

        FleetExecution execution = executor(settings)
                .execute(INCIDENT, "C5", relevant.devices(), CommandFactory.signing(newRoot(1), contingency()));

        assertThat(execution.rounds()).isEqualTo(3);
        Instant end = T0;
        Duration wait = Duration.ZERO;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int round = attempt;
            long sent = IntStream.range(0, execution.size())
                    .filter(i -> execution.attempts(i) >= round)
                    .count();
            end = end.plus(wait).plusMillis((sent - 1) * 20).plusSeconds(20);
            wait = attempt == 1 ? Duration.ofMinutes(10) : Duration.ofMinutes(30);
        }
        assertThat(execution.startedAt()).isEqualTo(T0);
        assertThat(execution.finishedAt()).isEqualTo(end);
        assertThat(execution.progress().get(0)).isEqualTo(RecoveryProgress.start(INCIDENT, "C5", T0, relevant.size()));
    }

    @Test
    void theListenerGetsEveryReportInOrderWhileTheDevicesAreWorkedOnByFourThreads() {
        Fleet fleet = fleet(1_000, 7);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        List<RecoveryProgress> heard = Collections.synchronizedList(new ArrayList<>());

        FleetExecution execution = executor(DeliverySettings.defaults().withThreads(4))
                .execute(
                        INCIDENT,
                        "C5",
                        relevant.devices(),
                        CommandFactory.signing(newRoot(1), contingency()),
                        heard::add);

        int batch = DeliverySettings.defaults().batchSizeFor(relevant.size());
        assertThat(heard).isEqualTo(execution.progress()).hasSize(1 + (relevant.size() + batch - 1) / batch);
        assertThat(execution.finalProgress().pending()).isZero();
    }

    @Test
    void anInterruptedRunStopsWithDevicesStillPendingAndTheIncidentMayNotClose() {
        Fleet fleet = fleet(1_000, 8);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        List<RecoveryProgress> heard = new ArrayList<>();

        FleetExecution execution;
        try {
            execution = executor(DeliverySettings.defaults().withThreads(1))
                    .execute(
                            INCIDENT,
                            "C5",
                            relevant.devices(),
                            CommandFactory.signing(newRoot(1), contingency()),
                            p -> {
                                heard.add(p);
                                if (heard.size() == 4) {
                                    Thread.currentThread().interrupt();
                                }
                            });
        } finally {
            assertThat(Thread.interrupted())
                    .as("the interrupt status is set again")
                    .isTrue();
        }

        assertThat(execution.succeeded()).isEqualTo(3 * 10);
        assertThat(execution.pending()).isEqualTo(relevant.size() - 30L);
        assertThat(execution.isSettled()).isFalse();
        assertThatThrownBy(execution::requireSettled)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REC-8")
                .hasMessageContaining((relevant.size() - 30) + " pending");
        assertThat(fleet.countHolding(NEW_ROOT)).isEqualTo(30);
    }

    @Test
    void aFailingCommandFactoryStopsTheRunAndItsExceptionIsThrown() {
        Fleet fleet = fleet(200, 9);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        Device victim = relevant.get(57);
        CommandFactory commands = CommandFactory.signing(newRoot(1), contingency());

        assertThatThrownBy(() -> executor(DeliverySettings.defaults().withThreads(2))
                        .execute(INCIDENT, "C5", relevant.devices(), device -> {
                            if (device.equals(victim)) {
                                throw new IllegalStateException("no key for " + device);
                            }
                            return commands.commandFor(device);
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no key for " + victim);
        assertThat(victim.holds(OLD_ROOT)).isTrue();
    }

    @Test
    void aFactoryGivingNoCommandIsAnError() {
        Fleet fleet = fleet(10, 10);

        assertThatThrownBy(() -> executor(DeliverySettings.defaults())
                        .execute(INCIDENT, "C5", List.of(fleet.get(0)), device -> null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("made no command for " + fleet.get(0));
    }

    @Test
    void aDeviceListedTwiceIsRefusedBeforeAnythingIsSent() {
        Fleet fleet = fleet(10, 11);
        List<Device> twice = List.of(fleet.get(3), fleet.get(1), fleet.get(3));
        List<DeviceCredentials> before = state(fleet);

        assertThatThrownBy(() -> executor(DeliverySettings.defaults())
                        .execute(INCIDENT, "C5", twice, CommandFactory.signing(newRoot(1), contingency())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fleet.get(3).eui64() + " is listed twice");
        assertThat(state(fleet)).isEqualTo(before);
    }

    @Test
    void anEmptyScopeIsSettledAtOnceWithOneReport() {
        FleetExecution execution = executor(DeliverySettings.defaults())
                .execute(INCIDENT, "C5", List.of(), CommandFactory.signing(newRoot(1), contingency()));

        assertThat(execution.progress()).containsExactly(RecoveryProgress.start(INCIDENT, "C5", T0, 0));
        assertThat(execution.isSettled()).isTrue();
        assertThat(execution.summary()).isEqualTo("C5: 0 devices, 0 updated, 0 written off, 0 rounds, PT0S simulated");
    }

    @Test
    void aDeviceThatRefusesIsWrittenOffWithItsRuleAndTheSummaryCountsTheReasons() {
        Fleet fleet = fleet(100, 12);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        List<Device> withChf = relevant.devices();

        FleetExecution execution = executor(DeliverySettings.defaults())
                .execute(INCIDENT, "R6", withChf, CommandFactory.signing(method3(), recovery()));

        long chfs = relevant.stream()
                .filter(d -> !Set.of(DeviceType.ESME, DeviceType.GSME, DeviceType.PPMID, DeviceType.HCALCS)
                        .contains(d.type()))
                .count();
        assertThat(execution.writeOffsByReason()).isEqualTo(Map.of(WriteOffReason.REFUSED, chfs));
        assertThat(execution.writeOffs())
                .allMatch(w -> w.describe().equals("refused by DEV-10 (trustAnchorNotFound)") && w.attempts() == 1);
        assertThat(execution.summary())
                .isEqualTo("R6: " + relevant.size() + " devices, " + (relevant.size() - chfs) + " updated, " + chfs
                        + " written off {refused=" + chfs + "}, 1 round, "
                        + Duration.ofMillis((relevant.size() - 1) * 10L).plusSeconds(30) + " simulated");
    }

    private static ActivatedKey activatedRecoveryKey() {
        Custodians custodians = Custodians.empty();
        for (int i = 1; i <= 5; i++) {
            custodians.appointDirectly(CustodianId.of("KC-0" + i), "Custodian " + i, "Party " + i, T0);
        }
        SimulatedHsm hsm = SimulatedHsm.create(
                custodians, Quorum.of(3, 5), SimulationSeed.of(5).secureRandom("custody"));
        List<KeyShare> shares = hsm.store(
                CustodyKey.RECOVERY_PRIVATE_KEY,
                RECOVERY_DS.keyPair().orElseThrow().getPrivate().getEncoded());
        KeyActivation ceremony = hsm.beginActivation(
                CustodyKey.RECOVERY_PRIVATE_KEY, new PmaDecision(INCIDENT, RecoveryMechanism.RECOVERY_METHOD_3, T0));
        shares.subList(0, 3).forEach(ceremony::present);
        return ceremony.activate();
    }
}
