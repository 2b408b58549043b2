package dev.smki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.Anomaly;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rehearses each example plan under {@code smki-examples/plans} and checks its outcome. */
class ExamplePlansTests {

    private static final Path PLANS = Path.of("plans");

    private static List<String> steps(RehearsalResult result) {
        return result.timeline().stream()
                .map(e -> e.stepAndItem() + (e.accepted() ? "" : " refused"))
                .toList();
    }

    private static TimelineEntry first(RehearsalResult result, String step) {
        return result.timeline().stream()
                .filter(e -> e.stepAndItem().equals(step))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLiveExerciseNotifiesTheCustodiansSixWeeksAheadAndUsesTheRecoveryKeyOnTestDevicesDespiteALateOne() {
        RehearsalResult result = Rehearsal.run(ExercisePlan.read(PLANS.resolve("live-exercise-early-notice.yaml")));

        assertThat(result.complete()).isTrue();
        assertThat(Duration.between(
                        first(result, "T1.notify").time(),
                        first(result, "T3[KC-01]").time()))
                .isGreaterThanOrEqualTo(Duration.ofDays(42));
        assertThat(steps(result))
                .containsSubsequence("T2", "T3[KC-01]", "T3[KC-02]", "T4 refused", "T3[KC-03]", "T4", "T5", "T6", "T7")
                .doesNotContain("T3[KC-04]");
        assertThat(result.devices().total()).isEqualTo(20);
        assertThat(result.devices().recovered())
                .isEqualTo(result.devices().relevant())
                .isPositive();
        assertThat(result.anomalies())
                .singleElement()
                .asString()
                .startsWith("T4 by DCC refused")
                .contains("REC-2");
    }

    @Test
    void aContingencyWithOneNoShowReachesTheQuorumOnceTheLateCustodianArrives() {
        RehearsalResult result = Rehearsal.run(ExercisePlan.read(PLANS.resolve("contingency-one-no-show.yaml")));

        assertThat(result.complete()).isTrue();
        assertThat(steps(result))
                .containsSubsequence("C4.attend[KC-01]", "C4.attend[KC-03]", "C4 refused", "C4.attend[KC-04]", "C4")
                .doesNotContain("C4.attend[KC-02]");
        assertThat(first(result, "C4 refused".replace(" refused", "")).outcome())
                .contains("REC-2 quorum");
        assertThat(result.devices().recovered() + result.devices().writtenOff())
                .isEqualTo(result.devices().relevant());
        assertThat(result.devices().holdingCompromisedKey())
                .isEqualTo(result.devices().writtenOff());
    }

    @Test
    void aSupplierCompromiseRecoveredByMethodTwoAgainstTheGuidanceRecordsTheDeparture() {
        RehearsalResult result =
                Rehearsal.run(ExercisePlan.read(PLANS.resolve("supplier-method-2-against-guidance.yaml")));

        assertThat(result.complete()).isTrue();
        assertThat(result.procedure()).isEqualTo("ORGANISATION_KEY_COMPROMISE.M2");
        assertThat(first(result, "D2").effect()).startsWith("advice RECOVERY_METHOD_3");
        assertThat(first(result, "D3").effect())
                .isEqualTo("SMKI PMA requires RECOVERY_METHOD_2, departing from the Recovery Key Guidance's advice"
                        + " RECOVERY_METHOD_3");
        assertThat(steps(result)).contains("R8").doesNotContain("R3");
        assertThat(result.anomalies())
                .extracting(Anomaly::text)
                .contains("the SMKI PMA's decision RECOVERY_METHOD_2 departs from the Recovery Key Guidance's advice"
                        + " RECOVERY_METHOD_3");
        assertThat(result.devices().recovered() + result.devices().writtenOff())
                .isEqualTo(result.devices().relevant());
    }
}
