package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.registration.RangeDeclaration;
import dev.smki.core.registration.UserRole;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.ProcedureRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrCoordinationTests {

    private static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");

    private final SettableIncident incident = new SettableIncident();
    private ProcedureRun run;

    @BeforeEach
    void scheduled() {
        incident.csrSchedule.add("supplier-ds");
        incident.csrSchedule.add("acb-ka");
        incident.declarations.add(
                RangeDeclaration.of("supplier", UserRole.IMPORT_SUPPLIER, Eui64Range.of(SUPPLIER, SUPPLIER.plus(15))));
        run = ProcedureRun.start(
                CsrCoordination.definition(), Journal.inMemory(), new SimulatedClock(), incident.context());
        run.attempt(CsrCoordination.OCA_PUBLISHED, DCC);
        run.attempt(CsrCoordination.SCHEDULED, DCC);
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
        CsrCoordination.Request inside = new CsrCoordination.Request("supplier", RemotePartyRole.SUPPLIER, SUPPLIER);
        CsrCoordination.Request outside =
                new CsrCoordination.Request("supplier", RemotePartyRole.SUPPLIER, SUPPLIER.plus(16));

        assertThat(attempt("CS4", "supplier-ds", inside)).isEqualTo("REC-10 published OCA");
        incident.newOcaPublished = true;
        assertThat(attempt("CS4", "supplier-ds", outside)).isEqualTo("OIF-4 request in range");
        assertThat(attempt("CS4", "supplier-ds", inside)).isEqualTo("ACCEPTED");
    }

    @Test
    void checksNoFormForTheDccsOwnRoles() {
        incident.newOcaPublished = true;
        attempt("CS3", "acb-ka", Payload.none());
        CsrCoordination.Request acb = new CsrCoordination.Request(
                "DCC", RemotePartyRole.ACCESS_CONTROL_BROKER, Eui64.parse("90-B3-D5-1F-30-00-00-02"));

        assertThat(acb.isOnForm()).isFalse();
        assertThat(attempt("CS4", "acb-ka", acb)).isEqualTo("ACCEPTED");
    }

    @Test
    void reportsCompletionOnlyOnceEveryScheduledCertificateIsAccepted() {
        incident.newOcaPublished = true;
        CsrCoordination.Request supplier = new CsrCoordination.Request("supplier", RemotePartyRole.SUPPLIER, SUPPLIER);
        attempt("CS3", "supplier-ds", Payload.none());
        attempt("CS4", "supplier-ds", supplier);
        attempt("CS5", "supplier-ds", Payload.none());

        assertThat(Outcomes.of(run.attempt(CsrCoordination.REPORTED, DCC))).isEqualTo("CSR-1 all accepted");
        attempt("CS3", "acb-ka", Payload.none());
        attempt("CS4", "acb-ka", new CsrCoordination.Request("DCC", RemotePartyRole.ACCESS_CONTROL_BROKER, SUPPLIER));
        assertThat(attempt("CS5", "acb-ka", Payload.none())).isEqualTo("ACCEPTED");
        assertThat(Outcomes.of(run.attempt(CsrCoordination.REPORTED, DCC))).isEqualTo("ACCEPTED");
    }
}
