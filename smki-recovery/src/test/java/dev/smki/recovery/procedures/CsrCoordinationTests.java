package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Samples;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrCoordinationTests {

    private final TestIncident incident = new TestIncident();
    private final Eui64 supplier = incident.state.pki().current().parties().of(RemotePartyRole.SUPPLIER);
    private ProcedureRun<IncidentState> run;

    @BeforeEach
    void scheduled() {
        incident.state.registry().schedule(List.of("supplier-ds", "access-control-broker-ka"));
        run = ProcedureRun.start(
                CsrCoordination.definition(), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        run.attempt(CsrCoordination.OCA_PUBLISHED, DCC);
        run.attempt(CsrCoordination.SCHEDULED, DCC);
    }

    private void published() {
        incident.state.pki().makeNewRoot();
        incident.state.registry().publishNewOca(incident.state.pki());
    }

    private String attempt(String step, String item, Payload payload) {
        return Outcomes.of(run.attempt(Attempt.ofItem(
                step.equals("CS3")
                        ? CsrCoordination.SUBMITTED
                        : step.equals("CS4") ? CsrCoordination.ISSUED : CsrCoordination.ACCEPTED,
                item,
                step.equals("CS4") ? DCC : ARO,
                payload)));
    }

    @Test
    void acceptsCsrsOnlyForCertificatesOnTheSchedule() {
        assertThat(attempt("CS3", "wan-ds", Payload.none())).isEqualTo("CSR-1 on schedule");
        assertThat(attempt("CS3", "supplier-ds", Payload.none())).isEqualTo("ACCEPTED");
    }

    @Test
    void issuesOnlyUnderAPublishedOcaAndForASubjectInsideThePartysRegisteredRange() {
        attempt("CS3", "supplier-ds", Payload.none());
        CsrCoordination.Request inside = new CsrCoordination.Request("supplier", RemotePartyRole.SUPPLIER, supplier);
        CsrCoordination.Request outside = new CsrCoordination.Request(
                "supplier", RemotePartyRole.SUPPLIER, Eui64.of(supplier.value() ^ 0x1000000L));

        assertThat(attempt("CS4", "supplier-ds", inside)).isEqualTo("REC-10 published OCA");
        published();
        assertThat(attempt("CS4", "supplier-ds", outside)).isEqualTo("OIF-4 request in range");
        assertThat(attempt("CS4", "supplier-ds", inside)).isEqualTo("ACCEPTED");
    }

    @Test
    void checksNoFormForTheDccsOwnRoles() {
        published();
        attempt("CS3", "access-control-broker-ka", Payload.none());
        CsrCoordination.Request acb = new CsrCoordination.Request(
                "DCC", RemotePartyRole.ACCESS_CONTROL_BROKER, Eui64.parse("90-B3-D5-1F-30-00-00-02"));

        assertThat(acb.isOnForm()).isFalse();
        assertThat(attempt("CS4", "access-control-broker-ka", acb)).isEqualTo("ACCEPTED");
    }

    @Test
    void reportsCompletionOnlyOnceEveryScheduledCertificateIsAccepted() {
        published();
        CsrCoordination.Request request = new CsrCoordination.Request("supplier", RemotePartyRole.SUPPLIER, supplier);
        attempt("CS3", "supplier-ds", Payload.none());
        attempt("CS4", "supplier-ds", request);
        attempt("CS5", "supplier-ds", Payload.none());

        assertThat(Outcomes.of(run.attempt(CsrCoordination.REPORTED, DCC))).isEqualTo("CSR-1 all accepted");
        attempt("CS3", "access-control-broker-ka", Payload.none());
        attempt(
                "CS4",
                "access-control-broker-ka",
                new CsrCoordination.Request("DCC", RemotePartyRole.ACCESS_CONTROL_BROKER, supplier));
        assertThat(attempt("CS5", "access-control-broker-ka", Payload.none())).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(CsrCoordination.REPORTED, DCC))).isEqualTo("ACCEPTED");
    }
}
