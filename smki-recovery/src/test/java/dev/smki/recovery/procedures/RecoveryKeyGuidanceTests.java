package dev.smki.recovery.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryKeyGuidanceTests {

    private static final RecoveryKeyGuidance GUIDANCE = RecoveryKeyGuidance.defaults();

    @Test
    void holdsMandatoryAndOptionalFactorsWeightsAndPreDecisionStepsAllReconstructed() {
        assertThat(GUIDANCE.factors())
                .extracting(f -> f.id().value())
                .containsExactly("F1", "F2", "F3", "F4", "F5", "F6");
        assertThat(GUIDANCE.factors())
                .filteredOn(f -> f.kind() == RecoveryKeyGuidance.FactorKind.MANDATORY)
                .hasSize(4);
        assertThat(GUIDANCE.factors())
                .allSatisfy(f -> assertThat(f.confidence()).isEqualTo(Confidence.RECONSTRUCTED));
        assertThat(GUIDANCE.preDecisionSteps())
                .extracting(RecoveryKeyGuidance.PreDecisionStep::id)
                .containsExactly("P1", "P2");
    }

    @Test
    void advisesTheCompromisedKeysUsualMechanismWhenTheFactorsThatHoldWeighEnough() {
        RecoveryKeyGuidance.Assessment weighty = GUIDANCE.assess(CompromisedKey.ORGANISATION_KEY)
                .answerAll(Map.of("F1", true, "F2", true, "F3", false, "F4", false))
                .allStepsDone()
                .build();
        RecoveryKeyGuidance.Assessment light = GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                .answerAll(Map.of("F1", true, "F2", false, "F3", false, "F4", false, "F6", true))
                .allStepsDone()
                .build();

        assertThat(GUIDANCE.weigh(weighty)).isEqualTo(7);
        assertThat(GUIDANCE.advise(weighty)).isEqualTo(RecoveryMechanism.RECOVERY_METHOD_3);
        assertThat(GUIDANCE.weigh(light)).isEqualTo(1);
        assertThat(GUIDANCE.advise(light)).isEqualTo(RecoveryMechanism.NONE);
        assertThat(GUIDANCE.withThreshold(1).advise(light)).isEqualTo(RecoveryMechanism.CONTINGENCY);
    }

    @Test
    void refusesToAdviseBeforeEveryMandatoryFactorAndStepIsDone() {
        RecoveryKeyGuidance.Assessment partial = GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                .answer("F1", true)
                .done("P2")
                .build();

        assertThat(GUIDANCE.missing(partial)).containsExactly("factor F2", "factor F3", "factor F4", "step P1");
        assertThatIllegalStateException()
                .isThrownBy(() -> GUIDANCE.advise(partial))
                .withMessageContaining("[factor F2, factor F3, factor F4, step P1] missing");
    }

    @Test
    void rejectsAnswersToFactorsItDoesNotHave() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY).answer("F9", true))
                .withMessageContaining("no factor F9");
        assertThatExceptionOfType(SettingsException.class)
                .isThrownBy(() -> GUIDANCE.withProperties(Map.of("guidance.factor.F9", "sometimes,1,Why")))
                .withMessageContaining("guidance.factor.F9: a factor is mandatory or optional, not 'sometimes'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GUIDANCE.withoutFactor("F9"))
                .withMessageContaining("no factor F9");
    }

    @Test
    void takesFactorsByTypedIdAndRefusesMalformedIdsAndANegativeThreshold() {
        assertThat(GUIDANCE.factor(FactorId.of("F1"))).isEqualTo(GUIDANCE.factor("F1"));
        assertThat(GUIDANCE.withoutFactor(FactorId.of("F6")).factor("F6")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> FactorId.of("1F")).withMessageContaining("got '1F'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GUIDANCE.withThreshold(-1))
                .withMessage("guidance.threshold must be 0 or more, not -1");
        assertThat(GUIDANCE.assess(CompromisedKey.ROOT_OCA_KEY)
                        .answer(FactorId.of("F1"), true)
                        .build()
                        .answers())
                .containsEntry(FactorId.of("F1"), true);
    }
}
