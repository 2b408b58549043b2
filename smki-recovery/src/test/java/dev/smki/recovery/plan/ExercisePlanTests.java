package dev.smki.recovery.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExercisePlanTests {

    static List<String> builtIns() {
        return ExercisePlan.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void shipsEachBuiltInPlanAsTheTextItsOwnWriterGives(String name) {
        ExercisePlan plan = ExercisePlan.builtIn(name);

        assertThat(plan.toYaml()).isEqualTo(ExercisePlan.builtInText(name));
        assertThat(ExercisePlan.parse(plan.toYaml(), name)).isEqualTo(plan);
        assertThat(ExercisePlan.parse(plan.toCanonicalYaml(), name)).isEqualTo(plan);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void expandsEachBuiltInProcedureIntoAStepListThatReadsBackAndDefinesTheSameOrder(String name) {
        ExercisePlan plan = ExercisePlan.builtIn(name);
        String expanded = plan.toExpandedYaml();
        ExercisePlan explicit = ExercisePlan.parse(expanded, name + " expanded");

        assertThat(explicit.toExpandedYaml()).isEqualTo(expanded);
        Procedure<IncidentState> builtIn = PlanProcedures.procedure(plan);
        Procedure<IncidentState> listed = PlanProcedures.procedure(explicit);
        assertThat(listed.steps())
                .extracting(Step::id)
                .isEqualTo(builtIn.steps().stream().map(Step::id).toList());
        assertThat(listed.steps()).allSatisfy(step -> {
            Step<IncidentState> same = builtIn.step(step.id());
            assertThat(step.prerequisites()).isEqualTo(same.prerequisites());
            assertThat(step.guards().toString()).isEqualTo(same.guards().toString());
            assertThat(step.confidence()).isEqualTo(same.confidence());
            assertThat(step.phase()).isEqualTo(same.phase());
        });
    }

    @Test
    void takesTheValuesItLeavesOutFromItsBasePlan() {
        ExercisePlan plan = ExercisePlan.parse("""
                base: recovery-key
                name: "small"
                fleet:
                  devices: 40
                decisions:
                  mechanism: RECOVERY_METHOD_2
                durations:
                  T_confirm: PT3H
                """, "small.yaml");

        ExercisePlan base = ExercisePlan.builtIn("recovery-key");
        assertThat(plan.name()).isEqualTo("small");
        assertThat(plan.fleet()).isEqualTo(base.fleet().withDevices(40));
        assertThat(plan.decisions()).isEqualTo(base.decisions().withMechanism(RecoveryMechanism.RECOVERY_METHOD_2));
        assertThat(plan.durations())
                .containsEntry("T_confirm", Duration.ofHours(3))
                .hasSameSizeAs(base.durations());
        assertThat(plan.custody()).isEqualTo(base.custody());
        assertThat(plan.procedure()).isEqualTo(base.procedure());
    }

    @Test
    void reportsEveryProblemOfFormWithItsLineAndColumn() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> ExercisePlan.parse("""
                        name: bad
                        seed: x1
                        custody:
                          attendance:
                            - custodian: KC-01
                              outcome: sometimes
                        colour: blue
                        """, "bad.yaml"));

        assertThat(e.problems())
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "bad.yaml:7:1: unknown key 'colour' (expected one of [base, name, description, mode, seed,"
                                + " start, incident, procedure, custody, decisions, fleet, durations, settings, events])",
                        "bad.yaml:2:7: seed must be a whole number, not 'x1'",
                        "bad.yaml:6:16: outcome must be one of [attends, late, no-show, ceased, wrong-share], not"
                                + " 'sometimes'");
    }

    @Test
    void refusesRetriesThatWouldRunTheClockPastTheCertificatesAndAnOmittedStepNoProcedureHas() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> ExercisePlan.parse("""
                        name: runaway
                        fleet:
                          retries: 17
                        settings:
                          omit: ZZ9
                        """, "runaway.yaml"));

        assertThat(e.problems())
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "runaway.yaml:3:12: retries is 0 to " + FleetPlan.MAX_RETRIES + ", not 17",
                        "runaway.yaml:5:3: omit: ZZ9 is not a step of any built-in procedure");
    }

    @Test
    void reportsWhatAPlanMeansThatCannotBeRehearsedWithItsLineAndColumn() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> ExercisePlan.parse("""
                        name: meaningless
                        custody:
                          quorum: 3/4
                          custodians:
                            - id: KC-01
                              party: A
                          reconvene: false
                          attendance:
                            - custodian: KC-09
                              session: 2
                              outcome: attends
                        fleet:
                          busy: 2
                        procedure:
                          actors:
                            N1: OFGEM
                        events:
                          - kind: hsm-activation-failure
                            at: Z9
                        """, "meaningless.yaml"));

        assertThat(e.problems())
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "meaningless.yaml:13:9: busy is 0 to 0.95, not 2.0",
                        "meaningless.yaml:3:11: the quorum 3/4 needs 4 custodians on the roster; 1 are",
                        "meaningless.yaml:9:18: KC-09 attends but is not on the roster [KC-01]",
                        "meaningless.yaml:9:18: KC-09 attends session 2, but the custodians do not reconvene"
                                + " (reconvene: false)",
                        "meaningless.yaml:16:9: N1 is done by one of [PARTY, SUBSCRIBER, DCC], not OFGEM",
                        "meaningless.yaml:19:9: an event is at Z9, which is not a step of ROOT_OCA_COMPROMISE");
    }

    @Test
    void refusesAnExplicitOrderWithACycleOrAStepOfALaterPhaseFirstNamingThem() {
        String expanded = ExercisePlan.builtIn("contingency").toExpandedYaml();
        String cycle = expanded.replace(
                "    - id: N1\n      actor: DCC\n      after: []", "    - id: N1\n      actor: DCC\n      after: [N2]");

        assertThat(catchThrowableOfType(PlanException.class, () -> ExercisePlan.parse(cycle, "cycle.yaml"))
                        .getMessage())
                .contains("cycle of prerequisites: N1 → N2 → N1");
        assertThatExceptionOfType(PlanException.class)
                .isThrownBy(() -> ExercisePlan.builtIn("contingencies"))
                .withMessageContaining("contingency")
                .satisfies(e -> assertThat(e.field()).contains("name"));
    }
}
