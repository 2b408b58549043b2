package dev.smki.recovery.fleet;

import static dev.smki.recovery.fleet.FleetFixtures.COMPROMISED_SUPPLIER;
import static dev.smki.recovery.fleet.FleetFixtures.INCIDENT;
import static dev.smki.recovery.fleet.FleetFixtures.NEW_ROOT;
import static dev.smki.recovery.fleet.FleetFixtures.NEW_SUPPLIER_DS;
import static dev.smki.recovery.fleet.FleetFixtures.OLD_ROOT;
import static dev.smki.recovery.fleet.FleetFixtures.PKI;
import static dev.smki.recovery.fleet.FleetFixtures.SUPPLIER_DS;
import static dev.smki.recovery.fleet.FleetFixtures.T0;
import static dev.smki.recovery.fleet.FleetFixtures.contingency;
import static dev.smki.recovery.fleet.FleetFixtures.executor;
import static dev.smki.recovery.fleet.FleetFixtures.fleet;
import static dev.smki.recovery.fleet.FleetFixtures.method3;
import static dev.smki.recovery.fleet.FleetFixtures.newRoot;
import static dev.smki.recovery.fleet.FleetFixtures.recovery;
import static dev.smki.recovery.fleet.FleetFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.core.device.Fleet;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * Fleet executions over random small fleets, recoveries, failures, attempts, batch sizes and thread counts
 * (recovery.md §6.4: recovery completeness, order independence, idempotence; REC-9).
 */
class FleetExecutorProperties implements WithQuickTheories {

    private static final int EXAMPLES = 40;

    /** Shrinking a failing fleet run is slow; a few hundred cycles find a small counterexample. */
    private static final int SHRINK_CYCLES = 300;

    /** The two recoveries the properties run: Method 3 for the Supplier's key, contingency for the Root. */
    enum Recovery {
        METHOD_3(
                SUPPLIER_DS,
                COMPROMISED_SUPPLIER,
                NEW_SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow(),
                AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR),
        CONTINGENCY(PKI.rootOca(), OLD_ROOT, NEW_ROOT, AcceptanceRule.AUTHORISING_ANCHOR_HELD);

        final IssuedCertificate compromised;
        final KeyIdentifier compromisedKey;
        final KeyIdentifier newKey;
        final AcceptanceRule refusesReplay;

        Recovery(
                IssuedCertificate compromised,
                KeyIdentifier compromisedKey,
                KeyIdentifier newKey,
                AcceptanceRule refusesReplay) {
            this.compromised = compromised;
            this.compromisedKey = compromisedKey;
            this.newKey = newKey;
            this.refusesReplay = refusesReplay;
        }

        CommandFactory commands() {
            return this == METHOD_3
                    ? CommandFactory.signing(method3(), recovery())
                    : CommandFactory.signing(newRoot(1), contingency());
        }

        String operation() {
            return this == METHOD_3 ? "R6" : "C5";
        }
    }

    /** One random execution: a fleet, a recovery and delivery settings. */
    record Case(int devices, long fleetSeed, Recovery recovery, DeliverySettings settings) {

        Fleet newFleet() {
            return fleet(devices, fleetSeed);
        }

        FleetExecution run(List<Device> devices, DeliverySettings with) {
            return executor(with).execute(INCIDENT, recovery.operation(), devices, recovery.commands());
        }
    }

