package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributeTests {

    @Test
    void sendsCertificatesOnlyOnceTheDevicesHoldTheRootTheyChainTo() {
        TestIncident incident = new TestIncident();
        incident.state.fleet().scope(incident.state.compromisedCertificate());
        incident.state.pki().makeNewRoot();
        ProcedureRun<IncidentState> run = ProcedureRun.start(
                Distribute.definition(), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);

        assertThat(Outcomes.of(run.attempt(Distribute.SENT, DCC))).isEqualTo("MISSING_PREREQUISITES");
        run.attempt(Distribute.CELLS_CHOSEN, DCC);
        run.attempt(Distribute.MODE_CHOSEN, DCC);
        run.attempt(Distribute.PATH_INCLUDED, DCC);
        assertThat(Outcomes.of(run.attempt(Distribute.SENT, DCC))).isEqualTo("REC-10 chain order");
        incident.state.fleet().scope(incident.state.pki().current().issuingOca());
        assertThat(incident.state.fleet().relevant()).isEmpty();
        assertThat(Outcomes.of(run.attempt(Distribute.SENT, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void leavesOutAReconstructedStepKeepingTheOrder() {
        ProcedureSettings settings = ProcedureSettings.defaults().omitting(List.of(Distribute.MODE_CHOSEN));

        assertThat(Distribute.definition(settings)
                        .step(Distribute.PATH_INCLUDED)
                        .prerequisites())
                .containsExactly(Distribute.CELLS_CHOSEN);
    }
}
