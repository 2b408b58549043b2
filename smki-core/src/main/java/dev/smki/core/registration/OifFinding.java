package dev.smki.core.registration;

import dev.smki.core.provenance.SourcedRule;
import java.util.List;
import java.util.Objects;

/**
 * A broken Organisation Information Form rule: which rule, what is wrong, and the declarations involved.
 *
 * @param rule the broken rule
 * @param message what is wrong, naming Parties, User Roles and identifiers
 * @param declarations the declarations involved, in the order they were read
 */
public record OifFinding(SourcedRule rule, String message, List<RangeDeclaration> declarations) {

    /**
     * Checks the components.
     *
     * @param rule the broken rule
     * @param message what is wrong, naming Parties, User Roles and identifiers
     * @param declarations the declarations involved, in the order they were read
     * @throws NullPointerException when a component is null
     */
    public OifFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        declarations = List.copyOf(declarations);
    }

    /** Returns {@code RULE: message}, such as {@code OIF-1: ...}. */
    @Override
    public String toString() {
        return rule.id() + ": " + message;
    }
}
