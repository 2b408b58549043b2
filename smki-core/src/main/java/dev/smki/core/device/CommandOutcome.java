package dev.smki.core.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Device answered to an Update Security Credentials command: the GBCS status, the rule that refused the
 * command (when it was refused) with a detail naming what broke it, and the replacements an executed command
 * made. A refused command changed nothing on the Device.
 *
 * @param status {@link StatusCode#SUCCESS} when the command was executed, otherwise the refusing rule's status
 * @param refusedBy the rule that refused the command; empty exactly when it was executed
 * @param detail what broke the rule, or a summary of what was replaced
 * @param replacements the cells an executed command replaced, in command order; empty when refused
 */
public record CommandOutcome(
        StatusCode status, Optional<AcceptanceRule> refusedBy, String detail, List<ReplacementOutcome> replacements) {

    /**
     * Checks the components.
     *
     * @param status {@link StatusCode#SUCCESS} when the command was executed, otherwise the refusing rule's status
     * @param refusedBy the rule that refused the command; empty exactly when it was executed
     * @param detail what broke the rule, or a summary of what was replaced
     * @param replacements the cells an executed command replaced, in command order; empty when refused
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the outcome names a refusing rule and is a success, or is not a success and
     *     names none
     */
    public CommandOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refusedBy, "refusedBy");
        Objects.requireNonNull(detail, "detail");
        replacements = List.copyOf(replacements);
        if ((status == StatusCode.SUCCESS) == refusedBy.isPresent()) {
            throw new IllegalArgumentException("An outcome names a refusing rule exactly when it is not a success");
        }
        refusedBy.ifPresent(rule -> {
            if (rule.refusal() != status) {
                throw new IllegalArgumentException(rule.id() + " refuses with " + rule.refusal() + ", not " + status);
            }
        });
        if (refusedBy.isPresent() && !replacements.isEmpty()) {
            throw new IllegalArgumentException("A refused command replaces nothing");
        }
    }

    /** Returns the outcome of an executed command. */
    static CommandOutcome executed(List<ReplacementOutcome> replacements) {
        return new CommandOutcome(
                StatusCode.SUCCESS,
                Optional.empty(),
                "replaced "
                        + replacements.stream().map(ReplacementOutcome::cell).toList(),
                replacements);
    }

    /** Returns the outcome of a command {@code rule} refused, {@code detail} saying why. */
    static CommandOutcome refused(AcceptanceRule rule, String detail) {
        return new CommandOutcome(rule.refusal(), Optional.of(rule), detail, List.of());
    }

    /** {@return whether the command was executed} */
    public boolean isAccepted() {
        return status == StatusCode.SUCCESS;
    }

    /** Returns {@code success: ...} or {@code other (DEV-6): ...}. */
    @Override
    public String toString() {
        return status.gbcsName() + refusedBy.map(r -> " (" + r.id() + ")").orElse("") + ": " + detail;
    }
}
