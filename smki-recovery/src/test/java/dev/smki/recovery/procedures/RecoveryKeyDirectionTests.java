package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Samples;
import org.junit.jupiter.api.Test;

class RecoveryKeyDirectionTests {

    private final TestIncident incident = new TestIncident(CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER);
    private final Procedure<IncidentState> procedure = RecoveryKeyDirection.definition();
    private final ProcedureRun<IncidentState> run =
            ProcedureRun.start(procedure, Journal.inMemory(), SettableClock.at(Samples.START), incident.state);

    @Test
    void onlyTheSmkiPmaDirectsTheDccNeverTheDccItself() {
        assertThat(incident.does(run, RecoveryKeyDirection.DIRECTED, DCC)).isEqualTo("WRONG_ACTOR");
        assertThat(incident.does(run, RecoveryKeyDirection.DIRECTED, SMKI_PMA)).isEqualTo("ACCEPTED");
        assertThat(incident.state.custody().direction()).hasValueSatisfying(d -> {
            assertThat(d.use()).isEqualTo("replace the Supplier's digital-signature cell");
            assertThat(d.window()).hasDays(7);
            assertThat(d.authorises(CustodyKey.RECOVERY_PRIVATE_KEY)).isTrue();
            assertThat(d.authorises(CustodyKey.CONTINGENCY_PRIVATE_KEY)).isFalse();
        });
        assertThat(incident.state.isAuthorised(CustodyKey.RECOVERY_PRIVATE_KEY)).isTrue();
    }

    @Test
    void custodiansMayAttendBeforeTheDirectionButTheKeyIsActivatedOnlyUnderIt() {
        for (String custodian : new String[] {"KC-01", "KC-02", "KC-03"}) {
            assertThat(Outcomes.of(run.attempt(
                            incident.attends(procedure, RecoveryKeyDirection.CUSTODIAN_ATTENDS, custodian))))
                    .isEqualTo("ACCEPTED");
        }
        incident.present(3);
        assertThat(incident.does(run, RecoveryKeyDirection.KEY_ACTIVATED, DCC)).isEqualTo("MISSING_PREREQUISITES");
        assertThat(incident.state.custody().isActive(CustodyKey.RECOVERY_PRIVATE_KEY))
                .isFalse();

        incident.does(run, RecoveryKeyDirection.DIRECTED, SMKI_PMA);
        assertThat(incident.does(run, RecoveryKeyDirection.ACKNOWLEDGED, DCC)).isEqualTo("ACCEPTED");
        assertThat(incident.does(run, RecoveryKeyDirection.KEY_ACTIVATED, DCC)).isEqualTo("ACCEPTED");
        assertThat(incident.state.custody().isActive(CustodyKey.RECOVERY_PRIVATE_KEY))
                .isTrue();
        assertThat(incident.does(run, RecoveryKeyDirection.CERTIFICATES_READY, SUBSCRIBER))
                .isEqualTo("ACCEPTED");
        assertThat(incident.does(run, RecoveryKeyDirection.USED, DCC)).isEqualTo("ACCEPTED");
        assertThat(incident.state.fleet().scope().isSettled()).isTrue();
        assertThat(incident.does(run, RecoveryKeyDirection.KEY_DEACTIVATED, DCC))
                .isEqualTo("ACCEPTED");
        assertThat(incident.does(run, RecoveryKeyDirection.REPORTED, DCC)).isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
    }

    @Test
    void theDirectionItselfIsVerifiedAndWhatItNamesReconstructed() {
        assertThat(procedure.step(RecoveryKeyDirection.DIRECTED).confidence())
                .hasValue(dev.smki.core.provenance.Confidence.VERIFIED);
        assertThat(procedure.step(RecoveryKeyDirection.DIRECTED).sources())
                .anySatisfy(
                        c -> assertThat(c.toString()).contains("seed 003", "When directed to do so by the SMKI PMA"));
        assertThat(RecoveryKeyDirection.WITHIN_DIRECTION.confidence().isAssumption())
                .isTrue();
    }
}
