package dev.smki.recovery.custody;

import dev.smki.core.provenance.SourcedRule;
import java.util.Objects;

/**
 * Thrown when a custody action is refused by a rule: a key activation without a decision requiring it, a
 * share from a custodian who is not appointed, a custodian lifecycle step out of order. A refused action
 * changes nothing.
 */
public final class CustodyViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourcedRule rule;

    CustodyViolationException(SourcedRule rule, String message) {
        super(rule.id() + ": " + message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** {@return the rule that refused the action} */
    public SourcedRule rule() {
        return rule;
    }
}
