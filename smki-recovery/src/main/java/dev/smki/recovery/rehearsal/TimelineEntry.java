package dev.smki.recovery.rehearsal;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a rehearsal: when, its journal sequence number, the step (and item), the actor, whether it was
 * accepted (or why it was refused), and what its effect did to the simulated world.
 *
 * @param time the simulated time of the attempt
 * @param sequence the attempt's journal sequence number, from 1
 * @param step the step attempted
 * @param title the step's title
 * @param item the item, for a per-item step such as a custodian's attendance
 * @param actor the role that attempted it
 * @param accepted whether it was accepted
 * @param outcome {@code accepted}, or the refusal's reason
 * @param effect what the accepted step did in the simulated world, such as {@code 1000 commands sent: ...};
 *     empty when refused or when the step has no effect beyond the record
 * @param confidence how sure the project (or the plan) is of the step: verified, observed, inferred, reconstructed
 *     or memory; empty for a step with no source
 * @param sources where the step comes from
 */
public record TimelineEntry(
        Instant time,
        long sequence,
        StepId step,
        String title,
        Optional<String> item,
        Actor actor,
        boolean accepted,
        String outcome,
        String effect,
        Optional<Confidence> confidence,
        List<Citation> sources) {

    /**
     * Checks the components.
     *
     * @param time the simulated time of the attempt
     * @param sequence the attempt's journal sequence number, from 1
     * @param step the step attempted
     * @param title the step's title
     * @param item the item, for a per-item step such as a custodian's attendance
     * @param actor the role that attempted it
     * @param accepted whether it was accepted
     * @param outcome {@code accepted}, or the refusal's reason
     * @param effect what the accepted step did in the simulated world, such as {@code 1000 commands sent: ...}; empty
     *     when refused or when the step has no effect beyond the record
     * @param confidence how sure the project (or the plan) is of the step: verified, observed, inferred, reconstructed
     *     or memory; empty for a step with no source
     * @param sources where the step comes from
     * @throws NullPointerException when a component is null
     */
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(confidence, "confidence");
        sources = List.copyOf(sources);
    }

    /** {@return {@code STEP} or {@code STEP[item]}} */
    public String stepAndItem() {
        return step + item.map(i -> "[" + i + "]").orElse("");
    }

    /** Returns {@code time #seq ACTOR STEP[item] outcome: effect}. */
    @Override
    public String toString() {
        return time + " #" + sequence + " " + actor + " " + stepAndItem() + " " + outcome
                + (effect.isEmpty() ? "" : ": " + effect);
    }
}
