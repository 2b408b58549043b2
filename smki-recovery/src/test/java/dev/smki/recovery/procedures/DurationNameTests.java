package dev.smki.recovery.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationNameTests {

    @Test
    void tellsADeadlineFromAStepsPaceAndKnowsTheLongestEachMayBe() {
        DurationName deadline = DurationName.of("T_confirm");
        DurationName pace = DurationName.pace(StepId.of("C6"));

        assertThat(deadline.isPace()).isFalse();
        assertThat(deadline.step()).isEmpty();
        assertThat(deadline.longest()).isEqualTo(Duration.ofDays(3_660));
        assertThat(pace).isEqualTo(DurationName.of("pace.C6"));
        assertThat(pace.isPace()).isTrue();
        assertThat(pace.step()).contains(StepId.of("C6"));
        assertThat(pace.longest()).isEqualTo(Duration.ofDays(30));
        assertThat(DurationName.DEFAULT_PACE.step()).isEmpty();
        assertThat(DurationName.DEFAULT_PACE.isPace()).isTrue();
    }

    @Test
    void refusesANameThatIsNeitherADeadlineNorAPaceNamingIt() {
        for (String bad : new String[] {"confirm", "T_", "T_4h", "pace.", "pace.4", "t_confirm", ""}) {
            assertThatExceptionOfType(SettingsException.class)
                    .isThrownBy(() -> DurationName.of(bad))
                    .withMessageContaining("not '" + bad + "'")
                    .satisfies(e -> assertThat(e.setting()).isEqualTo(bad));
        }
    }

    @Test
    void isWhatProcedureSettingsTakeAndGiveDurationsBy() {
        ProcedureSettings settings =
                ProcedureSettings.defaults().withDuration(DurationName.of("T_confirm"), Duration.ofHours(2));

        assertThat(settings.duration(DurationName.of("T_confirm"))).isEqualTo(Duration.ofHours(2));
        assertThat(settings.duration("T_confirm")).isEqualTo(Duration.ofHours(2));
        assertThat(settings.pace(StepId.of("Z9"))).isEqualTo(settings.duration(DurationName.DEFAULT_PACE));
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> settings.withDuration(DurationName.pace(StepId.of("C6")), Duration.ofDays(31)))
                .withMessageStartingWith("pace.C6 must be at most 30 days");
    }
}
