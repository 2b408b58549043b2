package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a {@link Procedure}: who may do it, in which phase, after which steps, under which guards and how
 * often, and, for the one who drives a run, what its actor hands over ({@link Offer}), what it does when accepted
 * ({@link Effect}) and, if done per item, for which items ({@link Items}). Steps are made by {@link
 * Procedure.Builder}.
 *
 * @param id the step's id, such as {@code N3}
 * @param title what the step does, such as {@code Compromise confirmed}
 * @param phase the phase the step belongs to
 * @param actors the roles allowed to do the step, in the order they were declared; at least one
 * @param prerequisites the steps that must be complete first, in the order they were declared
 * @param guards the rules checked, in order, once the actor and prerequisites are right
 * @param multiplicity how often the step may be done
 * @param sources where the step comes from; possibly empty for procedures that are not from the SEC
 * @param confidence how sure we are of the step, when sources are given
 * @param offer what the actor hands over when attempting it, read from the run's context
 * @param effect what an accepted attempt does to the run's context
 * @param items the items a per-item step is done for, read from the run's context
 * @param <C> the type of the run's context
 */
public record Step<C>(
        StepId id,
        String title,
        Phase phase,
        Set<Actor> actors,
        List<StepId> prerequisites,
        List<Guard<C>> guards,
        Multiplicity multiplicity,
        List<Citation> sources,
        Optional<Confidence> confidence,
        Offer<C> offer,
        Effect<C> effect,
        Items<C> items) {

    /**
     * Checks the components.
     *
     * @param id the step's id, such as {@code N3}
     * @param title what the step does, such as {@code Compromise confirmed}
     * @param phase the phase the step belongs to
     * @param actors the roles allowed to do the step, in the order they were declared; at least one
     * @param prerequisites the steps that must be complete first, in the order they were declared
     * @param guards the rules checked, in order, once the actor and prerequisites are right
     * @param multiplicity how often the step may be done
     * @param sources where the step comes from; possibly empty for procedures that are not from the SEC
     * @param confidence how sure we are of the step, when sources are given
     * @param offer what the actor hands over when attempting it, read from the run's context
     * @param effect what an accepted attempt does to the run's context
     * @param items the items a per-item step is done for, read from the run's context
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the title is not one line, no actor is allowed, or a prerequisite is
     *     named twice
     */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(multiplicity, "multiplicity");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(items, "items");
        if (title.isBlank() || title.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Step " + id + " needs a one-line title");
        }
        actors = Collections.unmodifiableSet(new LinkedHashSet<>(List.copyOf(actors)));
        prerequisites = List.copyOf(prerequisites);
        guards = List.copyOf(guards);
        sources = List.copyOf(sources);
        if (actors.isEmpty()) {
            throw new IllegalArgumentException("Step " + id + " allows no actor");
        }
        if (Set.copyOf(prerequisites).size() != prerequisites.size()) {
            throw new IllegalArgumentException("Step " + id + " names a prerequisite twice: " + prerequisites);
        }
    }

    /**
     * {@return whether {@code actor} may do this step}
     *
     * @param actor who attempts the step
     */
    public boolean allows(Actor actor) {
        return actors.contains(actor);
    }

    /** {@return whether the step is done once per item} */
    public boolean isPerItem() {
        return multiplicity == Multiplicity.PER_ITEM;
    }

    /** {@return {@code ID "title"}, such as {@code N3 "Compromise confirmed"}} */
    public String describe() {
        return id + " \"" + title + "\"";
    }

    /** Returns {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
