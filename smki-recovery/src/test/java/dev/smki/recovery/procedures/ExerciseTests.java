package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Samples;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseTests {

    @Test
    void letsCustodiansAttendBeforeTheApprovalButActivatesOnlyUnderItWithTheQuorumAndTestsOnlyWhileActive() {
        TestIncident incident = new TestIncident();
        Procedure<IncidentState> exercise =
                Exercise.definition(ProcedureSettings.defaults(), EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY));
        ProcedureRun<IncidentState> run =
                ProcedureRun.start(exercise, Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        run.attempt(Exercise.PLANNED, DCC);

        assertThat(Outcomes.of(run.attempt(incident.attends(exercise, Exercise.CUSTODIAN_ATTENDS, "KC-02"))))
                .isEqualTo("MISSING_PREREQUISITES");
        run.attempt(Exercise.CUSTODIANS_NOTIFIED, DCC);
        assertThat(Outcomes.of(run.attempt(incident.attends(exercise, Exercise.CUSTODIAN_ATTENDS, "KC-02"))))
                .isEqualTo("ACCEPTED");
        incident.present(3);
        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("MISSING_PREREQUISITES");
        assertThat(incident.does(run, Exercise.APPROVED, SMKI_PMA)).isEqualTo("ACCEPTED");
        assertThat(incident.state.isAuthorised(CustodyKey.CONTINGENCY_PRIVATE_KEY))
                .isTrue();
        assertThat(incident.state.isAuthorised(CustodyKey.RECOVERY_PRIVATE_KEY)).isFalse();
        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Exercise.TESTED, DCC))).isEqualTo("CUS-2 key active");
    }

    @Test
    void refusesTheActivationWithoutTheQuorum() {
        TestIncident incident = new TestIncident();
        Procedure<IncidentState> exercise = Exercise.definition();
        ProcedureRun<IncidentState> run =
                ProcedureRun.start(exercise, Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        incident.does(run, Exercise.PLANNED, DCC);
        incident.does(run, Exercise.CUSTODIANS_NOTIFIED, DCC);
        incident.does(run, Exercise.APPROVED, SMKI_PMA);
        run.attempt(incident.attends(exercise, Exercise.CUSTODIAN_ATTENDS, "KC-01"));
        incident.present(2);

        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
    }

    @Test
    void exercisesAtLeastOneKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Exercise.definition(ProcedureSettings.defaults(), Set.of()))
                .withMessageContaining("at least one key");
    }
}
