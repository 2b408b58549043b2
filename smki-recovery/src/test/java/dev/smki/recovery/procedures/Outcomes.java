package dev.smki.recovery.procedures;

import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Refusal;

/** Short descriptions of attempt outcomes, for assertions: {@code ACCEPTED}, a refusal kind, or the guard's rule. */
final class Outcomes {

    private Outcomes() {}

    /**
     * Returns {@code ACCEPTED}, {@code WRONG_ACTOR}, {@code MISSING_PREREQUISITES}, {@code ALREADY_DONE}, or for a
     * failed guard its rule and name, such as {@code REC-1 decision gate}.
     */
    static String of(Outcome outcome) {
        return outcome.refusal()
                .map(r -> r instanceof Refusal.GuardFailed g
                        ? g.guard().toString()
                        : r.kind().name())
                .orElse("ACCEPTED");
    }
}
