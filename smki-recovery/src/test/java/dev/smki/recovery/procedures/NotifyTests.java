package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.journal.DeadlineBreach;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Samples;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyTests {

    private static final Notify.Confirmation CALL_BACK =
            new Notify.Confirmation("call-back to a nominated ARO", "ARO of the Subscriber");

    private final TestIncident incident = new TestIncident();
    private final SettableClock clock = SettableClock.at(Samples.START);

    private ProcedureRun<IncidentState> start(ProcedureSettings settings) {
        return ProcedureRun.start(Notify.definition(settings), Journal.inMemory(), clock, incident.state);
    }

    @Test
    void runsInTheOrderOfItsTable() {
        ProcedureRun<IncidentState> run = start(ProcedureSettings.defaults());

        assertThat(Outcomes.of(run.attempt(Notify.DETECTED, SUBSCRIBER))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Notify.CONFIRMED, DCC, CALL_BACK))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Notify.PMA_NOTIFIED, DCC))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Notify.SCOPED, DCC))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(Notify.REVOCATION_REQUESTED, SUBSCRIBER)))
                .isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
        assertThat(run.entries().get(2).payload().asMap()).containsEntry("mechanism", "call-back to a nominated ARO");
    }

    @Test
    void refusesNotifyingTheDccBeforeTheCompromiseIsDetected() {
        ProcedureRun<IncidentState> run = start(ProcedureSettings.defaults());

        assertThat(Outcomes.of(run.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER))).isEqualTo("MISSING_PREREQUISITES");
    }

    @Test
    void refusesAConfirmationByAnyoneButTheDcc() {
        ProcedureRun<IncidentState> run = start(ProcedureSettings.defaults());
        run.attempt(Notify.DETECTED, SUBSCRIBER);
        run.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER);

        assertThat(Outcomes.of(run.attempt(Notify.CONFIRMED, SUBSCRIBER, CALL_BACK)))
                .isEqualTo("WRONG_ACTOR");
    }

    @Test
    void refusesAConfirmationThroughAMechanismThatIsNotPermittedUnlessTheSettingsPermitIt() {
        Notify.Confirmation email = new Notify.Confirmation("e-mail from the Subscriber", "");
        ProcedureRun<IncidentState> run = start(ProcedureSettings.defaults());
        run.attempt(Notify.DETECTED, SUBSCRIBER);
        run.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER);

        assertThat(Outcomes.of(run.attempt(Notify.CONFIRMED, DCC, email))).isEqualTo("NOT-1 permitted confirmation");
        assertThat(Outcomes.of(run.attempt(Notify.CONFIRMED, DCC))).isEqualTo("NOT-1 permitted confirmation");

        ProcedureRun<IncidentState> permissive =
                start(ProcedureSettings.defaults().withPermittedConfirmations(List.of("e-mail from the Subscriber")));
        permissive.attempt(Notify.DETECTED, SUBSCRIBER);
        permissive.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER);
        assertThat(Outcomes.of(permissive.attempt(Notify.CONFIRMED, DCC, email)))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void reportsALateConfirmationAgainstTheConfiguredDeadline() {
        ProcedureRun<IncidentState> run = start(ProcedureSettings.defaults());
        run.attempt(Notify.DETECTED, SUBSCRIBER);
        run.attempt(Notify.DCC_NOTIFIED, SUBSCRIBER);
        clock.advance(Duration.ofHours(5));
        run.attempt(Notify.CONFIRMED, DCC, CALL_BACK);

        assertThat(run.breachedDeadlines())
                .extracting(b -> b.deadline().name(), DeadlineBreach::overdueBy)
                .containsExactly(tuple("T_confirm", Duration.ofHours(1)));

        ProcedureSettings patient = ProcedureSettings.defaults().withDuration("T_confirm", Duration.ofHours(6));
        assertThat(Notify.definition(patient)
                        .deadline("T_confirm")
                        .orElseThrow()
                        .limit())
                .isEqualTo(Duration.ofHours(6));
    }
}
