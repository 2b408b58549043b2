package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.OFGEM;
import static dev.smki.recovery.procedures.Actors.SHARED_RESOURCE_PROVIDER;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.ProcedureRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupplierOfLastResortDelayTests {

    private static final SolrEvent EVENT = SolrEvent.of("SOLR-2026-01", "failed", "solr", "srp");
    private static final SupplierOfLastResortDelay.EndCondition PROTECTED =
            new SupplierOfLastResortDelay.EndCondition(SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED);

    private final SettableIncident incident = new SettableIncident();
    private final ProcedureRun run = ProcedureRun.start(
            SupplierOfLastResortDelay.definition(), Journal.inMemory(), new SimulatedClock(), incident.context());

    private static SolrStatus status(boolean open, SolrStatus.Delay delay) {
        return new SolrStatus(EVENT, open, delay, Optional.empty(), SolrStatus.MpidTransfer.DUE, List.of());
    }

    @Test
    void letsOnlyTheSmkiPmaDelayAndOnlyInAnOpenEventNotDelayedBefore() {
        run.attempt(SupplierOfLastResortDelay.APPOINTED, OFGEM);

        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("REC-12 SoLR event");
        incident.solr = status(false, SolrStatus.Delay.NOT_DELAYED);
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("REC-12 SoLR event");
        incident.solr = status(true, SolrStatus.Delay.NOT_DELAYED);
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, DCC)))
                .isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA)))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void endsTheDelayOnlyWithAnEndConditionWhileItIsInForce() {
        incident.solr = status(true, SolrStatus.Delay.NOT_DELAYED);
        run.attempt(SupplierOfLastResortDelay.APPOINTED, OFGEM);
        run.attempt(SupplierOfLastResortDelay.REVOCATION_DELAYED, SMKI_PMA);
        run.attempt(SupplierOfLastResortDelay.REVOCATION_REQUESTED, DCC);
        run.attempt(SupplierOfLastResortDelay.SAFE_MODE, SHARED_RESOURCE_PROVIDER);

        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA, PROTECTED)))
                .isEqualTo("REC-12 delay in force");
        incident.solr = status(true, SolrStatus.Delay.IN_FORCE);
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA)))
                .isEqualTo("REC-12 delay in force");
        assertThat(Outcomes.of(run.attempt(SupplierOfLastResortDelay.DELAY_ENDED, SMKI_PMA, PROTECTED)))
                .isEqualTo("ACCEPTED");
        assertThat(run.entries().get(run.entries().size() - 1).payload().asMap())
                .containsEntry("endCondition", "PREPAYMENT_CUSTOMERS_PROTECTED");
    }
}
