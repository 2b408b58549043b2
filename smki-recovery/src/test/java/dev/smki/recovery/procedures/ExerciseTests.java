package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.ProcedureRun;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseTests {

    @Test
    void activatesTheExercisedKeyOnlyUnderTheSmkiPmasApprovalWithTheQuorumAndTestsOnlyWhileItIsActive() {
        SettableIncident incident = new SettableIncident();
        incident.appointed.add(CustodianId.of("KC-02"));
        ProcedureRun run = ProcedureRun.start(
                Exercise.definition(ProcedureSettings.defaults(), EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY)),
                Journal.inMemory(),
                new SimulatedClock(),
                incident.context());
        run.attempt(Exercise.PLANNED, DCC);
        run.attempt(Exercise.APPROVED, SMKI_PMA);
        run.attempt(Attempt.ofItem(Exercise.CUSTODIAN_ATTENDS, "KC-02", KEY_CUSTODIAN, Payload.none()));

        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("REC-1 decision gate");
        incident.authorised.add(CustodyKey.CONTINGENCY_PRIVATE_KEY);
        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
        incident.quorate(CustodyKey.CONTINGENCY_PRIVATE_KEY, true);
        assertThat(Outcomes.of(run.attempt(Exercise.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Exercise.TESTED, DCC))).isEqualTo("CUS-2 key active");
    }

    @Test
    void exercisesAtLeastOneKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Exercise.definition(ProcedureSettings.defaults(), Set.of()))
                .withMessageContaining("at least one key");
    }
}
