package dev.smki.core.profile;

/** The code that checks one rule against one certificate or CSR under inspection. */
@FunctionalInterface
interface Check {

    /**
     * Returns the verdict for {@code inspection}: {@link RuleVerdict#PASS} when the rule holds or does not apply.
     * May throw on malformed input; the validator turns that into a finding of the rule.
     */
    RuleVerdict apply(Inspection inspection);
}
