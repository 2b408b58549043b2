package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.ProcedureRun;
import org.junit.jupiter.api.Test;

class RecoveryKeyDirectionTests {

    private static final RecoveryKeyDirection.Direction REUSE =
            new RecoveryKeyDirection.Direction(RecoveryKeyDirection.Outcome.REUSE, "ordinary use");
    private static final RecoveryKeyDirection.Direction REPLACE =
            new RecoveryKeyDirection.Direction(RecoveryKeyDirection.Outcome.REPLACE, "used in INC-2026-001");

    private final SettableIncident incident = new SettableIncident();

    private ProcedureRun start(RecoveryKeyPolicy policy) {
        return ProcedureRun.start(
                RecoveryKeyDirection.definition(ProcedureSettings.defaults().withRecoveryKeyPolicy(policy)),
                Journal.inMemory(),
                new SimulatedClock(),
                incident.context());
    }

    @Test
    void directsAsTheConfiguredPolicySays() {
        assertThat(Outcomes.of(start(RecoveryKeyPolicy.MAY_REUSE).attempt(RecoveryKeyDirection.DIRECTED, DCC, REPLACE)))
                .isEqualTo("RKD-1 direction follows policy");
        assertThat(Outcomes.of(
                        start(RecoveryKeyPolicy.MUST_REPLACE).attempt(RecoveryKeyDirection.DIRECTED, DCC, REUSE)))
                .isEqualTo("RKD-1 direction follows policy");
        assertThat(Outcomes.of(
                        start(RecoveryKeyPolicy.MUST_REPLACE).attempt(RecoveryKeyDirection.DIRECTED, DCC, REPLACE)))
                .isEqualTo("ACCEPTED");
        ProcedureRun pma = start(RecoveryKeyPolicy.PMA_DECIDES);
        assertThat(Outcomes.of(pma.attempt(RecoveryKeyDirection.DIRECTED, DCC, REUSE)))
                .isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(pma.attempt(RecoveryKeyDirection.DIRECTED, SMKI_PMA, REUSE)))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void replacesTheKeyOnlyWhenDirectedTo() {
        ProcedureRun run = start(RecoveryKeyPolicy.PMA_DECIDES);
        run.attempt(RecoveryKeyDirection.DIRECTED, SMKI_PMA, REUSE);
        incident.direction = REUSE;

        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.NEW_RECOVERY_KEY, DCC)))
                .isEqualTo("RKD-2 replacement directed");
    }

    @Test
    void activatesTheAuthorisingKeyOnlyUnderAnAuthorisationWithTheQuorumAndClosesWhenTheScopeIsSettled() {
        incident.direction = REPLACE;
        incident.appointed.add(CustodianId.of("KC-01"));
        ProcedureRun run = start(RecoveryKeyPolicy.MUST_REPLACE);
        run.attempt(RecoveryKeyDirection.DIRECTED, DCC, REPLACE);
        run.attempt(RecoveryKeyDirection.NEW_RECOVERY_KEY, DCC);
        run.attempt(
                RecoveryKeyDirection.AUTHORISED,
                SMKI_PMA,
                new RecoveryKeyDirection.Authorisation(RecoveryKeyDirection.AuthorisingKey.RECOVERY_KEY));
        run.attempt(Attempt.ofItem(RecoveryKeyDirection.CUSTODIAN_ATTENDS, "KC-01", KEY_CUSTODIAN, Payload.none()));

        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.KEY_ACTIVATED, DCC)))
                .isEqualTo("REC-1 decision gate");
        incident.authorised.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.KEY_ACTIVATED, DCC)))
                .isEqualTo("REC-2 quorum");
        incident.quorate(CustodyKey.RECOVERY_PRIVATE_KEY, true);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.KEY_ACTIVATED, DCC)))
                .isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.CELLS_REPLACED, DCC)))
                .isEqualTo("CUS-2 key active");
        incident.active.add(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.CELLS_REPLACED, DCC)))
                .isEqualTo("ACCEPTED");
        run.attempt(RecoveryKeyDirection.OLD_KEY_REVOKED, DCC);
        incident.scope = new DeviceScope(5, 4, 0);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyDirection.NEW_KEY_IN_CUSTODY, DCC)))
                .isEqualTo("REC-8 scope settled");
    }
}
