package dev.smki.core.revocation;

import dev.smki.core.identity.RemotePartyRole;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone asking for a revocation or a delay: their capacity, their name, and for an Authorised Responsible
 * Officer the Party (the {@link Subscriber}) they act for. The text form, which {@link #parse} reads and {@link
 * #toString} writes:
 *
 * <pre>
 * aro:PARTY            an ARO of PARTY (named "ARO of PARTY")
 * aro:NAME@PARTY       the ARO NAME of PARTY
 * dcc                  the DCC on its own initiative
 * smki-pma             the SMKI PMA by direction (also: pma)
 * pma-member:NAME      an SMKI PMA Member
 * ra-manager:NAME      an SMKI Registration Authority Manager
 * ra-personnel:NAME    other SMKI Registration Authority personnel
 * other:NAME           anyone else
 * </pre>
 *
 * @param kind the capacity in which they ask
 * @param name who they are
 * @param party the Party an ARO acts for; present exactly for an ARO
 */
public record Requester(RequesterKind kind, String name, Optional<Subscriber> party) {

    /**
     * Checks the components.
     *
     * @param kind the capacity in which they ask
     * @param name who they are
     * @param party the Party an ARO acts for; present exactly for an ARO
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the name is blank or spans lines, the DCC or SMKI PMA is named
     *     otherwise, a party is given for anyone but an ARO (or none for an ARO), or an ARO's Party has an {@code @}
     *     or surrounding spaces
     */
    public Requester {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        if (name.isBlank() || !name.equals(name.strip()) || name.contains("\n")) {
            throw new IllegalArgumentException(
                    "A requester has a one-line name without surrounding spaces, got '" + name + "'");
        }
        if (kind == RequesterKind.DCC && !name.equals("DCC")
                || kind == RequesterKind.SMKI_PMA && !name.equals("SMKI PMA")) {
            throw new IllegalArgumentException("The " + kind.slug() + " requester is named "
                    + (kind == RequesterKind.DCC ? "DCC" : "SMKI PMA") + ", not '" + name + "'");
        }
        if ((kind == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER) != party.isPresent()) {
            throw new IllegalArgumentException("An ARO, and only an ARO, acts for a Party; got " + kind.slug()
                    + party.map(p -> " for " + p).orElse(""));
        }
        if (party.map(Subscriber::name)
                .filter(p -> !p.equals(p.strip()) || p.contains("@"))
                .isPresent()) {
            throw new IllegalArgumentException(
                    "An ARO acts for a named Party (no '@', no surrounding spaces), got '" + party.get() + "'");
        }
    }

    /**
     * {@return the ARO {@code name} acting for {@code party}}
     *
     * @param name who they are
     * @param party the Party an ARO acts for; present exactly for an ARO
     */
    public static Requester aro(String name, Subscriber party) {
        return new Requester(
                RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER,
                name,
                Optional.of(Objects.requireNonNull(party, "party")));
    }

    /**
     * {@return the ARO {@code name} acting for the Party named {@code party}}
     *
     * @param name who they are
     * @param party the Party an ARO acts for; present exactly for an ARO
     */
    public static Requester aro(String name, String party) {
        return aro(name, Subscriber.of(party));
    }

    /**
     * {@return an unnamed ARO acting for {@code party}, named {@code ARO of PARTY}}
     *
     * @param party the Party an ARO acts for; present exactly for an ARO
     */
    public static Requester aroOf(Subscriber party) {
        return aro("ARO of " + party.name(), party);
    }

    /**
     * {@return an unnamed ARO acting for the Party named {@code party}}
     *
     * @param party the Party an ARO acts for; present exactly for an ARO
     */
    public static Requester aroOf(String party) {
        return aroOf(Subscriber.of(party));
    }

    /**
     * {@return an unnamed ARO acting for the Party this simulation names after {@code role} ({@link
     * Subscriber#ofRole}), such as {@code aro:supplier}}
     *
     * @param role the Remote Party Role of the Party
     */
    public static Requester aroOf(RemotePartyRole role) {
        return aroOf(Subscriber.ofRole(role));
    }

    /** {@return the DCC, acting on its own initiative} */
    public static Requester dcc() {
        return new Requester(RequesterKind.DCC, "DCC", Optional.empty());
    }

    /** {@return the SMKI PMA, acting by direction} */
    public static Requester smkiPma() {
        return new Requester(RequesterKind.SMKI_PMA, "SMKI PMA", Optional.empty());
    }

    /**
     * {@return the person {@code name} asking in capacity {@code kind} (not an ARO, the DCC or the SMKI PMA)}
     *
     * @param kind the capacity in which they ask
     * @param name who they are
     */
    public static Requester of(RequesterKind kind, String name) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isPerson() || kind == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER) {
            throw new IllegalArgumentException("Use dcc(), smkiPma() or aro() for " + kind.slug());
        }
        return new Requester(kind, name, Optional.empty());
    }

    /**
     * Reads the text form described above.
     *
     * @param text the text form
     * @return the requester it names
     * @throws IllegalArgumentException naming the text when it is not a requester
     */
    public static Requester parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        int colon = t.indexOf(':');
        RequesterKind kind;
        try {
            kind = RequesterKind.parse(colon < 0 ? t : t.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a requester '" + text + "': " + e.getMessage(), e);
        }
        String rest = colon < 0 ? "" : t.substring(colon + 1).trim();
        switch (kind) {
            case DCC, SMKI_PMA -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException(
                            "Not a requester '" + text + "': " + kind.slug() + " takes no name");
                }
                return kind == RequesterKind.DCC ? dcc() : smkiPma();
            }
            case AUTHORISED_RESPONSIBLE_OFFICER -> {
                int at = rest.lastIndexOf('@');
                String party = at < 0 ? rest : rest.substring(at + 1).trim();
                if (party.isEmpty()) {
                    throw new IllegalArgumentException(
                            "Not a requester '" + text + "': an ARO is written aro:PARTY or aro:NAME@PARTY");
                }
                return at < 0 ? aroOf(party) : aro(rest.substring(0, at).trim(), party);
            }
            default -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(
                            "Not a requester '" + text + "': write " + kind.slug() + ":NAME");
                }
                return of(kind, rest);
            }
        }
    }

    /**
     * {@return whether this is an ARO acting for {@code subscriber}}
     *
     * @param subscriber the Subscriber
     */
    public boolean actsFor(Subscriber subscriber) {
        return party.filter(p -> p.equals(subscriber)).isPresent();
    }

    /** Returns the text form that {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (kind) {
            case DCC, SMKI_PMA -> kind.slug();
            case AUTHORISED_RESPONSIBLE_OFFICER ->
                name.equals("ARO of " + party.orElseThrow())
                        ? "aro:" + party.orElseThrow()
                        : "aro:" + name + "@" + party.orElseThrow();
            default -> kind.slug() + ":" + name;
        };
    }
}
