package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.OFGEM;
import static dev.smki.recovery.procedures.Actors.SHARED_RESOURCE_PROVIDER;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Samples;
import org.junit.jupiter.api.Test;

class SupplierOfLastResortDelayTests {

    private static final SupplierOfLastResortDelay.EndCondition PROTECTED =
            new SupplierOfLastResortDelay.EndCondition(SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED);

    private final TestIncident incident = new TestIncident(CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER);
    private final ProcedureRun<IncidentState> run = ProcedureRun.start(
            SupplierOfLastResortDelay.definition(),
            Journal.inMemory(),
            SettableClock.at(Samples.START),
            incident.state);

    @Test
    void letsOnlyTheSmkiPmaDelayAndOnlyInAnOpenEventNotDelayedBefore() {
        run.attempt(SupplierOfLastResortDelay.APPOINTED, OFGEM);

        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("REC-12 SoLR event");
        incident.state.revocation().openSolr(SolrEvent.of("SOLR-2026-01", "supplier", "solr", "srp"));
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, DCC)))
                .isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void refusesADelayOnceTheEventIsDelayedAlready() {
        assertThat(incident.does(run, SupplierOfLastResortDelay.APPOINTED, OFGEM))
                .isEqualTo("ACCEPTED");
        incident.state
                .revocation()
                .revocations()
                .delayRevocation(incident.state.revocation().solrId(), dev.smki.core.revocation.Requester.smkiPma());

        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("REC-12 SoLR event");
    }

    @Test
    void endsTheDelayOnlyWithAnEndConditionWhileItIsInForce() {
        incident.does(run, SupplierOfLastResortDelay.APPOINTED, OFGEM);
        run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA);
        run.attempt(SupplierOfLastResortDelay.REVOCATION_REQUESTED, DCC);
        run.attempt(SupplierOfLastResortDelay.SAFE_MODE, SHARED_RESOURCE_PROVIDER);

        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA, PROTECTED)))
                .isEqualTo("REC-12 delay in force");
        SupplierOfLastResortDelay.definition()
                .step(SupplierOfLastResortDelay.REVOCATION_DELAYED)
                .effect()
                .apply(incident.state, Attempt.of(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA));
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA)))
                .isEqualTo("REC-12 delay in force");
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA, PROTECTED)))
                .isEqualTo("ACCEPTED");
        assertThat(run.entries().get(run.entries().size() - 1).payload().asMap())
                .containsEntry("endCondition", "PREPAYMENT_CUSTOMERS_PROTECTED");
    }
}
