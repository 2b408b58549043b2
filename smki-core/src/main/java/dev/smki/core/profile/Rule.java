package dev.smki.core.profile;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One checkable requirement of a certificate profile, traceable to where it was found.
 *
 * @param id the rule id, {@code CERT-n} as numbered in certificates.md §7
 * @param statement the requirement in one sentence
 * @param appliesTo the profiles the rule is checked for, iterated in declaration order
 * @param severity {@link Severity#ERROR} for a requirement, {@link Severity#WARN} for an observed convention
 * @param confidence how sure we are of the rule
 * @param sources where it comes from; at least one
 */
public record Rule(
        RuleId id,
        String statement,
        Set<ProfileKind> appliesTo,
        Severity severity,
        Confidence confidence,
        List<Citation> sources) {

    /**
     * Checks and copies the components.
     *
     * @param id the rule id
     * @param statement the requirement in one sentence
     * @param appliesTo the profiles the rule is checked for
     * @param severity how much breaking it matters
     * @param confidence how sure we are of the rule
     * @param sources where it comes from
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the statement is blank, or the rule applies to no profile or cites no
     *     source
     */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        sources = List.copyOf(sources);
        if (statement.isBlank()) {
            throw new IllegalArgumentException(id + " has no statement");
        }
        if (appliesTo.isEmpty()) {
            throw new IllegalArgumentException(id + " applies to no profile");
        }
        appliesTo = Collections.unmodifiableSet(EnumSet.copyOf(appliesTo)); // iterated in declaration order
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(id + " cites no source");
        }
    }

    /**
     * {@return whether the rule is checked for {@code profile}}
     *
     * @param profile the profile
     */
    public boolean appliesTo(ProfileKind profile) {
        return appliesTo.contains(profile);
    }
}
