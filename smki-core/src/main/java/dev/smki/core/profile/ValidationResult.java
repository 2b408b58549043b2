package dev.smki.core.profile;

import java.util.List;
import java.util.Objects;

/** The overall result of validating one certificate or CSR: what its worst broken rule says. */
public enum ValidationResult {
    /** No rule is broken (rules not checked aside). */
    OK,
    /** Only observed conventions ({@link Severity#WARN}) are broken: the certificate may still conform. */
    WARNINGS,
    /** A requirement ({@link Severity#ERROR}) is broken: the certificate does not conform. */
    ERRORS;

    /**
     * {@return the result of {@code findings}: {@link #ERRORS} if any is an error, else {@link #WARNINGS} if any}
     *
     * @param findings the broken rules
     */
    public static ValidationResult of(List<Finding> findings) {
        Objects.requireNonNull(findings, "findings");
        ValidationResult result = OK;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR) {
                return ERRORS;
            }
            result = WARNINGS;
        }
        return result;
    }
}
