package dev.smki.core.registration;

import java.util.List;
import java.util.Objects;

/**
 * The findings of checking Organisation Information Forms, up to a number listed, and how many more there are.
 *
 * @param findings the findings listed: contiguity (OIF-1) first, then overlaps within a Party (OIF-2), then between
 *     Parties (OIF-3)
 * @param unlisted how many further findings there are, beyond those listed
 */
public record OifCheck(List<OifFinding> findings, long unlisted) {

    /**
     * Checks the components.
     *
     * @param findings the findings listed: contiguity (OIF-1) first, then overlaps within a Party (OIF-2), then between
     *     Parties (OIF-3)
     * @param unlisted how many further findings there are, beyond those listed
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code unlisted} is negative
     */
    public OifCheck {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        if (unlisted < 0) {
            throw new IllegalArgumentException("A count of findings is not negative: " + unlisted);
        }
    }

    /** {@return how many findings there are, listed or not} */
    public long total() {
        return findings.size() + unlisted;
    }

    /** {@return whether the forms break no rule} */
    public boolean isClean() {
        return total() == 0;
    }
}
