package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.DEVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevokeTests {

    @Test
    void decidesOnlyARequestAndOnlyTheDccDecidesAndPublishes() {
        SettableClock clock = SettableClock.at(Samples.START);
        ProcedureRun<IncidentState> run = ProcedureRun.start(Revoke.definition(), Journal.inMemory(), clock);

        assertThat(Outcomes.of(run.attempt(Revoke.DECIDED, DCC))).isEqualTo("MISSING_PREREQUISITES");
        assertThat(Outcomes.of(run.attempt(Revoke.REQUESTED, DEVICE))).isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(Revoke.REQUESTED, ARO))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Revoke.DECIDED, ARO))).isEqualTo("WRONG_ACTOR");
        clock.advance(Duration.ofHours(30));
        assertThat(Outcomes.of(run.attempt(Revoke.DECIDED, DCC))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Revoke.PUBLISHED, DCC))).isEqualTo("ACCEPTED");
        assertThat(run.breachedDeadlines()).extracting(b -> b.deadline().name()).containsExactly("T_processRevocation");
    }
}
