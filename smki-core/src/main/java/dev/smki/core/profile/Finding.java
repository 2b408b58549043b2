package dev.smki.core.profile;

import java.util.Objects;

/**
 * A rule a certificate breaks, with what was found and what the rule expects.
 *
 * @param rule the broken rule
 * @param actual what the certificate has, such as {@code keyUsage {digitalSignature, nonRepudiation}}
 * @param expected what the rule asks for, such as {@code exactly one of digitalSignature, keyAgreement}
 */
public record Finding(Rule rule, String actual, String expected) {

    /**
     * Checks the components.
     *
     * @param rule the broken rule
     * @param actual what the certificate has
     * @param expected what the rule asks for
     * @throws NullPointerException when a component is null
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
    }

    /** {@return the severity of the broken rule} */
    public Severity severity() {
        return rule.severity();
    }

    /** Returns {@code CERT-n SEVERITY: statement (actual: ..., expected: ...)}. */
    @Override
    public String toString() {
        return rule.id() + " " + rule.severity() + ": " + rule.statement() + " (actual: " + actual + "; expected: "
                + expected + ")";
    }
}
