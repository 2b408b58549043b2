package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.recovery.journal.Durability;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.AttendanceOutcome;
import dev.smki.recovery.plan.AttendancePlan;
import dev.smki.recovery.plan.EventKind;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.InjectedEvent;
import dev.smki.recovery.procedures.ActorChoices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rehearsals of what a plan says beyond the built-in scenarios: attendance, sessions, injected events, orders. */
class RehearsalPlanTests {

    private static final ExercisePlan CONTINGENCY =
            ExercisePlan.builtIn("contingency").withDevices(60).withoutFailures();

    private static ExercisePlan attending(ExercisePlan plan, boolean reconvene, AttendancePlan... attendance) {
        return plan.withCustody(
                plan.custody().withAttendance(List.of(attendance)).withReconvene(reconvene));
    }

    private static AttendancePlan at(String custodian, int session, AttendanceOutcome outcome) {
        return new AttendancePlan(custodian, session, outcome);
    }

    private static List<String> steps(RehearsalResult result) {
        return result.timeline().stream()
                .map(e -> e.stepAndItem() + (e.accepted() ? "" : " refused"))
                .toList();
    }

    @Nested
    class Custodians {

        @Test
        void leavesTheKeyInactiveAndTheIncidentOpenNamingTheQuorumWhenTooFewCome() {
            RehearsalResult result = Rehearsal.run(attending(
                    CONTINGENCY,
                    false,
                    at("KC-01", 1, AttendanceOutcome.ATTENDS),
                    at("KC-02", 1, AttendanceOutcome.NO_SHOW),
                    at("KC-03", 1, AttendanceOutcome.ATTENDS)));

            assertThat(result.complete()).isFalse();
            assertThat(steps(result)).endsWith("C4.attend[KC-01]", "C4.attend[KC-03]", "C4 refused");
            assertThat(result.anomalies())
                    .anySatisfy(a -> assertThat(a.text())
                            .startsWith("REC-2 quorum not reached: activating CONTINGENCY_PRIVATE_KEY and"
                                    + " CONTINGENCY_SYMMETRIC_KEY needs 3 of the 5 Key Custodians (quorum 3/5); 2"
                                    + " presented shares at session 1 [KC-01, KC-03]")
                            .endsWith("the custodians do not reconvene"))
                    .anySatisfy(a ->
                            assertThat(a.text()).startsWith("not attempted, as they wait for C4, refused: C5, C6"));
            assertThat(result.devices().recovered()).isZero();
        }

        @Test
        void activatesAtALaterSessionWhenTheCustodiansReconvene() {
            RehearsalResult result = Rehearsal.run(attending(
                    CONTINGENCY,
                    true,
                    at("KC-01", 1, AttendanceOutcome.ATTENDS),
                    at("KC-02", 1, AttendanceOutcome.NO_SHOW),
                    at("KC-01", 2, AttendanceOutcome.ATTENDS),
                    at("KC-02", 2, AttendanceOutcome.ATTENDS),
                    at("KC-04", 2, AttendanceOutcome.ATTENDS)));

            assertThat(result.complete()).isTrue();
            assertThat(steps(result))
                    .containsSubsequence(
                            "C4.attend[KC-01]",
                            "C4 refused",
                            "C4.attend[KC-01@2]",
                            "C4.attend[KC-02@2]",
                            "C4.attend[KC-04@2]",
                            "C4",
                            "C5");
            TimelineEntry refused = result.timeline().stream()
                    .filter(e -> !e.accepted())
                    .findFirst()
                    .orElseThrow();
            TimelineEntry second = result.timeline().stream()
                    .filter(e -> e.item().equals(java.util.Optional.of("KC-01@2")))
                    .findFirst()
                    .orElseThrow();
            assertThat(Duration.between(refused.time(), second.time())).isGreaterThanOrEqualTo(Duration.ofDays(1));
        }

        @Test
        void retriesTheActivationOnceALateCustodianPresentsTheirShares() {
            RehearsalResult result = Rehearsal.run(attending(
                    CONTINGENCY,
                    false,
                    at("KC-01", 1, AttendanceOutcome.ATTENDS),
                    at("KC-02", 1, AttendanceOutcome.LATE),
                    at("KC-03", 1, AttendanceOutcome.ATTENDS)));

            assertThat(result.complete()).isTrue();
            assertThat(steps(result))
                    .containsSubsequence(
                            "C4.attend[KC-01]", "C4.attend[KC-03]", "C4 refused", "C4.attend[KC-02]", "C4");
        }

