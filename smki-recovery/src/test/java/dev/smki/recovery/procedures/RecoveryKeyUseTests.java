package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Samples;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import org.junit.jupiter.api.Test;

class RecoveryKeyUseTests {

    private final TestIncident incident = new TestIncident(CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER);

    private ProcedureRun<IncidentState> start(RecoveryKeyUse.Method method) {
        return ProcedureRun.start(
                RecoveryKeyUse.definition(method), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
    }

    private Attempt attends(RecoveryKeyUse.Method method, String custodian) {
        return incident.attends(RecoveryKeyUse.definition(method), RecoveryKeyUse.CUSTODIAN_ATTENDS, custodian);
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
        ProcedureRun<IncidentState> run = start(RecoveryKeyUse.Method.METHOD_3);

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("REC-1 decision gate");
        incident.decide(RecoveryMechanism.RECOVERY_METHOD_2);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("REC-1 method decided");
        incident.decide(RecoveryMechanism.RECOVERY_METHOD_3);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA))).isEqualTo("ACCEPTED");
    }

    @Test
    void letsKeyCustodiansAttendBeforeTheSmkiPmaDecidesButActivatesTheKeyOnlyAfterIt() {
        ProcedureRun<IncidentState> run = start(RecoveryKeyUse.Method.METHOD_3);

        for (String custodian : new String[] {"KC-01", "KC-02", "KC-03"}) {
            assertThat(Outcomes.of(run.attempt(attends(RecoveryKeyUse.Method.METHOD_3, custodian))))
                    .as("%s attends before any decision (seed 002 §3.6)", custodian)
                    .isEqualTo("ACCEPTED");
        }
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("MISSING_PREREQUISITES");
        assertThat(incident.state.custody().isActive(CustodyKey.RECOVERY_PRIVATE_KEY))
                .isFalse();
    }

    @Test
    void countsOnlyAppointedCustodiansAndActivatesOnlyWithTheQuorumThenSignsOnlyWhileTheKeyIsActive() {
        ProcedureRun<IncidentState> run = start(RecoveryKeyUse.Method.METHOD_3);
        incident.decide(RecoveryMechanism.RECOVERY_METHOD_3);
        run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA);
        run.attempt(RecoveryKeyUse.NEW_CERTIFICATES, SUBSCRIBER);
        run.attempt(RecoveryKeyUse.COMMANDS_BUILT, DCC);

        assertThat(Outcomes.of(run.attempt(attends(RecoveryKeyUse.Method.METHOD_3, "KC-09"))))
                .isEqualTo("REC-2 appointed custodian");
        assertThat(Outcomes.of(run.attempt(attends(RecoveryKeyUse.Method.METHOD_3, "KC-01"))))
                .isEqualTo("ACCEPTED");
        incident.present(2);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
        incident.present(3);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.COMMANDS_SENT, DCC))).isEqualTo("CUS-2 key active");
        incident.activate(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.COMMANDS_SENT, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void closesOnlyOnceEveryRelevantDeviceIsUpdatedOrWrittenOff() {
        incident.decide(RecoveryMechanism.RECOVERY_METHOD_2);
        incident.present(3);
        incident.state.fleet().scope(incident.state.compromisedCertificate());
        ProcedureRun<IncidentState> run = start(RecoveryKeyUse.Method.METHOD_2);
        run.attempt(RecoveryKeyUse.DECIDED, SMKI_PMA);
        run.attempt(attends(RecoveryKeyUse.Method.METHOD_2, "KC-01"));
        for (StepId step : new StepId[] {
            RecoveryKeyUse.COMMANDS_BUILT,
            RecoveryKeyUse.KEY_ACTIVATED,
            RecoveryKeyUse.COMMANDS_SENT,
            RecoveryKeyUse.PROGRESS_REPORTED,
            RecoveryKeyUse.SUBSCRIBER_CERTIFICATE_PLACED,
            RecoveryKeyUse.DEVICES_VERIFIED,
            RecoveryKeyUse.KEY_DEACTIVATED
        }) {
            assertThat(incident.does(run, step, DCC)).as(step.value()).isEqualTo("ACCEPTED");
        }
        assertThat(incident.state.fleet().scope().isSettled()).isTrue();
        incident.state
                .fleet()
                .target(
                        incident.state
                                .pki()
                                .issueNew(RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT)
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow(),
                        "elsewhere");

        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.CLOSED, DCC))).isEqualTo("REC-8 scope settled");
        incident.state
                .fleet()
                .target(
                        incident.state
                                .pki()
                                .subscriberCertificate()
                                .orElseThrow()
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow(),
                        "R8");
        assertThat(Outcomes.of(run.attempt(RecoveryKeyUse.CLOSED, DCC))).isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
    }
}
