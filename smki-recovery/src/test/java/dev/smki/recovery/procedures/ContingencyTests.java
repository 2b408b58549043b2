package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Journal;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.ProcedureRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContingencyTests {

    private final SettableIncident incident = new SettableIncident();
    private ProcedureRun run;

    @BeforeEach
    void decided() {
        incident.authorised.add(CustodyKey.CONTINGENCY_PRIVATE_KEY);
        incident.authorised.add(CustodyKey.CONTINGENCY_SYMMETRIC_KEY);
        incident.appointed.add(CustodianId.of("KC-01"));
        run = ProcedureRun.start(
                Contingency.definition(), Journal.inMemory(), new SimulatedClock(), incident.context());
        assertThat(Outcomes.of(run.attempt(Contingency.DECIDED, SMKI_PMA))).isEqualTo("ACCEPTED");
        run.attempt(Attempt.ofItem(Contingency.CUSTODIAN_ATTENDS, "KC-01", KEY_CUSTODIAN, Payload.none()));
    }

    private void activated() {
        incident.quorate(CustodyKey.CONTINGENCY_PRIVATE_KEY, true);
        incident.quorate(CustodyKey.CONTINGENCY_SYMMETRIC_KEY, true);
        assertThat(Outcomes.of(run.attempt(Contingency.KEY_ACTIVATED, DCC))).isEqualTo("ACCEPTED");
        incident.active.add(CustodyKey.CONTINGENCY_PRIVATE_KEY);
        incident.active.add(CustodyKey.CONTINGENCY_SYMMETRIC_KEY);
    }

    @Test
    void refusesTheFirstStepWithoutADecisionRequiringBothContingencyKeys() {
        SettableIncident undecided = new SettableIncident();
        undecided.authorised.add(CustodyKey.CONTINGENCY_PRIVATE_KEY);
        ProcedureRun other = ProcedureRun.start(
                Contingency.definition(), Journal.inMemory(), new SimulatedClock(), undecided.context());

        assertThat(Outcomes.of(other.attempt(Contingency.DECIDED, SMKI_PMA))).isEqualTo("REC-1 decision gate");
    }

    @Test
    void activatesOnlyWithTheQuorumForBothKeys() {
        incident.quorate(CustodyKey.CONTINGENCY_PRIVATE_KEY, true);
        incident.quorate(CustodyKey.CONTINGENCY_SYMMETRIC_KEY, false);

        assertThat(Outcomes.of(run.attempt(Contingency.KEY_ACTIVATED, DCC))).isEqualTo("REC-2 quorum");
    }

    @Test
    void releasesTheSymmetricKeyOnlyOnceTheNewRootExistsInTheWorld() {
        activated();
        run.attempt(Contingency.NEW_ROOT, DCC);

        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("REC-6 new Root first");
        incident.newRoot = true;
        incident.active.remove(CustodyKey.CONTINGENCY_SYMMETRIC_KEY);
        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("CUS-2 key active");
        incident.active.add(CustodyKey.CONTINGENCY_SYMMETRIC_KEY);
        assertThat(Outcomes.of(run.attempt(Contingency.COMMANDS_SENT, DCC))).isEqualTo("ACCEPTED");
    }

    @Test
    void revokesTheOldOcaOnlyOnceTheDevicesHoldTheNewRootAndClosesOnlyWhenTheScopeIsSettled() {
        activated();
        incident.newRoot = true;
        run.attempt(Contingency.NEW_ROOT, DCC);
        run.attempt(Contingency.NEW_ISSUING_OCA, DCC);
        run.attempt(Contingency.COMMANDS_SENT, DCC);
        run.attempt(Contingency.ROOT_REPLACED, DCC);
        run.attempt(Contingency.PROGRESS_REPORTED, DCC);

        assertThat(Outcomes.of(run.attempt(Contingency.OLD_OCA_REVOKED, DCC))).isEqualTo("REC-10 chain order");
        incident.devicesHoldNewRoot = true;
        assertThat(Outcomes.of(run.attempt(Contingency.OLD_OCA_REVOKED, DCC))).isEqualTo("ACCEPTED");
        run.attempt(Contingency.CERTIFICATES_REISSUED, DCC);
        run.attempt(Contingency.CERTIFICATES_DISTRIBUTED, DCC);
        incident.scope = new DeviceScope(10, 9, 0);
        assertThat(Outcomes.of(run.attempt(Contingency.MATERIAL_IN_CUSTODY, DCC)))
                .isEqualTo("REC-8 scope settled");
        incident.scope = new DeviceScope(10, 9, 1);
        assertThat(Outcomes.of(run.attempt(Contingency.MATERIAL_IN_CUSTODY, KEY_CUSTODIAN)))
                .isEqualTo("ACCEPTED");
        assertThat(run.isComplete()).isTrue();
    }

    @Test
    void definesEachOtherOrderByDroppingOnePrerequisiteOfTheModelledOne() {
        Procedure modelled = Contingency.definition();

        assertThat(modelled.step(Contingency.OLD_OCA_REVOKED).prerequisites())
                .containsExactly(Contingency.NEW_ISSUING_OCA, Contingency.ROOT_REPLACED);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.REVOKE_BEFORE_DEVICES_UPDATED)
                        .step(Contingency.OLD_OCA_REVOKED)
                        .prerequisites())
                .containsExactly(Contingency.NEW_ISSUING_OCA);
        assertThat(modelled.step(Contingency.COMMANDS_SENT).prerequisites())
                .containsExactly(Contingency.KEY_ACTIVATED, Contingency.NEW_ROOT);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.SYMMETRIC_KEY_BEFORE_NEW_ROOT)
                        .step(Contingency.COMMANDS_SENT)
                        .prerequisites())
                .containsExactly(Contingency.KEY_ACTIVATED);
        assertThat(Contingency.definition(ProcedureSettings.defaults(), Contingency.Order.KEY_USE_BEFORE_DECISION)
                        .step(Contingency.CUSTODIAN_ATTENDS)
                        .prerequisites())
                .isEmpty();
    }
}
