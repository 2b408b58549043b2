package dev.smki.recovery.plan;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.BuiltInProcedure;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.procedures.SettingsException;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Deadline;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Multiplicity;
import dev.smki.recovery.workflow.Phase;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a plan's procedure and settings mean: the {@link ProcedureSettings} its durations and settings give, and the
 * procedure it runs: the built-in one, or its explicit step list, each step taking its definition (guards, effect,
 * title, phase) from the built-in step of the same id and its actor, order, source and confidence from the plan.
 */
public final class PlanProcedures {

    private PlanProcedures() {}

    /**
     * {@return the procedure settings {@code plan} gives}
     *
     * @param plan the exercise plan
     * @throws PlanException naming the duration or setting at fault
     */
    public static ProcedureSettings settings(ExercisePlan plan) {
        ProcedureSettings settings = ProcedureSettings.defaults();
        for (Map.Entry<String, Duration> d : plan.durations().entrySet()) {
            try {
                settings = settings.withDuration(d.getKey(), d.getValue());
            } catch (SettingsException e) {
                throw new PlanException("durations." + e.setting(), e.getMessage(), e);
            }
        }
        Properties properties = new Properties();
        properties.putAll(plan.settings());
        try {
            return settings.withProperties(properties);
        } catch (SettingsException e) {
            throw new PlanException("settings." + e.setting(), e.getMessage(), e);
        }
    }

    /**
     * {@return the method the SMKI PMA's decision names: Method 2 if it says so, otherwise Method 3}
     *
     * @param plan the exercise plan
     */
    public static RecoveryKeyUse.Method method(ExercisePlan plan) {
        return plan.decisions().mechanism() == RecoveryMechanism.RECOVERY_METHOD_2
                ? RecoveryKeyUse.Method.METHOD_2
                : RecoveryKeyUse.Method.METHOD_3;
    }

    /**
     * {@return the built-in procedure {@code plan} names, as defined with its settings}
     *
     * @param plan the exercise plan
     * @throws PlanException naming the problem when there is no such procedure, or the settings cannot be used
     */
    public static Procedure<IncidentState> builtIn(ExercisePlan plan) {
        ProcedureSettings settings = settings(plan);
        try {
            return BuiltInProcedure.parse(plan.procedure().builtIn()).build(settings, method(plan));
        } catch (SettingsException e) {
            throw new PlanException("settings." + e.setting(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PlanException("procedure", e.getMessage(), e);
        }
    }

    /**
     * {@return the procedure {@code plan} runs}
     *
     * @param plan the exercise plan
     * @throws PlanException naming the problem when the procedure cannot be built: an unknown built-in
     *     procedure or step, a cycle, a step waiting for a step of a later phase, settings that cannot be used
     */
    public static Procedure<IncidentState> procedure(ExercisePlan plan) {
        Procedure<IncidentState> base = builtIn(plan);
        if (!plan.procedure().isExplicit()) {
            return base;
        }
        try {
            return explicit(plan, base);
        } catch (IllegalArgumentException e) {
            throw new PlanException("procedure", e.getMessage(), e);
        }
    }

    private static Procedure<IncidentState> explicit(ExercisePlan plan, Procedure<IncidentState> base) {
        Procedure.Builder<IncidentState> b = Procedure.named(base.name() + ".plan");
        Map<String, Phase> phases = new HashMap<>();
        for (StepPlan s : plan.procedure().steps()) {
            StepId id = StepId.of(s.id());
            Actor actor = Actor.of(s.actor());
            if (base.hasStep(id)) {
                Step<IncidentState> defined = base.step(id);
                b.step(id, s.title().orElse(defined.title()), defined.phase(), actor);
                phases.put(s.id(), defined.phase());
                if (defined.multiplicity() == Multiplicity.PER_ITEM) {
                    b.perItem(defined.items());
                } else if (defined.multiplicity() == Multiplicity.REPEATABLE) {
                    b.repeatable();
                }
                for (Guard<IncidentState> guard : defined.guards()) {
                    b.guardedBy(guard);
                }
                b.offering(defined.offer()).does(defined.effect());
                cite(b, s, defined.confidence().orElse(Confidence.RECONSTRUCTED), defined.sources());
            } else {
                Phase phase = Phase.PRE;
                for (String prerequisite : s.after()) {
                    Phase p = phases.getOrDefault(prerequisite, Phase.PRE);
                    if (p.isAfter(phase)) {
                        phase = p;
                    }
                }
                phases.put(s.id(), phase);
                b.step(id, s.title().orElse("Step " + s.id() + " of the plan"), phase, actor);
                cite(b, s, Confidence.RECONSTRUCTED, List.of(Citation.of("exercise plan", plan.name())));
            }
            for (String prerequisite : s.after()) {
                b.after(StepId.of(prerequisite));
            }
        }
        for (Deadline deadline : base.deadlines()) {
            if (listed(plan, deadline.from()) && listed(plan, deadline.to())) {
                b.deadline(deadline.name(), deadline.from(), deadline.to(), deadline.limit());
            }
        }
        return b.build();
    }

    private static boolean listed(ExercisePlan plan, StepId id) {
        return plan.procedure().steps().stream().anyMatch(s -> s.id().equals(id.value()));
    }

    private static void cite(
            Procedure.Builder<IncidentState> b, StepPlan s, Confidence defined, List<Citation> sources) {
        List<Citation> cited = new ArrayList<>(sources);
        if (s.source().isPresent()) {
            cited = List.of(Citation.of(s.source().get()));
        }
        b.citing(s.confidence().orElse(defined), cited.toArray(Citation[]::new));
    }

    /**
     * {@return the actor who does {@code step} in {@code plan}: the plan's choice, or the step's first actor}
     *
     * @param plan the exercise plan
     * @param step the step
     */
    public static Actor actor(ExercisePlan plan, Step<?> step) {
        String chosen = plan.procedure().actors().get(step.id().value());
        return chosen != null ? Actor.of(chosen) : step.actors().iterator().next();
    }
}
