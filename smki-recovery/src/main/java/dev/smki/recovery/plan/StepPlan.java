package dev.smki.recovery.plan;

import dev.smki.core.provenance.Confidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an explicit procedure.
 *
 * @param id the step id, such as {@code C8}
 * @param actor who does it, such as {@code DCC}
 * @param after the ids of the steps it waits for
 * @param title what it does; empty to take the built-in step's title
 * @param source where it comes from; empty to take the built-in step's sources
 * @param confidence how sure the planner is of it; empty to take the built-in step's
 */
public record StepPlan(
        String id,
        String actor,
        List<String> after,
        Optional<String> title,
        Optional<String> source,
        Optional<Confidence> confidence) {

    /**
     * Checks the components.
     *
     * @param id the step id, such as {@code C8}
     * @param actor who does it, such as {@code DCC}
     * @param after the ids of the steps it waits for
     * @param title what it does; empty to take the built-in step's title
     * @param source where it comes from; empty to take the built-in step's sources
     * @param confidence how sure the planner is of it; empty to take the built-in step's
     * @throws NullPointerException when a component is null
     */
    public StepPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        after = List.copyOf(after);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
    }
}