        @Test
        void refusesACustodianWhoCeasedAndOneWhoPresentsAnothersShareAndCannotReshareWithoutAFullRoster() {
            RehearsalResult result = Rehearsal.run(attending(
                    CONTINGENCY,
                    false,
                    at("KC-01", 1, AttendanceOutcome.CEASED),
                    at("KC-02", 1, AttendanceOutcome.WRONG_SHARE),
                    at("KC-03", 1, AttendanceOutcome.ATTENDS),
                    at("KC-04", 1, AttendanceOutcome.ATTENDS),
                    at("KC-05", 1, AttendanceOutcome.ATTENDS)));

            assertThat(result.complete()).isFalse();
            assertThat(steps(result)).contains("C4", "C5").endsWith("C11 refused");
            assertThat(result.anomalies())
                    .anySatisfy(a -> assertThat(a.text())
                            .startsWith("C11 by DCC refused")
                            .contains("REC-2 quorum reachable"))
                    .anySatisfy(a -> assertThat(a.text())
                            .startsWith("C4.attend[KC-01] by KEY_CUSTODIAN refused")
                            .contains("REC-2 appointed custodian"))
                    .anySatisfy(a -> assertThat(a.text())
                            .startsWith("C4.attend[KC-02] by KEY_CUSTODIAN refused")
                            .contains("CUS-1 own share"))
                    .anySatisfy(a -> assertThat(a.text()).isEqualTo("injected: KC-01 ceased to be a Key Custodian"));
        }
    }

    @Nested
    class InjectedEvents {

        @Test
        void refusesActivationWhileTheHsmFailsAndActivatesWhenItWorksAgain() {
            RehearsalResult result = Rehearsal.run(CONTINGENCY.withEvents(List.of(new InjectedEvent(
                    EventKind.HSM_ACTIVATION_FAILURE,
                    "C4",
                    Duration.ofHours(6),
                    RemotePartyRole.ROOT,
                    CertificateUsage.DIGITAL_SIGNATURE))));

            assertThat(result.complete()).isTrue();
            List<TimelineEntry> activations = result.timeline().stream()
                    .filter(e -> e.step().value().equals("C4"))
                    .toList();
            assertThat(activations).hasSize(2);
            assertThat(activations.get(0).outcome()).contains("CUS-5 HSM available");
            assertThat(Duration.between(
                            activations.get(0).time(), activations.get(1).time()))
                    .isGreaterThanOrEqualTo(Duration.ofHours(6));
            assertThat(result.anomalies()).anySatisfy(a -> assertThat(a.text()).startsWith("injected: the HSM fails"));
        }

        @Test
        void reportsASecondCompromiseFoundDuringTheRecoveryWithTheDevicesItExposes() {
            RehearsalResult result = Rehearsal.run(CONTINGENCY.withEvents(List.of(new InjectedEvent(
                    EventKind.SECOND_COMPROMISE,
                    "C5",
                    Duration.ZERO,
                    RemotePartyRole.SUPPLIER,
                    CertificateUsage.DIGITAL_SIGNATURE))));

            assertThat(result.complete()).isTrue();
            assertThat(result.anomalies())
                    .anySatisfy(a -> assertThat(a.text())
                            .startsWith("injected: a second compromise, of Organisation certificate")
                            .containsPattern(
                                    "found during the recovery: [1-9][0-9]* commissioned Devices hold its key"));
        }

        @Test
        void holdsTheCompromisedSupplierCertificatesRevocationWhenASupplierOfLastResortEventOverlaps() {
            RehearsalResult result = Rehearsal.run(ExercisePlan.builtIn("recovery-key")
                    .withDevices(40)
                    .withEvents(List.of(new InjectedEvent(
                            EventKind.SOLR_OVERLAP,
                            "RV2",
                            Duration.ZERO,
                            RemotePartyRole.SUPPLIER,
                            CertificateUsage.DIGITAL_SIGNATURE))));

            assertThat(result.anomalies())
                    .anySatisfy(a -> assertThat(a.text()).startsWith("injected: a Supplier of Last Resort event"))
                    .anySatisfy(a -> assertThat(a.text())
                            .isEqualTo("1 revocation still held under Section L16 by the Supplier of Last Resort event"
                                    + " SOLR-INC-RECOVERY-KEY-1"));
        }
    }

    @Nested
    class Exercises {

