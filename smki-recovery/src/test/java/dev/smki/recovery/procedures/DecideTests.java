package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.simulation.SettableClock;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Samples;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecideTests {

    private static final RecoveryKeyGuidance GUIDANCE = RecoveryKeyGuidance.defaults();
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final TestIncident incident = new TestIncident();
    private ProcedureRun<IncidentState> run;

    @BeforeEach
    void received() {
        run = ProcedureRun.start(
                Decide.definition(), Journal.inMemory(), SettableClock.at(Samples.START), incident.state);
        run.attempt(Decide.RECEIVED, SMKI_PMA);
    }

    private static RecoveryKeyGuidance.Assessment.Builder complete() {
        return GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                .answer("F1", true)
                .answer("F2", true)
                .answer("F3", true)
                .answer("F4", false)
                .allStepsDone();
    }

    @Test
    void refusesApplyingTheGuidanceWithoutEveryMandatoryFactorAndPreDecisionStep() {
        RecoveryKeyGuidance.Assessment noF4 = GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                .answer("F1", true)
                .answer("F2", true)
                .answer("F3", true)
                .allStepsDone()
                .build();
        RecoveryKeyGuidance.Assessment noP2 = GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                .answer("F1", true)
                .answer("F2", true)
                .answer("F3", true)
                .answer("F4", true)
                .done("P1")
                .build();

        assertThat(Outcomes.of(run.attempt(Decide.GUIDANCE_APPLIED, SMKI_PMA, noF4)))
                .isEqualTo("GUIDE-1 guidance followed");
        assertThat(Outcomes.of(run.attempt(Decide.GUIDANCE_APPLIED, SMKI_PMA, noP2)))
                .isEqualTo("GUIDE-1 guidance followed");
        assertThat(Outcomes.of(run.attempt(
                        Decide.GUIDANCE_APPLIED, SMKI_PMA, complete().build())))
                .isEqualTo("ACCEPTED");
        assertThat(run.entries().get(3).payload().asMap())
                .containsEntry("factor.F1", "true")
                .containsEntry("factor.F4", "false")
                .containsEntry("steps", "P1,P2")
                .containsEntry("weight", "9");
    }

    @Test
    void refusesADecisionForAnotherIncidentAndDecisionsByAnyoneButTheSmkiPma() {
        run.attempt(Decide.GUIDANCE_APPLIED, SMKI_PMA, complete().build());
        Decide.Decision elsewhere =
                new Decide.Decision(new PmaDecision(IncidentId.of("INC-2026-002"), RecoveryMechanism.CONTINGENCY, NOW));
        Decide.Decision here =
                new Decide.Decision(new PmaDecision(TestIncident.INCIDENT, RecoveryMechanism.CONTINGENCY, NOW));

        assertThat(Outcomes.of(run.attempt(Decide.DECIDED, SMKI_PMA, elsewhere)))
                .isEqualTo("REC-1 decision for the incident");
        assertThat(Outcomes.of(run.attempt(Decide.DECIDED, DCC, here))).isEqualTo("WRONG_ACTOR");
        assertThat(Outcomes.of(run.attempt(Decide.DECIDED, SMKI_PMA, here))).isEqualTo("ACCEPTED");
        assertThat(run.entries().get(run.entries().size() - 1).payload().asMap())
                .containsEntry("incident", "INC-2026-001")
                .containsEntry("mechanism", "CONTINGENCY");
    }

    @Test
    void refusesDecidingBeforeTheGuidanceIsApplied() {
        Decide.Decision here = new Decide.Decision(new PmaDecision(TestIncident.INCIDENT, RecoveryMechanism.NONE, NOW));

        assertThat(Outcomes.of(run.attempt(Decide.DECIDED, SMKI_PMA, here))).isEqualTo("MISSING_PREREQUISITES");
    }
}
