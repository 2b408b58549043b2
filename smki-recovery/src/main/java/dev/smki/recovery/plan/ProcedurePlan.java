package dev.smki.recovery.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The procedure: a built-in one by name, with who does the steps that allow several actors; or an explicit list of
 * steps, whose definitions (guards, effects, titles) come from the built-in one where their ids are its steps'.
 *
 * @param builtIn the built-in procedure's name, such as {@code contingency}; with explicit steps, the one their
 *     definitions come from
 * @param actors who does a step, by step id, where the plan chooses among the actors it allows
 * @param steps the explicit step list; empty to run the built-in procedure as defined
 */
public record ProcedurePlan(String builtIn, Map<String, String> actors, List<StepPlan> steps) {

    /**
     * Checks the components.
     *
     * @param builtIn the built-in procedure's name, such as {@code contingency}; with explicit steps, the one their
     *     definitions come from
     * @param actors who does a step, by step id, where the plan chooses among the actors it allows
     * @param steps the explicit step list; empty to run the built-in procedure as defined
     * @throws NullPointerException when a component is null
     */
    public ProcedurePlan {
        Objects.requireNonNull(builtIn, "builtIn");
        actors = Collections.unmodifiableMap(new LinkedHashMap<>(actors));
        steps = List.copyOf(steps);
    }

    /** {@return whether the plan lists its steps explicitly} */
    public boolean isExplicit() {
        return !steps.isEmpty();
    }
}
