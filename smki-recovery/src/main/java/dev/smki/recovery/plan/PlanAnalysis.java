package dev.smki.recovery.plan;

import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.analysis.OrderingAnalysis;
import dev.smki.recovery.analysis.OrderingReport;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.RecoveryInvariants;
import dev.smki.recovery.workflow.Procedure;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The step-order analysis of an exercise plan: every order its procedure allows (the built-in one, or the plan's own
 * step list) explored against the REC invariants that apply to it ({@link RecoveryInvariants}).
 *
 * @param procedure the plan's procedure
 * @param invariants the invariants checked
 * @param report what the exploration found
 */
public record PlanAnalysis(Procedure<IncidentState> procedure, List<Invariant> invariants, OrderingReport report) {

    /**
     * Checks the components.
     *
     * @param procedure the plan's procedure
     * @param invariants the invariants checked
     * @param report what the exploration found
     * @throws NullPointerException when a component is null
     */
    public PlanAnalysis {
        Objects.requireNonNull(procedure, "procedure");
        invariants = List.copyOf(invariants);
        Objects.requireNonNull(report, "report");
    }

    /**
     * {@return the analysis of {@code plan}}
     *
     * @param plan the exercise plan
     * @throws PlanException when the plan's procedure cannot be built
     */
    public static PlanAnalysis of(ExercisePlan plan) {
        Procedure<IncidentState> procedure = PlanProcedures.procedure(plan);
        List<Invariant> invariants = RecoveryInvariants.applicableTo(procedure);
        return new PlanAnalysis(procedure, invariants, OrderingAnalysis.explore(procedure, invariants));
    }

    /** {@return whether every reachable set of completed steps was explored and none breaks an invariant} */
    public boolean isSafe() {
        return report.isSafe();
    }

    /** {@return a shortest ordering of steps reaching a state that breaks an invariant, if one can} */
    public Optional<OrderingReport.UnsafeState> shortestCounterexample() {
        return report.unsafeStates().stream()
                .min(Comparator.comparingInt(u -> u.ordering().size()));
    }
}
