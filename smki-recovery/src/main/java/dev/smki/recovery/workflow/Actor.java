package dev.smki.recovery.workflow;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The role in which someone attempts a procedure step, such as {@code DCC}, {@code SMKI_PMA} or
 * {@code KEY_CUSTODIAN}.
 *
 * <p>An actor names a role, not a person: which custodian or which subscriber acted belongs in the attempt's
 * {@link PayloadSummary}. The engine compares actors only with the roles a {@link Step} allows.
 *
 * @param role the role's name: a letter, then letters, digits, dots, hyphens or underscores
 */
public record Actor(String role) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    /**
     * Checks the components.
     *
     * @param role the role's name: a letter, then letters, digits, dots, hyphens or underscores
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the role is not a letter then at most 63 letters, digits, '.', '-' or
     *     '_'
     */
    public Actor {
        Objects.requireNonNull(role, "role");
        if (!FORM.matcher(role).matches()) {
            throw new IllegalArgumentException(
                    "An actor role starts with a letter and has at most 64 letters, digits, '.', '-' or '_',"
                            + " such as DCC or SMKI_PMA; got '" + role + "'");
        }
    }

    /**
     * {@return the actor in role {@code role}}
     *
     * @param role the role, such as DCC
     */
    public static Actor of(String role) {
        return new Actor(role);
    }

    /** Returns the role's name. */
    @Override
    public String toString() {
        return role;
    }
}
