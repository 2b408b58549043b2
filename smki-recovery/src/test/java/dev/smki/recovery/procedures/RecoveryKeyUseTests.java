package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.ProcedureRun;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryKeyUseTests {

    private final SettableIncident incident = new SettableIncident();

    private ProcedureRun start(RecoveryKeyUse.Method method) {
        return ProcedureRun.start(
                RecoveryKeyUse.definition(method), Journal.inMemory(), new SimulatedClock(), incident.context());
    }

    private void decide(RecoveryMechanism mechanism) {
        incident.decision = new PmaDecision(SettableIncident.INCIDENT, mechanism, Instant.EPOCH);
        if (mechanism.requires(CustodyKey.RECOVERY_PRIVATE_KEY)) {
            incident.authorised.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        }
    }

    private static Attempt attends(String custodian) {
        return Attempt.ofItem(RecoveryKeyUse.CUSTODIAN_ATTENDS, custodian, KEY_CUSTODIAN, Payload.none());
    }

    @Test
    void hasTheSubscribersNewCertificatesFirstInMethodThreeAndPutsThemInLaterInMethodTwo() {
        assertThat(RecoveryKeyUse.definition(RecoveryKeyUse.Method.METHOD_3).steps())
                .extracting(Step::id)
                .contains(RecoveryKeyUse.NEW_CERTIFICATES)
                .doesNotContain(RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED);
        assertThat(RecoveryKeyUse.definition(RecoveryKeyUse.Method.METHOD_2).steps())
                .extracting(Step::id)
                .contains(RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED)
                .doesNotContain(RecoveryKeyUse.NEW_CERTIFICATES);
        assertThat(RecoveryKeyUse.definition(RecoveryKeyUse.Method.METHOD_3)
                        .step(RecoveryKeyUse.COMMANDS_BUILT)
                        .prerequisites())
                .containsExactly(RecoveryKeyUse.DECIDED, RecoveryKeyUse.NEW_CERTIFICATES);
        assertThat(RecoveryKeyUse.Method.of(2)).isEqualTo(RecoveryKeyUse.Method.METHOD_2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecoveryKeyUse.Method.of(1))
                .withMessageContaining("1");
    }

    @Test
    void refusesTheFirstStepWithoutADecisionRequiringTheRecoveryKeyByThisMethod() {
        ProcedureRun run = start(RecoveryKeyUse.Method.METHOD_3);

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("REC-1 decision gate");
        decide(RecoveryMechanism.RECOVERY_METHOD_2);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("REC-1 method decided");
        decide(RecoveryMechanism.RECOVERY_METHOD_3);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("ACCEPTED");
    }

    @Test
    void countsOnlyAppointedCustodiansAndActivatesOnlyWithTheQuorumAndTheDecision() {
        decide(RecoveryMechanism.RECOVERY_METHOD_3);
        incident.appointed.add(CustodianId.of("KC-01"));
        ProcedureRun run = start(RecoveryKeyUse.Method.METHOD_3);
        run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA);
        run.attempt(RecoveryKeyUse.NEW_CERTIFICATES, SUBSCRIBER);
        run.attempt(RecoveryKeyUse.COMMANDS_BUILT, DCC);

        assertThat(Outcomes.of(run.attempt(attends("KC-09")))).isEqualTo("REC-2 appointed custodian");
        assertThat(Outcomes.of(run.attempt(attends("KC-01")))).isEqualTo("ACCEPTED");
        incident.quorate(CustodyKey.RECOVERY_PRIVATE_KEY, false);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
        incident.quorate(CustodyKey.RECOVERY_PRIVATE_KEY, true);
        incident.authorised.clear();
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("REC-1 decision gate");
        incident.authorised.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.COMMANDS_SENT, DCC))).isEqualTo("CUS-2 key active");
        incident.active.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.COMMANDS_SENT, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void closesOnlyOnceEveryRelevantDeviceIsUpdatedOrWrittenOff() {
        decide(RecoveryMechanism.RECOVERY_METHOD_2);
        incident.appointed.add(CustodianId.of("KC-01"));
        incident.quorate(CustodyKey.RECOVERY_PRIVATE_KEY, true);
        incident.active.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        ProcedureRun run = start(RecoveryKeyUse.Method.METHOD_2);
        run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA);
        run.attempt(attends("KC-01"));
        for (StepId step : new StepId[] {
            RecoveryKeyUse.COMMANDS_BUILT,
            RecoveryKeyUse.KEY_ACTIVATED,
            RecoveryKeyUse.COMMANDS_SENT,
            RecoveryKeyUse.PROGRESS_REPORTED,
            RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED,
            RecoveryKeyUse.DEVICES_VERIFIED,
            RecoveryKeyUse.KEY_DEACTIVATED
        }) {
            assertThat(Outcomes.of(run.attempt(step, DCC))).as(step.value()).isEqualTo("ACCEPTED");
        }
        incident.scope = new DeviceScope(1000, 990, 5);

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.CLOSED, DCC))).isEqualTo("REC-8 scope settled");
        incident.scope = new DeviceScope(1000, 990, 10);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.CLOSED, DCC))).isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
    }
}
