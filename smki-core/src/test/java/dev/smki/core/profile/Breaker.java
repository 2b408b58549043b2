package dev.smki.core.profile;

import java.util.function.UnaryOperator;

/**
 * One change to a conforming certificate (and, for rules about the validation instant, to the context) that
 * breaks exactly one rule.
 *
 * @param ruleId the rule it breaks, such as {@code CERT-43}
 * @param what the change, in words, shown as the test's name
 * @param change the change to the conforming spec
 * @param context the change to the conforming context
 */
record Breaker(
        String ruleId,
        String what,
        UnaryOperator<CertificateSpec> change,
        UnaryOperator<ValidationContext.Builder> context) {

    /** Returns a breaker that changes the certificate only. */
    static Breaker of(String ruleId, String what, UnaryOperator<CertificateSpec> change) {
        return new Breaker(ruleId, what, change, UnaryOperator.identity());
    }

    /** Returns this breaker with a change to the context as well. */
    Breaker inContext(UnaryOperator<ValidationContext.Builder> context) {
        return new Breaker(ruleId, what, change, context);
    }
}
