package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Samples;
import org.junit.jupiter.api.Test;

class RecoveryKeyReplacementTests {

    private static final RecoveryKeyReplacement.AfterUse REUSE =
            new RecoveryKeyReplacement.AfterUse(RecoveryKeyReplacement.Outcome.REUSE, "ordinary use");
    private static final RecoveryKeyReplacement.AfterUse REPLACE =
            new RecoveryKeyReplacement.AfterUse(RecoveryKeyReplacement.Outcome.REPLACE, "used in INC-2026-001");

    private final TestIncident incident = new TestIncident(CompromisedKey.RECOVERY_KEY, RemotePartyRole.RECOVERY);

    private ProcedureRun<IncidentState> start(RecoveryKeyPolicy policy) {
        return ProcedureRun.start(
                RecoveryKeyReplacement.definition(ProcedureSettings.defaults().withRecoveryKeyPolicy(policy)),
                Journal.inMemory(),
                SettableClock.at(Samples.START),
                incident.state);
    }

    @Test
    void decidesReuseOrReplacementAsTheConfiguredPolicySays() {
        assertThat(Outcomes.of(
                        start(RecoveryKeyPolicy.MAY_REUSE).attempt(RecoveryKeyReplacement.DIRECTED, DCC, REPLACE)))
                .isEqualTo("RKR-1 after-use decision follows policy");
        assertThat(Outcomes.of(
                        start(RecoveryKeyPolicy.MUST_REPLACE).attempt(RecoveryKeyReplacement.DIRECTED, DCC, REUSE)))
                .isEqualTo("RKR-1 after-use decision follows policy");
        assertThat(Outcomes.of(
                        start(RecoveryKeyPolicy.MUST_REPLACE).attempt(RecoveryKeyReplacement.DIRECTED, DCC, REPLACE)))
                .isEqualTo("ACCEPTED");
        ProcedureRun<IncidentState> pma = start(RecoveryKeyPolicy.PMA_DECIDES);
        assertThat(Outcomes.of(pma.attempt(RecoveryKeyReplacement.DIRECTED, DCC, REUSE)))
                .isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(pma.attempt(RecoveryKeyReplacement.DIRECTED, SMKI_PMA, REUSE)))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void replacesTheKeyOnlyWhenDecidedTo() {
        ProcedureRun<IncidentState> run = start(RecoveryKeyPolicy.PMA_DECIDES);
        run.attempt(RecoveryKeyReplacement.DIRECTED, SMKI_PMA, REUSE);
        incident.state.custody().decideAfterUse(REUSE);

        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.NEW_RECOVERY_KEY, DCC)))
                .isEqualTo("RKR-2 replacement decided");
    }

    @Test
    void activatesTheAuthorisingKeyOnlyUnderAnAuthorisationWithTheQuorumAndClosesWhenTheScopeIsSettled() {
        Procedure<IncidentState> procedure = RecoveryKeyReplacement.definition(
                ProcedureSettings.defaults().withRecoveryKeyPolicy(RecoveryKeyPolicy.MUST_REPLACE));
        ProcedureRun<IncidentState> run = start(RecoveryKeyPolicy.MUST_REPLACE);
        assertThat(incident.does(run, RecoveryKeyReplacement.DIRECTED, DCC)).isEqualTo("ACCEPTED");
        assertThat(incident.does(run, RecoveryKeyReplacement.NEW_RECOVERY_KEY, DCC))
                .isEqualTo("ACCEPTED");
        run.attempt(incident.attends(procedure, RecoveryKeyReplacement.CUSTODIAN_ATTENDS, "KC-01"));
        incident.present(3);

        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.KEY_ACTIVATED, DCC)))
                .isEqualTo("MISSING_PREREQUISITES");
        // custodians may attend before the authorisation (they are notified early, seed 002 §3.6)
        assertThat(Outcomes.of(
                        run.attempt(incident.attends(procedure, RecoveryKeyReplacement.CUSTODIAN_ATTENDS, "KC-02"))))
                .isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(
                        RecoveryKeyReplacement.AUTHORISED,
                        SMKI_PMA,
                        new RecoveryKeyReplacement.Authorisation(RecoveryKeyReplacement.AuthorisingKey.RECOVERY_KEY))))
                .isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.KEY_ACTIVATED, DCC)))
                .isEqualTo("REC-1 decision gate");
        incident.authorise(CustodyKey.RECOVERY_PRIVATE_KEY);
        incident.state.custody().attend(CustodianId.of("KC-01"), 2);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.KEY_ACTIVATED, DCC)))
                .isEqualTo("REC-2 quorum");
        incident.state.custody().attend(CustodianId.of("KC-02"), 2);
        incident.state.custody().attend(CustodianId.of("KC-03"), 2);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.KEY_ACTIVATED, DCC)))
                .isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.CELLS_REPLACED, DCC)))
                .isEqualTo("CUS-2 key active");
        incident.activate(CustodyKey.RECOVERY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.CELLS_REPLACED, DCC)))
                .isEqualTo("ACCEPTED");
        run.attempt(RecoveryKeyReplacement.OLD_KEY_REVOKED, DCC);
        assertThat(incident.state.fleet().scope().isSettled()).isFalse();
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.NEW_KEY_IN_CUSTODY, DCC)))
                .isEqualTo("REC-8 scope settled");
        procedure
                .step(RecoveryKeyReplacement.CELLS_REPLACED)
                .effect()
                .apply(incident.state, Attempt.of(RecoveryKeyReplacement.CELLS_REPLACED, DCC));
        assertThat(Outcomes.of(run.attempt(RecoveryKeyReplacement.NEW_KEY_IN_CUSTODY, DCC)))
                .isEqualTo("ACCEPTED");
    }
}
