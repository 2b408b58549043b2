package dev.smki.core.profile;

import java.util.Objects;

/**
 * A rule the validator could not check for this certificate, and why: typically a rule that needs the
 * issuer certificate when none was given.
 *
 * @param rule the rule left unchecked
 * @param reason why, such as {@code no issuer certificate given}
 */
public record NotChecked(Rule rule, String reason) {

    /**
     * Checks the components.
     *
     * @param rule the rule left unchecked
     * @param reason why
     * @throws NullPointerException when a component is null
     */
    public NotChecked {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
