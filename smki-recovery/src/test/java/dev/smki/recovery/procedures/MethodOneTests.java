package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Samples;
import org.junit.jupiter.api.Test;

class MethodOneTests {

    @Test
    void letsOnlyTheSubscriberSendAndClosesOnlyOnceTheScopeIsSettled() {
        TestIncident incident = new TestIncident(CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER);
        incident.state.fleet().scope(incident.state.compromisedCertificate());
        ProcedureRun<IncidentState> run = ProcedureRun.start(
                MethodOne.definition(), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        run.attempt(MethodOne.PREPARED, SUBSCRIBER);

        assertThat(Outcomes.of(run.attempt(MethodOne.SENT, DCC))).isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(MethodOne.SENT, SUBSCRIBER))).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(MethodOne.VERIFIED, SUBSCRIBER))).isEqualTo("REC-8 scope settled");
        incident.state
                .fleet()
                .target(
                        incident.state
                                .compromisedCertificate()
                                .parsed()
                                .subjectKeyIdentifier()
                                .orElseThrow(),
                        "M1.exec");
        assertThat(Outcomes.of(run.attempt(MethodOne.VERIFIED, SUBSCRIBER))).isEqualTo("ACCEPTED");
    }

    @Test
    void usesNoDccKeySoNoStepIsGatedOnADecision() {
        assertThat(MethodOne.definition().steps())
                .flatExtracting(s -> s.guards())
                .noneMatch(g -> g.rule().value().equals("REC-1"));
    }
}
