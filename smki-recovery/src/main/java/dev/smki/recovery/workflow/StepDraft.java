package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** A step being defined. */
final class StepDraft<C> {
    final StepId id;
    final String title;
    final Phase phase;
    final List<Actor> actors;
    final List<StepId> prerequisites = new ArrayList<>();
    final List<Guard<C>> guards = new ArrayList<>();
    final List<Citation> sources = new ArrayList<>();
    Multiplicity multiplicity = Multiplicity.ONCE;
    Confidence confidence;
    Offer<C> offer = Offer.nothing();
    Effect<C> effect = Effect.none();
    Items<C> items = Items.named();

    StepDraft(StepId id, String title, Phase phase, List<Actor> actors) {
        this.id = id;
        this.title = title;
        this.phase = phase;
        this.actors = actors;
    }

    StepDraft(Step<C> step, Phase phase) {
        this(step.id(), step.title(), phase, new ArrayList<>(step.actors()));
        prerequisites.addAll(step.prerequisites());
        guards.addAll(step.guards());
        sources.addAll(step.sources());
        multiplicity = step.multiplicity();
        confidence = step.confidence().orElse(null);
        offer = step.offer();
        effect = step.effect();
        items = step.items();
    }

    void multiply(Multiplicity chosen) {
        if (multiplicity != Multiplicity.ONCE) {
            throw new IllegalStateException(
                    "Step " + id + " is already " + multiplicity + "; it cannot also be " + chosen);
        }
        multiplicity = chosen;
    }

    Step<C> toStep() {
        return new Step<>(
                id,
                title,
                phase,
                new LinkedHashSet<>(actors),
                prerequisites,
                guards,
                multiplicity,
                sources,
                Optional.ofNullable(confidence),
                offer,
                effect,
                items);
    }
}
