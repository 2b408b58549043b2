package dev.smki.recovery.analysis;

import static dev.smki.recovery.workflow.Samples.CUSTODIAN;
import static dev.smki.recovery.workflow.Samples.DCC;
import static dev.smki.recovery.workflow.Samples.PMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.Phase;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderingAnalysisTests {

    private static final StepId C1 = StepId.of("C1");
    private static final StepId C2 = StepId.of("C2");
    private static final StepId C3 = StepId.of("C3");
    private static final StepId C4 = StepId.of("C4");
    private static final StepId C5 = StepId.of("C5");
    private static final StepId C8 = StepId.of("C8");

    private static final Invariant SIGNED_AFTER_ACTIVATION = Invariant.of(
            RuleId.of("REC-1"),
            "the Contingency Private Key signs commands only after the custodians have activated it",
            done -> !done.contains(C5) || done.contains(C4));

    private static final Invariant NEW_ROOT_BEFORE_REVOCATION = Invariant.of(
            RuleId.of("REC-10"),
            "the old OCA certificates are revoked only once the new Root exists",
            done -> !done.contains(C8) || done.contains(C2));

    /** A contingency procedure in which C5 waits for C4 (safe) or does not (the planted flaw). */
    private static Procedure contingency(boolean sendWaitsForActivation) {
        Procedure.Builder builder = Procedure.named("CONTINGENCY")
                .pre(C1, "Decision to use the Contingency Private Key", PMA)
                .pre(C2, "New Root OCA key pair and certificate", DCC)
                .after(C1)
                .pre(C3, "New Issuing OCA certificate", DCC)
                .after(C2)
                .pre(C4, "Contingency Private Key activated", CUSTODIAN)
                .after(C1)
                .exec(C5, "anyByContingency command sent to Device", DCC)
                .perItem();
        if (sendWaitsForActivation) {
            builder.after(C2, C4);
        } else {
            builder.after(C2);
        }
        return builder.post(C8, "Old OCA certificates revoked", DCC)
                .after(C3, C5)
                .build();
    }

    @Test
    void findsAPlantedUnsafeOrderingWithAShortestOrderingReachingIt() {
        OrderingReport report = OrderingAnalysis.explore(
                contingency(false), List.of(SIGNED_AFTER_ACTIVATION, NEW_ROOT_BEFORE_REVOCATION));

        assertThat(report.isSafe()).isFalse();
        assertThat(report.exhaustive()).isTrue();
        assertThat(report.violatedRules()).containsExactly(RuleId.of("REC-1"));
        OrderingReport.UnsafeState first = report.unsafeStates().get(0);
        assertThat(first.ordering()).containsExactly(C1, C2, C5);
        assertThat(first.completed()).containsExactly(C1, C2, C5);
        assertThat(first.violated()).containsExactly(SIGNED_AFTER_ACTIVATION);
        assertThat(report.unsafeStates()).allSatisfy(state -> {
            assertThat(state.completed()).contains(C5).doesNotContain(C4);
            assertThat(state.ordering()).hasSize(state.completed().size()).endsWith(C5);
        });
        assertThat(report.unsafeStates())
                .extracting(OrderingReport.UnsafeState::completed)
                .containsExactly(Set.of(C1, C2, C5), Set.of(C1, C2, C3, C5));
        assertThat(report.toString())
                .contains("CONTINGENCY: ")
                .contains("2 unsafe")
                .contains("REC-1 the Contingency Private Key signs commands only after the custodians have"
                        + " activated it — after C1, C2, C5");
    }

    @Test
    void reportsNoUnsafeStateForTheSafeDefinitionAfterVisitingEveryReachableState() {
        Procedure<Object> safe = contingency(true);

        OrderingReport report =
                OrderingAnalysis.explore(safe, List.of(SIGNED_AFTER_ACTIVATION, NEW_ROOT_BEFORE_REVOCATION));

        assertThat(report.isSafe()).isTrue();
        assertThat(report.unsafeStates()).isEmpty();
        assertThat(report.statesExplored()).isEqualTo(closedSubsets(safe));
        assertThat(report.toString()).endsWith("no unsafe state");
    }

    @Test
    void reportsAnInitialStateThatIsAlreadyUnsafe() {
        Invariant impossible = Invariant.of(RuleId.of("REC-9"), "something is always done", done -> !done.isEmpty());

        OrderingReport report = OrderingAnalysis.explore(contingency(true), List.of(impossible));

        assertThat(report.unsafeStates()).singleElement().satisfies(state -> {
            assertThat(state.ordering()).isEmpty();
            assertThat(state.completed()).isEmpty();
        });
    }

    @Test
    void exploresThirtyStepsInParallelChainsAndFindsTheOneUnsafeFinalState() {
        Procedure.Builder builder = Procedure.named("CHAINS");
        List<StepId> all = new ArrayList<>();
        for (int chain = 0; chain < 3; chain++) {
            for (int link = 0; link < 10; link++) {
                StepId id = StepId.of("K" + chain + "_" + link);
                all.add(id);
                builder.step(id, "Link " + link + " of chain " + chain, Phase.EXEC, DCC);
                if (link > 0) {
                    builder.after(StepId.of("K" + chain + "_" + (link - 1)));
                }
            }
        }
        Procedure<Object> chains = builder.build();
        Invariant notEverything = Invariant.of(RuleId.of("TEST-1"), "not every step is done", done -> done.size() < 30);

        OrderingReport report = OrderingAnalysis.explore(chains, List.of(notEverything));

        assertThat(report.statesExplored()).isEqualTo(11L * 11 * 11);
        assertThat(report.unsafeStates()).singleElement().satisfies(state -> {
            assertThat(state.completed()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(state.ordering()).hasSize(30);
            assertRespectsPrerequisites(chains, state.ordering());
        });
    }

    @Test
    void exploresTwentyFiveStepsOfFiveChains() {
        Procedure.Builder builder = Procedure.named("FIVE_CHAINS");
        for (int chain = 0; chain < 5; chain++) {
            for (int link = 0; link < 5; link++) {
                builder.step(StepId.of("K" + chain + "_" + link), "Link", Phase.EXEC, DCC);
                if (link > 0) {
                    builder.after(StepId.of("K" + chain + "_" + (link - 1)));
                }
            }
        }

        OrderingReport report = OrderingAnalysis.explore(builder.build(), List.of());

        assertThat(report.statesExplored()).isEqualTo(6L * 6 * 6 * 6 * 6);
        assertThat(report.isSafe()).isTrue();
    }

    @Test
    void saysWhenTheStateLimitStoppedTheSearch() {
        OrderingReport report = OrderingAnalysis.explore(contingency(true), List.of(SIGNED_AFTER_ACTIVATION), 5);

        assertThat(report.exhaustive()).isFalse();
        assertThat(report.isSafe()).isFalse();
        assertThat(report.statesExplored()).isEqualTo(5);
        assertThat(report.toString()).contains("not exhaustive");
    }

    @Test
    void rejectsAProcedureWithMoreThanSixtyFourSteps() {
        Procedure.Builder builder = Procedure.named("HUGE");
        for (int i = 0; i < 65; i++) {
            builder.step(StepId.of("S" + i), "Step " + i, Phase.EXEC, DCC);
        }
        Procedure<Object> huge = builder.build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderingAnalysis.explore(huge, List.of()))
                .withMessage("HUGE has 65 steps; the ordering analysis handles at most 64");
    }

    /** Counts the sets of steps closed under prerequisites, by trying every subset. */
    static long closedSubsets(Procedure<Object> procedure) {
        List<Step<Object>> steps = procedure.steps();
        long count = 0;
        for (long set = 0; set < 1L << steps.size(); set++) {
            boolean closed = true;
            for (int i = 0; i < steps.size() && closed; i++) {
                if ((set & (1L << i)) != 0) {
                    for (StepId prerequisite : steps.get(i).prerequisites()) {
                        int at = steps.indexOf(procedure.step(prerequisite));
                        closed &= (set & (1L << at)) != 0;
                    }
                }
            }
            if (closed) {
                count++;
            }
        }
        return count;
    }

    static void assertRespectsPrerequisites(Procedure<Object> procedure, List<StepId> ordering) {
        List<StepId> done = new ArrayList<>();
        for (StepId id : ordering) {
            assertThat(done)
                    .as("before %s in %s", id, ordering)
                    .containsAll(procedure.step(id).prerequisites());
            assertThat(done).doesNotContain(id);
            done.add(id);
        }
    }
}
