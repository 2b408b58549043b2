package dev.smki.core.provenance;

import java.util.List;
import java.util.Objects;

/**
 * A rule the library enforces outside the certificate profiles (revocation, registration, recovery), with
 * where it comes from and how sure we are of it.
 *
 * @param id the rule id, such as {@code OIF-2} or {@code REC-1}
 * @param statement the rule in one sentence
 * @param confidence how sure we are of it
 * @param sources where it comes from; at least one
 */
public record SourcedRule(RuleId id, String statement, Confidence confidence, List<Citation> sources) {

    /**
     * Checks the components.
     *
     * @param id the rule id, such as {@code OIF-2} or {@code REC-1}
     * @param statement the rule in one sentence
     * @param confidence how sure we are of it
     * @param sources where it comes from; at least one
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the statement is blank
     */
    public SourcedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(confidence, "confidence");
        sources = List.copyOf(sources);
        if (statement.isBlank()) {
            throw new IllegalArgumentException(id + " has no statement");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(id + " cites no source");
        }
    }

    /**
     * {@return a rule with one source}
     *
     * @param id the rule id, such as {@code OIF-2} or {@code REC-1}
     * @param statement the rule in one sentence
     * @param confidence how sure we are of it
     * @param source where the rule comes from
     */
    public static SourcedRule of(String id, String statement, Confidence confidence, Citation source) {
        return new SourcedRule(RuleId.of(id), statement, confidence, List.of(source));
    }

    /** {@return {@code ID (confidence; sources)}, such as {@code OIF-2 (memory; SEC Section H1.5)}} */
    public String citation() {
        return id + " (" + confidence.name().toLowerCase(java.util.Locale.ROOT) + "; "
                + String.join(", ", sources.stream().map(Citation::toString).toList()) + ")";
    }
}
