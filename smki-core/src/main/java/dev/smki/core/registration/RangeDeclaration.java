package dev.smki.core.registration;

import dev.smki.core.identity.Eui64Range;
import java.util.Objects;

/**
 * One line of an Organisation Information Form: a range of EUI-64 User IDs a Party gives for one User Role.
 *
 * @param party the Party's name, as on the form
 * @param userRole the User Role the identifiers are for
 * @param range the identifiers, both ends included
 * @param line where the declaration was read from (1-based line number), or 0 when built in code
 */
public record RangeDeclaration(String party, UserRole userRole, Eui64Range range, int line) {

    /**
     * Checks the components.
     *
     * @param party the Party's name, as on the form
     * @param userRole the User Role the identifiers are for
     * @param range the identifiers, both ends included
     * @param line where the declaration was read from (1-based line number), or 0 when built in code
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the Party is blank
     */
    public RangeDeclaration {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(userRole, "userRole");
        Objects.requireNonNull(range, "range");
        if (party.isBlank()) {
            throw new IllegalArgumentException("A range declaration names its Party");
        }
    }

    /**
     * {@return a declaration built in code, with no line number}
     *
     * @param party the Party's name, as on the form
     * @param userRole the User Role the identifiers are for
     * @param range the identifiers, both ends included
     */
    public static RangeDeclaration of(String party, UserRole userRole, Eui64Range range) {
        return new RangeDeclaration(party, userRole, range, 0);
    }

    @Override
    public String toString() {
        return party + " " + userRole.slug() + " " + range + (line > 0 ? " (line " + line + ")" : "");
    }
}
