package dev.smki.recovery.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * The analysis of a plan agrees with brute force on small plans: the exercise's eight steps listed in their order,
 * each waiting for a random subset of the steps before it. Brute force walks every order the plan allows, step by
 * step, and notes every first violation of an invariant; the analysis must find the same rules broken and a
 * counterexample as short as the shortest such order.
 */
class PlanAnalysisProperties implements WithQuickTheories {

    private static final ExercisePlan EXERCISE = ExercisePlan.builtIn("live-exercise");
    private static final List<StepPlan> STEPS = ExercisePlan.parse(EXERCISE.toExpandedYaml(), "expanded")
            .procedure()
            .steps();

    Gen<ExercisePlan> smallPlans() {
        return lists().of(integers().between(0, 255)).ofSize(STEPS.size()).map(masks -> {
            List<StepPlan> steps = new ArrayList<>();
            for (int i = 0; i < STEPS.size(); i++) {
                StepPlan s = STEPS.get(i);
                List<String> after = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if ((masks.get(i) & (1 << j)) != 0) {
                        after.add(STEPS.get(j).id());
                    }
                }
                steps.add(new StepPlan(s.id(), s.actor(), after, s.title(), s.source(), s.confidence()));
            }
            return EXERCISE.withProcedure(new ProcedurePlan(
                    EXERCISE.procedure().builtIn(), EXERCISE.procedure().actors(), steps));
        });
    }

    @Test
    void theAnalysisOfASmallPlanAgreesWithBruteForce() {
        qt().withExamples(150).forAll(smallPlans()).checkAssert(plan -> {
            PlanAnalysis analysis = PlanAnalysis.of(plan);
            BruteForce brute = new BruteForce(plan.procedure().steps(), analysis.invariants());
            brute.walk(new ArrayList<>(), new LinkedHashSet<>());

            assertThat(analysis.isSafe()).as("safe").isEqualTo(brute.violated.isEmpty());
            assertThat(analysis.report().violatedRules()).as("rules broken").isEqualTo(brute.violated);
            assertThat(analysis.shortestCounterexample()
                            .map(u -> u.ordering().size())
                            .orElse(0))
                    .as("shortest counterexample")
                    .isEqualTo(brute.shortest);
            analysis.shortestCounterexample()
                    .ifPresent(u -> assertThat(brute.unsafePrefixes)
                            .as("the counterexample is an order the plan allows that breaks an invariant")
                            .contains(u.ordering()));
        });
    }

    /** Every order the plan's steps allow, walked one step at a time, stopping at each first violation. */
    private static final class BruteForce {
        final List<StepPlan> steps;
        final List<Invariant> invariants;
        final Set<RuleId> violated = new TreeSet<>();
        final Set<List<StepId>> unsafePrefixes = new HashSet<>();
        int shortest;

        BruteForce(List<StepPlan> steps, List<Invariant> invariants) {
            this.steps = steps;
            this.invariants = invariants;
        }

        void walk(List<StepId> order, Set<StepId> done) {
            for (StepPlan step : steps) {
                StepId id = StepId.of(step.id());
                if (done.contains(id) || !step.after().stream().map(StepId::of).allMatch(done::contains)) {
                    continue;
                }
                order.add(id);
                done.add(id);
                List<Invariant> broken =
                        invariants.stream().filter(i -> !i.holdsFor(done)).toList();
                if (broken.isEmpty()) {
                    walk(order, done);
                } else {
                    broken.forEach(i -> violated.add(i.rule()));
                    unsafePrefixes.add(List.copyOf(order));
                    shortest = shortest == 0 ? order.size() : Math.min(shortest, order.size());
                }
                done.remove(id);
                order.remove(order.size() - 1);
            }
        }
    }
}
