package dev.smki.core.revocation;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import java.util.Objects;

/**
 * A Subscriber, by name: the Party a certificate was issued to, the Party an Authorised Responsible Officer acts for,
 * or a Party of a Supplier of Last Resort event. The name is one line without tabs, such as {@code supplier}.
 *
 * <p>The test PKI simulates one Party per Remote Party Role and names it after the role ({@link
 * #ofRole(RemotePartyRole)}: {@code supplier}, {@code network-operator}, ...); the DCC is the Subscriber of its own
 * CA certificates ({@link #DCC}); a Device Certificate's Subscriber is, in this simulation, the Device itself, named
 * by its EUI-64 ({@link #ofDevice(Eui64)}).
 *
 * @param name the Subscriber's name
 */
public record Subscriber(String name) implements Comparable<Subscriber> {

    /** The DCC, the Subscriber of the Root and Issuing CA certificates. */
    public static final Subscriber DCC = new Subscriber("DCC");

    /**
     * Checks the name.
     *
     * @param name the Subscriber's name
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code name} is blank, spans lines or holds a tab
     */
    public Subscriber {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(
                    "A Subscriber has a non-blank single-line name without tabs, got '" + name + "'");
        }
    }

    /**
     * {@return the Subscriber named {@code name}}
     *
     * @param name the Subscriber's name, such as {@code supplier}
     * @throws IllegalArgumentException when {@code name} is blank, spans lines or holds a tab
     */
    public static Subscriber of(String name) {
        return new Subscriber(name);
    }

    /**
     * {@return the Party this simulation names after {@code role}: the role's slug, such as {@code supplier}}
     *
     * @param role the Party's Remote Party Role
     */
    public static Subscriber ofRole(RemotePartyRole role) {
        return new Subscriber(Objects.requireNonNull(role, "role").slug());
    }

    /**
     * {@return the Subscriber of a Device's certificates in this simulation: the Device, named by its EUI-64}
     *
     * @param device the Device's EUI-64
     */
    public static Subscriber ofDevice(Eui64 device) {
        return new Subscriber(Objects.requireNonNull(device, "device").toString());
    }

    /** Orders by name. */
    @Override
    public int compareTo(Subscriber other) {
        return name.compareTo(other.name);
    }

    /** Returns the name. */
    @Override
    public String toString() {
        return name;
    }
}
