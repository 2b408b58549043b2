package dev.smki.recovery.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanAnalysisTests {

    static java.util.List<String> builtIns() {
        return ExercisePlan.BUILT_IN;
    }

    /** Returns the expanded built-in plan {@code name} with step {@code step} waiting for {@code after} only. */
    static ExercisePlan reordered(String name, String step, String after) {
        String expanded = ExercisePlan.builtIn(name).toExpandedYaml();
        int at = expanded.indexOf("    - id: " + step + "\n");
        int afterLine = expanded.indexOf("      after: ", at);
        int end = expanded.indexOf('\n', afterLine);
        return ExercisePlan.parse(
                expanded.substring(0, afterLine) + "      after: [" + after + "]" + expanded.substring(end),
                name + " reordered");
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void findsEveryBuiltInPlansOrderSafe(String name) {
        PlanAnalysis analysis = PlanAnalysis.of(ExercisePlan.builtIn(name));

        assertThat(analysis.isSafe()).as(analysis.report().toString()).isTrue();
    }

    @Test
    void refusesAPlanWhoseSettingsCannotBeUsedWithAPlanExceptionNamingTheSetting() {
        ExercisePlan zero = ExercisePlan.builtIn("contingency").withDuration("T_confirm", Duration.ZERO);
        ExercisePlan unknown = ExercisePlan.builtIn("contingency").withSetting("quorum", "3/5");

        PlanException zeroRefused = catchThrowableOfType(PlanException.class, () -> PlanAnalysis.of(zero));
        PlanException unknownRefused = catchThrowableOfType(PlanException.class, () -> PlanAnalysis.of(unknown));

        assertThat(zeroRefused.field()).contains("durations.T_confirm");
        assertThat(zeroRefused.problems()).isEmpty();
        assertThat(zeroRefused).hasMessageContaining("must be positive");
        assertThat(unknownRefused.field()).contains("settings.quorum");
        assertThat(unknownRefused).hasMessageContaining("Unknown procedure setting quorum");
    }

    @Test
    void findsThatRevokingTheOldOcaBeforeTheDevicesHoldTheNewRootBreaksTheChainOrder() {
        PlanAnalysis analysis = PlanAnalysis.of(reordered("contingency", "C8", "C3"));

        assertThat(analysis.isSafe()).isFalse();
        assertThat(analysis.report().violatedRules()).containsExactly(RuleId.of("REC-10"));
        assertThat(analysis.shortestCounterexample().orElseThrow().ordering())
                .last()
                .isEqualTo(StepId.of("C8"))
                .satisfies(last -> assertThat(
                                analysis.shortestCounterexample().orElseThrow().ordering())
                        .doesNotContain(StepId.of("C6")));
    }

    @Test
    void findsThatAnExerciseActivatingBeforeTheSmkiPmasApprovalBreaksTheDecisionGate() {
        PlanAnalysis analysis = PlanAnalysis.of(reordered("live-exercise", "T4", "T3"));

        assertThat(analysis.isSafe()).isFalse();
        assertThat(analysis.report().violatedRules()).containsExactly(RuleId.of("REC-1"));
        assertThat(analysis.shortestCounterexample().orElseThrow().ordering())
                .extracting(StepId::value)
                .containsExactly("T1", "T1.notify", "T3", "T4");
    }
}