        @Test
        void notifiesTheCustodiansEarlyAndHoldsTheCeremonyAfterTheLeadTimeOnTestDevices() {
            ExercisePlan plan = ExercisePlan.builtIn("live-exercise");
            RehearsalResult result = Rehearsal.run(plan);

            assertThat(result.complete()).isTrue();
            Instant notified = time(result, "T1.notify");
            Instant firstSession = time(result, "T3");
            assertThat(Duration.between(notified, firstSession)).isGreaterThanOrEqualTo(Duration.ofDays(28));
            assertThat(result.devices().relevant()).isPositive().isLessThanOrEqualTo(20);
            assertThat(result.devices().recovered()).isEqualTo(result.devices().relevant());
            assertThat(result.timeline()
                            .get(result.timeline().size() - 1)
                            .step()
                            .value())
                    .isEqualTo("T7");
        }

        @Test
        void signsWithoutSendingAnythingInATestExercise() {
            ExercisePlan live = ExercisePlan.builtIn("live-exercise");
            ExercisePlan test = new ExercisePlan(
                    live.name(),
                    live.description(),
                    ActorChoices.ExerciseMode.TEST,
                    live.seed(),
                    live.start(),
                    live.incident(),
                    live.procedure(),
                    live.custody(),
                    live.decisions(),
                    live.fleet(),
                    live.durations(),
                    live.settings(),
                    live.events());

            RehearsalResult result = Rehearsal.run(test);

            assertThat(result.complete()).isTrue();
            assertThat(result.devices().relevant()).isZero();
            assertThat(result.timeline())
                    .filteredOn(e -> e.step().value().equals("T5"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.effect()).contains("no Device sent anything"));
        }

        private static Instant time(RehearsalResult result, String step) {
            return result.timeline().stream()
                    .filter(e -> e.step().value().equals(step))
                    .findFirst()
                    .orElseThrow()
                    .time();
        }
    }

    @Nested
    class Orders {

        @Test
        void rehearsesAnExpandedPlanStepForStepAsTheBuiltInOne() {
            ExercisePlan builtIn = ExercisePlan.builtIn("recovery-key").withDevices(30);
            ExercisePlan expanded = ExercisePlan.parse(builtIn.toExpandedYaml(), "expanded");

            RehearsalResult a = Rehearsal.run(builtIn);
            RehearsalResult b = Rehearsal.run(expanded);

            assertThat(b.procedure()).isEqualTo(a.procedure() + ".plan");
            assertThat(steps(b)).isEqualTo(steps(a));
            assertThat(b.devices()).isEqualTo(a.devices());
            assertThat(b.complete()).isTrue();
        }

        @Test
        void refusesAnOldOcaRevocationThePlansOrderBringsBeforeTheDevicesHoldTheNewRoot() {
            String expanded = ExercisePlan.builtIn("contingency").toExpandedYaml();
            int c8 = expanded.indexOf("    - id: C8\n");
            String block = expanded.substring(c8, expanded.indexOf("    - id: C9\n"));
            String early = expanded.replace(block, "")
                    .replace(
                            "    - id: C4.attend\n",
                            block.replace("after: [C3, C6]", "after: [C3]") + "    - id: C4.attend\n");
            ExercisePlan plan = ExercisePlan.parse(early, "early.yaml").withDevices(40);

            RehearsalResult result = Rehearsal.run(plan);

            assertThat(result.complete()).isFalse();
            assertThat(result.anomalies())
                    .first()
                    .asString()
                    .startsWith("C8 by DCC refused")
                    .contains("REC-10");
        }
    }

    @Test
    void resumesAPlanOfItsOwnFromTheJournalAlone(@TempDir Path directory) {
        ExercisePlan plan = attending(
                        CONTINGENCY.withSeed(9).withDevices(25),
                        true,
                        at("KC-01", 1, AttendanceOutcome.ATTENDS),
                        at("KC-03", 1, AttendanceOutcome.LATE),
                        at("KC-05", 2, AttendanceOutcome.ATTENDS),
                        at("KC-02", 2, AttendanceOutcome.ATTENDS),
                        at("KC-04", 2, AttendanceOutcome.WRONG_SHARE),
                        at("KC-03", 2, AttendanceOutcome.ATTENDS))
                .withEvents(List.of(new InjectedEvent(
                        EventKind.HSM_ACTIVATION_FAILURE,
                        "C4",
                        Duration.ofHours(2),
                        RemotePartyRole.ROOT,
                        CertificateUsage.DIGITAL_SIGNATURE)));
        RehearsalResult whole = Rehearsal.run(plan);
        Path file = directory.resolve("own.journal");
        try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.file(file, Durability.UNFORCED))) {
            for (int i = 0; i < 20; i++) {
                rehearsal.step();
            }
        }

        try (Rehearsal resumed = Rehearsal.resume(file, Durability.UNFORCED)) {
            assertThat(resumed.plan()).isEqualTo(plan);
            assertThat(resumed.finish()).isEqualTo(whole);
        }
        assertThat(whole.complete()).isTrue();
    }
}
