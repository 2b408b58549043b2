package dev.smki.recovery.workflow;

import dev.smki.core.provenance.RuleId;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@link Outcome#requireAccepted()} when a step was refused, for callers that treat a refusal as an
 * error. The refusal has already been journalled.
 */
public final class ProcedureViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    ProcedureViolationException(Refusal refusal) {
        super(Objects.requireNonNull(refusal, "refusal")
                        .rule()
                        .map(rule -> rule + ": ")
                        .orElse("")
                + refusal.message());
        this.refusal = refusal;
    }

    /** {@return why the step was refused} */
    public Refusal refusal() {
        return refusal;
    }

    /** {@return the rule the refusal enforces, for a failed guard} */
    public Optional<RuleId> rule() {
        return refusal.rule();
    }
}
