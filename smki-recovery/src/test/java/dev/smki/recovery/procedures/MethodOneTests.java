package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.ProcedureRun;
import org.junit.jupiter.api.Test;

class MethodOneTests {

    @Test
    void letsOnlyTheSubscriberSendAndClosesOnlyOnceTheScopeIsSettled() {
        SettableIncident incident = new SettableIncident();
        ProcedureRun run = ProcedureRun.start(
                MethodOne.definition(), Journal.inMemory(), new SimulatedClock(), incident.context());
        run.attempt(MethodOne.PREPARED, SUBSCRIBER);

        assertThat(Outcomes.of(run.attempt(MethodOne.SENT, DCC))).isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(MethodOne.SENT, SUBSCRIBER))).isEqualTo("ACCEPTED");
        incident.scope = new DeviceScope(3, 2, 0);
        assertThat(Outcomes.of(run.attempt(MethodOne.VERIFIED, SUBSCRIBER))).isEqualTo("REC-8 scope settled");
        incident.scope = new DeviceScope(3, 3, 0);
        assertThat(Outcomes.of(run.attempt(MethodOne.VERIFIED, SUBSCRIBER))).isEqualTo("ACCEPTED");
    }

    @Test
    void usesNoDccKeySoNoStepIsGatedOnADecision() {
        assertThat(MethodOne.definition().steps())
                .flatExtracting(s -> s.guards())
                .noneMatch(g -> g.rule().value().equals("REC-1"));
    }
}
