package dev.smki.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.provenance.RuleId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AcceptanceRuleTests {

    @Test
    void theRulesAreDev1ToDev17AndTheTableChecksEachOnceInTheirOrder() {
        assertThat(AcceptanceRule.ALL)
                .extracting(AcceptanceRule::id)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 17)
                        .mapToObj(n -> RuleId.of("DEV-" + n))
                        .toList());
        assertThat(Acceptance.TABLE)
                .extracting(Acceptance.Criterion::rule)
                .containsExactlyElementsOf(AcceptanceRule.ALL);
        assertThat(AcceptanceRule.ALL).allSatisfy(rule -> {
            assertThat(rule.rule().sources()).isNotEmpty();
            assertThat(rule.refusal()).isNotEqualTo(StatusCode.SUCCESS);
        });
    }

    @Test
    void everyGbcsStatusButSuccessAndResourcesBusyIsTheRefusalOfSomeRule() {
        Set<StatusCode> refusals =
                AcceptanceRule.ALL.stream().map(AcceptanceRule::refusal).collect(Collectors.toSet());
        assertThat(refusals).isEqualTo(EnumSet.complementOf(EnumSet.of(StatusCode.SUCCESS, StatusCode.RESOURCES_BUSY)));
    }

    @Test
    void theStatusCodesAreGbcsValues() {
        assertThat(EnumSet.allOf(StatusCode.class))
                .extracting(StatusCode::code)
                .containsExactly(0, 5, 10, 17, 25, 30, 127);
        for (StatusCode status : StatusCode.values()) {
            assertThat(StatusCode.ofCode(status.code())).isSameAs(status);
        }
        assertThatThrownBy(() -> StatusCode.ofCode(1)).hasMessageContaining("1");
    }

    @Test
    void anOutcomeNamesARefusingRuleExactlyWhenItIsNotASuccess() {
        assertThatThrownBy(() -> new CommandOutcome(
                        StatusCode.SUCCESS, java.util.Optional.of(AcceptanceRule.WELL_FORMED), "", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandOutcome(
                        StatusCode.BAD_CERTIFICATE,
                        java.util.Optional.of(AcceptanceRule.WELL_FORMED),
                        "",
                        java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEV-1");
        assertThat(CommandOutcome.refused(AcceptanceRule.WITHIN_CAPACITY, "5 certificates"))
                .hasToString("insufficientMemory (DEV-3): 5 certificates");
    }
}
