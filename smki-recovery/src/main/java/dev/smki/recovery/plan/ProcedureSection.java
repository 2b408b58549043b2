package dev.smki.recovery.plan;

import dev.smki.core.provenance.Confidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code procedure} section of a plan: the built-in procedure, the actors chosen, an explicit step
 * list. Each problem is reported to the {@link PlanReader} with where it is.
 */
final class ProcedureSection {

    private ProcedureSection() {}

    static ProcedurePlan procedure(PlanReader r, PlanNode map, ExercisePlan base) {
        r.known(map, "builtIn", "actors", "steps");
        ProcedurePlan b = base == null ? null : base.procedure();
        String builtIn = r.text(map, "builtIn", b == null ? null : b.builtIn());
        Map<String, String> actors = b == null || map.fields.containsKey("builtIn") ? Map.of() : b.actors();
        PlanNode actorsAt = map.fields.get("actors");
        if (actorsAt != null) {
            actors = new LinkedHashMap<>();
            if (!actorsAt.isMap()) {
                r.problem(actorsAt, "actors is a map of step id to actor, such as N1: DCC");
            } else {
                for (Map.Entry<String, PlanNode> e : actorsAt.fields.entrySet()) {
                    if (e.getValue().isScalar()) {
                        actors.put(e.getKey(), e.getValue().text);
                    } else {
                        r.problem(e.getValue(), "the actor of " + e.getKey() + " is one role, such as DCC");
                    }
                }
            }
        }
        List<StepPlan> steps = b == null || map.fields.containsKey("builtIn") ? List.of() : b.steps();
        PlanNode stepsAt = map.fields.get("steps");
        if (stepsAt != null) {
            steps = new ArrayList<>();
            if (!stepsAt.isList()) {
                r.problem(stepsAt, "steps is a list of steps, each with id, actor and after");
            } else {
                for (PlanNode step : stepsAt.items) {
                    StepPlan plan = step(r, step);
                    if (plan != null) {
                        steps.add(plan);
                    }
                }
            }
        }
        return builtIn == null ? null : new ProcedurePlan(builtIn, actors, steps);
    }

    private static StepPlan step(PlanReader r, PlanNode at) {
        if (!at.isMap()) {
            r.problem(at, "a step is a map with id, actor and after");
            return null;
        }
        r.known(at, "id", "actor", "after", "title", "source", "confidence");
        String id = r.text(at, "id", null);
        String actor = r.text(at, "actor", null);
        List<String> after = r.strings(at, "after");
        Optional<String> title = Optional.ofNullable(at.fields.get("title")).map(n -> r.text(at, "title", ""));
        Optional<String> source = Optional.ofNullable(at.fields.get("source")).map(n -> r.text(at, "source", ""));
        Optional<Confidence> confidence = Optional.ofNullable(at.fields.get("confidence"))
                .map(n -> r.enumValue(at, "confidence", Confidence.class, Confidence.RECONSTRUCTED));
        if (id == null || actor == null) {
            return null;
        }
        return new StepPlan(id, actor, after, title, source, confidence);
    }
}
