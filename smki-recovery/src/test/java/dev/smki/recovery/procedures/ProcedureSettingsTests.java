package dev.smki.recovery.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcedureSettingsTests {

    private static final ProcedureSettings DEFAULTS = ProcedureSettings.defaults();

    private static Properties properties(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void marksEveryDefaultDurationAsReconstructed() {
        assertThat(DEFAULTS.durations())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.confidence()).isEqualTo(Confidence.RECONSTRUCTED));
        assertThat(DEFAULTS.duration("T_confirm")).isEqualTo(Duration.ofHours(4));
        assertThat(DEFAULTS.toString()).isEqualTo("ProcedureSettings[defaults]");
    }

    @Test
    void pacesAStepByItsOwnDurationOrTheDefault() {
        assertThat(DEFAULTS.pace(StepId.of("C6"))).isEqualTo(Duration.ofHours(12));
        assertThat(DEFAULTS.pace(StepId.of("C11"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.withDuration("pace.C11", Duration.ofDays(2)).pace(StepId.of("C11")))
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void readsEverySettingFromAPropertiesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("procedures.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "T_confirm=PT2H",
                        "pace.C6=P2D",
                        "omit=R8, DS2",
                        "confirmation.mechanisms=call-back|site visit",
                        "recoveryKey.policy=must-replace",
                        "guidance.threshold=7",
                        "guidance.factor.F7=optional,2,The Panel asks for it",
                        "guidance.step.P1=none"));

        ProcedureSettings settings = ProcedureSettings.load(file);

        assertThat(settings.duration("T_confirm")).isEqualTo(Duration.ofHours(2));
        assertThat(settings.pace(StepId.of("C6"))).isEqualTo(Duration.ofDays(2));
        assertThat(settings.omitted()).containsExactly(StepId.of("R8"), StepId.of("DS2"));
        assertThat(settings.permittedConfirmations()).containsExactly("call-back", "site visit");
        assertThat(settings.recoveryKeyPolicy()).isEqualTo(RecoveryKeyPolicy.MUST_REPLACE);
        assertThat(settings.guidance().threshold()).isEqualTo(7);
        assertThat(settings.guidance().factor("F7").orElseThrow().kind())
                .isEqualTo(RecoveryKeyGuidance.FactorKind.OPTIONAL);
        assertThat(settings.guidance().preDecisionSteps())
                .extracting(RecoveryKeyGuidance.PreDecisionStep::id)
                .containsExactly("P2");
        assertThat(settings.toString())
                .contains("T_confirm=PT2H", "pace.C6=PT48H", "omit=R8,DS2", "recoveryKey.policy=MUST_REPLACE");
    }

    @Test
    void rejectsUnknownOrMalformedSettingsNamingThem() {
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("T_confirm", "4 hours")))
                .withMessageContaining("T_confirm must be an ISO-8601 duration");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("T_nonsense", "PT1H")))
                .withMessageContaining("No duration is called T_nonsense");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("quorum", "3/5")))
                .withMessageContaining("Unknown procedure setting quorum");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("recoveryKey.policy", "sometimes")))
                .withMessageContaining("Unknown Recovery Key policy 'sometimes'");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withDuration("T_confirm", Duration.ZERO))
                .withMessageContaining("must be positive");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withPermittedConfirmations(List.of()))
                .withMessageContaining("At least one");
    }

    @Test
    void namesTheSettingAtFaultInTheExceptionItThrows() {
        assertThat(settingAtFault("T_confirm", "4 hours")).isEqualTo("T_confirm");
        assertThat(settingAtFault("omit", "not a step")).isEqualTo("omit");
        assertThat(settingAtFault("recoveryKey.policy", "sometimes")).isEqualTo("recoveryKey.policy");
        assertThat(settingAtFault("guidance.factor.F9", "sometimes,1,Why")).isEqualTo("guidance.factor.F9");
        assertThat(settingAtFault("guidance.threshold", "-5")).isEqualTo("guidance.threshold");
    }

    private static String settingAtFault(String key, String value) {
        return catchThrowableOfType(SettingsException.class, () -> DEFAULTS.withProperties(properties(key, value)))
                .setting();
    }

    @Test
    void refusesANegativeGuidanceThresholdAndDurationsLongerThanARehearsalOrDeadlineCanHold() {
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("guidance.threshold", "-5")))
                .withMessage("guidance.threshold must be 0 or more, not -5");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("pace.C5", "P100000D")))
                .withMessageStartingWith("pace.C5 must be at most 30 days, not PT2400000H");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> DEFAULTS.withProperties(properties("T_confirm", "PT99999999999H")))
                .withMessageStartingWith("T_confirm must be at most 3660 days");
        assertThat(DEFAULTS.withProperties(properties("pace.C5", "P30D")).pace(StepId.of("C5")))
                .isEqualTo(ProcedureSettings.LONGEST_PACE);
        assertThat(DEFAULTS.withProperties(properties("guidance.threshold", "0"))
                        .guidance()
                        .threshold())
                .isZero();
    }

    @Test
    void writesItsChangesAsPropertiesThatReadBackToEqualSettings() {
        ProcedureSettings changed = DEFAULTS.withDuration("T_confirm", Duration.ofHours(2))
                .withDuration("pace.C11", Duration.ofDays(1))
                .omitting(List.of(StepId.of("R8")))
                .withPermittedConfirmations(List.of("site visit"))
                .withRecoveryKeyPolicy(RecoveryKeyPolicy.MUST_REPLACE)
                .withGuidance(DEFAULTS.guidance()
                        .withThreshold(8)
                        .withoutFactor("F6")
                        .withFactor(RecoveryKeyGuidance.Factor.optional("F9", 2, "The Panel asks for it"))
                        .withoutPreDecisionStep("P2")
                        .withPreDecisionStep(RecoveryKeyGuidance.PreDecisionStep.of("P3", "Ofgem told")));
        Properties properties = new Properties();
        properties.putAll(changed.toProperties());

        assertThat(changed.toProperties())
                .containsEntry("T_confirm", "PT2H")
                .containsEntry("pace.C11", "PT24H")
                .containsEntry("omit", "R8")
                .containsEntry("guidance.factor.F6", "none")
                .containsEntry("guidance.factor.F9", "optional,2,The Panel asks for it")
                .containsEntry("guidance.step.P2", "none")
                .containsEntry("guidance.threshold", "8");
        assertThat(DEFAULTS.withProperties(properties)).isEqualTo(changed);
        assertThat(DEFAULTS.toProperties()).isEmpty();
    }
}
