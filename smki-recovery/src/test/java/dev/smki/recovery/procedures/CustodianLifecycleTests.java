package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.PARTY;
import static dev.smki.recovery.procedures.Actors.SECAS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Custodians;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Samples;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustodianLifecycleTests {

    private final TestIncident incident = new TestIncident();
    private final Custodians custodians = incident.state.custody().custodians();
    private final ProcedureRun<IncidentState> run = ProcedureRun.start(
            CustodianLifecycle.definition(), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);

    private String attempt(StepId step, String custodian, Actor actor) {
        return Outcomes.of(run.attempt(Attempt.ofItem(step, custodian, actor, Payload.none())));
    }

    @Test
    void movesEachCustodianThroughTheLifecycleInOrder() {
        assertThat(attempt(CustodianLifecycle.VETTED, "KC-01", SECAS)).isEqualTo("MISSING_PREREQUISITES");
        assertThat(attempt(CustodianLifecycle.NOMINATED, "KC-01", PARTY)).isEqualTo("ACCEPTED");
        assertThat(attempt(CustodianLifecycle.VETTED, "KC-01", PARTY)).isEqualTo("WRONG_ACTOR");
        assertThat(attempt(CustodianLifecycle.VETTED, "KC-01", SECAS)).isEqualTo("ACCEPTED");
        assertThat(attempt(CustodianLifecycle.APPOINTED, "KC-02", SECAS)).isEqualTo("MISSING_PREREQUISITES");
        assertThat(attempt(CustodianLifecycle.APPOINTED, "KC-01", SECAS)).isEqualTo("ACCEPTED");
        assertThat(attempt(CustodianLifecycle.CEASED, "KC-01", PARTY)).isEqualTo("ACCEPTED");
    }

    @Test
    void resharesOnlyWhileEnoughCustodiansAreAppointedToTakeEveryShare() {
        for (String id : new String[] {"KC-01", "KC-02", "KC-03", "KC-04", "KC-05"}) {
            attempt(CustodianLifecycle.NOMINATED, id, PARTY);
            attempt(CustodianLifecycle.VETTED, id, SECAS);
            attempt(CustodianLifecycle.APPOINTED, id, SECAS);
        }
        attempt(CustodianLifecycle.CEASED, "KC-03", PARTY);
        custodians.cease(CustodianId.of("KC-03"), Instant.EPOCH);

        assertThat(Outcomes.of(run.attempt(CustodianLifecycle.RESHARED, DCC))).isEqualTo("REC-2 quorum reachable");
        custodians.appointDirectly(CustodianId.of("KC-06"), "KC-06", "Party 6", Instant.EPOCH);
        assertThat(Outcomes.of(run.attempt(CustodianLifecycle.RESHARED, DCC))).isEqualTo("ACCEPTED");
    }
}
