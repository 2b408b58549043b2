package dev.smki.recovery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.RandomProcedures;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

class OrderingAnalysisProperties implements WithQuickTheories {

    @Test
    void findsExactlyTheFirstViolationsABruteForceSearchFinds() {
        qt().withExamples(500)
                .forAll(
                        RandomProcedures.specs(10),
                        lists().of(integers().between(0, 99)).ofSizeBetween(0, 3))
                .checkAssert((spec, pairs) -> {
                    Procedure<Object> procedure = spec.procedure();
                    int n = procedure.steps().size();
                    List<Invariant> invariants = new ArrayList<>();
                    for (int pair : pairs) {
                        // "step a is never complete before step b", a planted ordering constraint
                        StepId a = RandomProcedures.Spec.id(pair / 10 % n);
                        StepId b = RandomProcedures.Spec.id(pair % 10 % n);
                        invariants.add(Invariant.of(
                                RuleId.of("TEST-" + (invariants.size() + 1)),
                                a + " not before " + b,
                                done -> !done.contains(a) || done.contains(b)));
                    }

                    OrderingReport report = OrderingAnalysis.explore(procedure, invariants);

                    Set<Set<StepId>> expected = firstViolationsByBruteForce(procedure, invariants);
                    Set<Set<StepId>> found = new HashSet<>();
                    report.unsafeStates().forEach(state -> found.add(Set.copyOf(state.completed())));
                    assertThat(found).isEqualTo(expected);
                    assertThat(report.unsafeStates()).hasSameSizeAs(expected);
                    for (OrderingReport.UnsafeState state : report.unsafeStates()) {
                        OrderingAnalysisTests.assertRespectsPrerequisites(procedure, state.ordering());
                        assertThat(Set.copyOf(state.ordering())).isEqualTo(Set.copyOf(state.completed()));
                        for (int k = 0; k < state.ordering().size(); k++) {
                            Set<StepId> prefix = Set.copyOf(state.ordering().subList(0, k));
                            assertThat(invariants).allMatch(i -> i.holdsFor(prefix));
                        }
                        assertThat(state.violated()).isNotEmpty().noneMatch(i -> i.holdsFor(state.completed()));
                    }
                    assertThat(report.isSafe()).isEqualTo(expected.isEmpty());
                });
    }

    /**
     * Returns the unsafe sets reachable through safe sets only: a fixpoint over all subsets, independent of the
     * breadth-first search.
     */
    private static Set<Set<StepId>> firstViolationsByBruteForce(
            Procedure<Object> procedure, List<Invariant> invariants) {
        List<Step<Object>> steps = procedure.steps();
        Set<Set<StepId>> safeReached = new HashSet<>();
        Set<Set<StepId>> unsafe = new HashSet<>();
        Set<StepId> empty = Set.of();
        if (invariants.stream().allMatch(i -> i.holdsFor(empty))) {
            safeReached.add(empty);
        } else {
            unsafe.add(empty);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Set<StepId> state : List.copyOf(safeReached)) {
                for (Step<Object> step : steps) {
                    if (!state.contains(step.id()) && state.containsAll(step.prerequisites())) {
                        Set<StepId> next = new HashSet<>(state);
                        next.add(step.id());
                        Set<StepId> frozen = Set.copyOf(next);
                        if (invariants.stream().allMatch(i -> i.holdsFor(frozen))) {
                            grew |= safeReached.add(frozen);
                        } else {
                            grew |= unsafe.add(frozen);
                        }
                    }
                }
            }
        }
        return unsafe;
    }
}
