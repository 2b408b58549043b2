package dev.smki.recovery.rehearsal;

import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One move of a rehearsal's script: an actor attempts a step (for an item), with a payload read from the world,
 * and, once the attempt is accepted, an effect on the world that returns a note of what it did. Payloads only read
 * the world; effects are deterministic, so replaying the accepted moves of a journal rebuilds the same world.
 *
 * @param step the step attempted
 * @param item the item, for a per-item step
 * @param actor who attempts it
 * @param payload the payload, read from the world at the time of the attempt
 * @param effect what an accepted attempt does to the world; returns a note, possibly empty
 */
record Move(
        StepId step,
        Optional<String> item,
        Actor actor,
        Function<World, Payload> payload,
        Function<World, String> effect) {

    Move {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(effect, "effect");
    }

    /** Returns the move of {@code actor} at {@code step}, with no payload and no effect. */
    static Move of(StepId step, Actor actor) {
        return new Move(step, Optional.empty(), actor, w -> Payload.none(), w -> "");
    }

    /** Returns the move of {@code actor} at the per-item {@code step} for {@code item}. */
    static Move ofItem(StepId step, String item, Actor actor) {
        return new Move(step, Optional.of(item), actor, w -> Payload.none(), w -> "");
    }

    /** Returns this move with {@code newPayload}. */
    Move with(Function<World, Payload> newPayload) {
        return new Move(step, item, actor, newPayload, effect);
    }

    /** Returns this move with the effect {@code newEffect}. */
    Move then(Function<World, String> newEffect) {
        return new Move(step, item, actor, payload, newEffect);
    }

    /** Returns the attempt this move makes in {@code world}. */
    Attempt attempt(World world) {
        Payload p = payload.apply(world);
        return item.isPresent() ? Attempt.ofItem(step, item.get(), actor, p) : Attempt.of(step, actor, p);
    }
}
