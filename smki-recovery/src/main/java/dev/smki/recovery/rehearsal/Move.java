package dev.smki.recovery.rehearsal;

import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One move a rehearsal plans from its exercise plan: an actor's attempt at a step (for an item), when it comes
 * (after the step's pace, plus {@code extra}; not before the custodians' notice runs out, or the HSM works again), the
 * events that happen just before it, and the step whose completion makes it unnecessary (a retried activation, a late
 * custodian, a later session).
 *
 * @param step the step attempted
 * @param item the item, for a per-item step
 * @param actor who attempts it
 * @param extra time added to the step's pace, such as a late custodian's lateness
 * @param noticeGated whether it waits for the custodians' notice lead time
 * @param hsmGated whether it waits for an injected HSM failure to end
 * @param unless a step whose completion means the move is not made
 * @param before events just before the move, each returning a note
 */
record Move(
        StepId step,
        Optional<String> item,
        Actor actor,
        Duration extra,
        boolean noticeGated,
        boolean hsmGated,
        Optional<StepId> unless,
        List<Function<IncidentState, String>> before) {

    Move {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(unless, "unless");
        before = List.copyOf(before);
    }

    /** Returns {@code STEP} or {@code STEP[item]}. */
    String stepAndItem() {
        return step + item.map(i -> "[" + i + "]").orElse("");
    }
}
