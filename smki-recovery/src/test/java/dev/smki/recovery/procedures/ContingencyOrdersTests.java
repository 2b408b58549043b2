package dev.smki.recovery.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.analysis.OrderingReport;
import dev.smki.recovery.workflow.StepId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContingencyOrdersTests {

    private static final List<ContingencyOrders.Result> RESULTS =
            ContingencyOrders.analyse(ProcedureSettings.defaults());

    private static ContingencyOrders.Result of(Contingency.Order order) {
        return RESULTS.stream().filter(r -> r.order() == order).findFirst().orElseThrow();
    }

    private static List<String> ids(OrderingReport.UnsafeState state) {
        return state.ordering().stream().map(StepId::value).toList();
    }

    @Test
    void findsTheModelledOrderSafeAfterExploringEveryReachableState() {
        ContingencyOrders.Result modelled = of(Contingency.Order.MODELLED);

        assertThat(modelled.isSafe()).isTrue();
        assertThat(modelled.report().exhaustive()).isTrue();
        assertThat(modelled.report().statesExplored()).isGreaterThan(100);
        assertThat(modelled.procedure().name()).isEqualTo("ROOT_OCA_COMPROMISE");
    }

    @Test
    void findsRevokingTheOldOcaBeforeDevicesHoldTheNewRootUnsafeByChainOrder() {
        ContingencyOrders.Result early = of(Contingency.Order.REVOKE_BEFORE_DEVICES_UPDATED);

        assertThat(early.isSafe()).isFalse();
        assertThat(early.violatedRules()).containsExactly(RuleId.of("REC-10"));
        assertThat(ids(early.counterexample(RuleId.of("REC-10")).orElseThrow()))
                .containsExactly("N1", "N2", "N3", "N4", "D1", "D2", "D3", "D4", "C1", "C2", "C3", "C8");
    }

    @Test
    void findsReleasingTheSymmetricKeyBeforeTheNewRootExistsUnsafeByRec6() {
        ContingencyOrders.Result early = of(Contingency.Order.SYMMETRIC_KEY_BEFORE_NEW_ROOT);

        assertThat(early.violatedRules()).containsExactly(RuleId.of("REC-6"));
        List<String> counterexample =
                ids(early.counterexample(RuleId.of("REC-6")).orElseThrow());
        assertThat(counterexample)
                .containsExactly("N1", "N2", "N3", "N4", "N5", "D1", "D2", "D3", "D4", "C1", "C4.attend", "C4", "C5");
    }

    @Test
    void findsActivatingTheKeyBeforeTheDecisionUnsafeByTheDecisionGateAndOrdering() {
        ContingencyOrders.Result early = of(Contingency.Order.KEY_USE_BEFORE_DECISION);

        assertThat(early.violatedRules()).containsExactly(RuleId.of("REC-1"), RuleId.of("REC-14"));
        assertThat(ids(early.shortestCounterexample().orElseThrow())).containsExactly("C4.attend", "C4");
    }

    @Test
    void describesEachUnsafeOrderWithTheRuleAndItsShortestCounterexample() {
        String text = of(Contingency.Order.REVOKE_BEFORE_DEVICES_UPDATED).describe();

        assertThat(text)
                .contains("REVOKE_BEFORE_DEVICES_UPDATED (ROOT_OCA_COMPROMISE.revoke-early)")
                .contains("UNSAFE")
                .contains("REC-10 the old OCA is revoked")
                .contains("shortest counterexample: N1, N2, N3, N4, D1, D2, D3, D4, C1, C2, C3, C8");
        assertThat(of(Contingency.Order.MODELLED).describe()).contains("safe").doesNotContain("UNSAFE");
    }
}