    private QuickTheory theory() {
        return qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES);
    }

    private Gen<FailureInjection> failures() {
        return doubles()
                .between(0, 0.1)
                .zip(
                        doubles().between(0, 0.1),
                        doubles().between(0, 0.4),
                        doubles().between(0, 0.4),
                        FailureInjection::new);
    }

    private Gen<DeliverySettings> settings() {
        return longs().all()
                .zip(
                        failures(),
                        integers().between(1, 4),
                        integers().between(0, 7),
                        integers().between(1, 4),
                        (seed, failures, attempts, batch, threads) -> DeliverySettings.defaults()
                                .withSeed(seed)
                                .withFailures(failures)
                                .withMaxAttempts(attempts)
                                .withBatchSize(batch)
                                .withThreads(threads));
    }

    private Gen<Case> cases() {
        return integers()
                .between(0, 80)
                .zip(longs().all(), arbitrary().enumValues(Recovery.class), settings(), Case::new);
    }

    @Test
    void progressIsConservedAndOnlyMovesForwardAtEveryReport() {
        theory().forAll(cases()).checkAssert(c -> {
            Fleet fleet = c.newFleet();
            RelevantDevices relevant = RelevantDevices.of(fleet, c.recovery().compromised);
            List<RecoveryProgress> heard = Collections.synchronizedList(new ArrayList<>());

            FleetExecution execution = executor(c.settings())
                    .execute(INCIDENT, "C5", relevant.devices(), c.recovery().commands(), heard::add);

            List<RecoveryProgress> reports = execution.progress();
            assertThat(heard).isEqualTo(reports);
            assertThat(reports.get(0)).isEqualTo(RecoveryProgress.start(INCIDENT, "C5", T0, relevant.size()));
            for (int i = 0; i < reports.size(); i++) {
                RecoveryProgress report = reports.get(i);
                assertThat(report.succeeded() + report.failed() + report.pending())
                        .as("REC-9 at report %d", i)
                        .isEqualTo(report.total())
                        .isEqualTo(relevant.size());
                if (i > 0) {
                    assertThat(report.notFollowing(reports.get(i - 1)))
                            .as("REC-9 from report %d", i)
                            .isEmpty();
                }
            }
            RecoveryProgress last = execution.finalProgress();
            assertThat(last.pending()).isZero();
            assertThat(last.succeeded()).isEqualTo(execution.succeeded());
            assertThat(last.writtenOff()).isEqualTo(execution.writtenOff());
            assertThat(last.isSettled()).isTrue();
        });
    }

    @Test
    void noRelevantDeviceThatReportsSuccessStillHoldsTheCompromisedKey() {
        theory().forAll(cases()).checkAssert(c -> {
            Fleet fleet = c.newFleet();
            RelevantDevices relevant = RelevantDevices.of(fleet, c.recovery().compromised);

            FleetExecution execution = c.run(relevant.devices(), c.settings());

            for (int i = 0; i < execution.size(); i++) {
                Device device = execution.device(i);
                if (execution.isUpdated(i)) {
                    assertThat(device.holds(c.recovery().compromisedKey))
                            .as("%s reported success", device)
                            .isFalse();
                    assertThat(device.holds(c.recovery().newKey)).isTrue();
                } else {
                    assertThat(execution.writeOff(i))
                            .as("%s neither updated nor written off", device)
                            .isPresent();
                }
            }
            assertThat(relevant.countStillHolding()).isEqualTo(execution.writtenOff());
        });
    }

    @Test
    void eachDeviceEndsAsTheFailuresDrawnFromTheSeedItsEuiAndTheAttemptSay() {
        theory().forAll(cases()).checkAssert(c -> {
            Fleet fleet = c.newFleet();
            RelevantDevices relevant = RelevantDevices.of(fleet, c.recovery().compromised);
            DeliverySettings settings = c.settings();

            FleetExecution execution = c.run(relevant.devices(), settings);

            for (int i = 0; i < execution.size(); i++) {
                Device device = execution.device(i);
                Optional<WriteOffReason> expected = Optional.empty();
                int attempts = 0;
                for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                    attempts = attempt;
                    InjectedFailure failure = settings.failures().draw(settings.seed(), device.eui64(), attempt);
                    if (failure == InjectedFailure.NONE) {
                        expected = Optional.empty();
                        break;
                    }
                    expected = Optional.of(
                            switch (failure) {
                                case DECOMMISSIONED -> WriteOffReason.DECOMMISSIONED;
                                case UNCONTACTABLE -> WriteOffReason.UNCONTACTABLE;
                                default -> WriteOffReason.BUSY;
                            });
                    if (failure == InjectedFailure.DECOMMISSIONED) {
                        break;
                    }
                }
                assertThat(execution.writeOff(i).map(WriteOff::reason))
                        .as("%s", device)
                        .isEqualTo(expected);
                assertThat(execution.isUpdated(i)).isEqualTo(expected.isEmpty());
                assertThat(execution.attempts(i)).as("attempts of %s", device).isEqualTo(attempts);
            }
        });
    }

    @Test
    void theSameSuccessfulReplacementsInAnyDeviceOrderGiveTheSameFleetState() {
        theory().forAll(cases(), longs().all(), integers().between(1, 4)).checkAssert((c, order, threads) -> {
            Fleet inOrder = c.newFleet();
            Fleet shuffled = c.newFleet();
            List<Device> devices = new ArrayList<>(
                    RelevantDevices.of(shuffled, c.recovery().compromised).devices());
            shuffle(devices, new SplittableRandom(order));

            FleetExecution first =
                    c.run(RelevantDevices.of(inOrder, c.recovery().compromised).devices(), c.settings());
            FleetExecution second = c.run(devices, c.settings().withThreads(threads));

            assertThat(state(shuffled)).isEqualTo(state(inOrder));
            assertThat(second.succeeded()).isEqualTo(first.succeeded());
            assertThat(second.writeOffsByReason()).isEqualTo(first.writeOffsByReason());
        });
    }

    @Test
    void reSendingAnExecutedCommandIsRefusedAndChangesNothing() {
        theory().forAll(cases()).checkAssert(c -> {
            Fleet fleet = c.newFleet();
            RelevantDevices relevant = RelevantDevices.of(fleet, c.recovery().compromised);
            FleetExecution execution = c.run(relevant.devices(), c.settings());
            List<DeviceCredentials> after = state(fleet);
            CommandFactory commands = c.recovery().commands();

            for (int i = 0; i < execution.size(); i++) {
                if (execution.isUpdated(i)) {
                    Device device = execution.device(i);
                    DeviceCredentials before = device.credentials();
                    CommandOutcome outcome = device.apply(commands.commandFor(device));
                    assertThat(outcome.refusedBy()).as("%s", device).contains(c.recovery().refusesReplay);
                    assertThat(device.credentials()).isSameAs(before);
                }
            }
            List<Device> updated = new ArrayList<>();
            for (int i = 0; i < execution.size(); i++) {
                if (execution.isUpdated(i)) {
                    updated.add(execution.device(i));
                }
            }
            FleetExecution again = c.run(updated, c.settings().withFailures(FailureInjection.none()));

            assertThat(again.succeeded()).isZero();
            assertThat(again.writeOffs()).allMatch(w -> w.refusedBy().equals(Optional.of(c.recovery().refusesReplay)));
            assertThat(state(fleet)).isEqualTo(after);
        });
    }

    @Test
    void theSameSeedGivesTheSameOutcomeAndProgressFileBytesWithOneThreadOrFour() {
        theory().forAll(cases()).checkAssert(c -> {
            Fleet one = c.newFleet();
            Fleet four = c.newFleet();

            FleetExecution single = c.run(
                    RelevantDevices.of(one, c.recovery().compromised).devices(),
                    c.settings().withThreads(1));
            FleetExecution parallel = c.run(
                    RelevantDevices.of(four, c.recovery().compromised).devices(),
                    c.settings().withThreads(4));

            assertThat(ProgressFile.format(parallel.progress())).isEqualTo(ProgressFile.format(single.progress()));
            assertThat(outcomes(parallel)).isEqualTo(outcomes(single));
            assertThat(state(four)).isEqualTo(state(one));
            assertThat(parallel.finishedAt()).isEqualTo(single.finishedAt());
        });
    }

    /** Returns each Device's EUI-64, outcome and attempts, in execution order. */
    private static List<String> outcomes(FleetExecution execution) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < execution.size(); i++) {
            outcomes.add(execution.device(i).eui64() + " "
                    + execution.writeOff(i).map(WriteOff::describe).orElse("updated") + " "
                    + execution.attempts(i));
        }
        return outcomes;
    }

    private static void shuffle(List<Device> devices, SplittableRandom random) {
        for (int i = devices.size() - 1; i > 0; i--) {
            Collections.swap(devices, i, random.nextInt(i + 1));
        }
    }
}
