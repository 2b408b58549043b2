package dev.smki.core.revocation;

import java.util.Locale;
import java.util.Objects;

/** Who asks for a revocation or a delay, by the capacity in which they ask. */
public enum RequesterKind {
    /** An Authorised Responsible Officer, acting for one Party (the Subscriber); written {@code aro}. */
    AUTHORISED_RESPONSIBLE_OFFICER("aro", "the Subscriber through one of its Authorised Responsible Officers"),
    /** The DCC on its own initiative; written {@code dcc}. */
    DCC("dcc", "the DCC on its own initiative"),
    /** The SMKI Policy Management Authority, by direction; written {@code smki-pma}. */
    SMKI_PMA("smki-pma", "the SMKI PMA by direction"),
    /** One member of the SMKI PMA; written {@code pma-member}. */
    SMKI_PMA_MEMBER("pma-member", "any SMKI PMA Member"),
    /** An SMKI Registration Authority Manager; written {@code ra-manager}. */
    RA_MANAGER("ra-manager", "an SMKI Registration Authority Manager"),
    /** Other SMKI Registration Authority personnel; written {@code ra-personnel}. */
    RA_PERSONNEL("ra-personnel", "any SMKI Registration Authority personnel"),
    /** Anyone else; written {@code other}. */
    OTHER("other", "anyone");

    private final String slug;
    private final String description;

    RequesterKind(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    /** {@return how a rule statement names requesters of this kind, such as {@code the DCC on its own initiative}} */
    public String description() {
        return description;
    }

    /** {@return the short name used in requester text and policy files, such as {@code aro}} */
    public String slug() {
        return slug;
    }

    /** {@return whether a requester of this kind is a named person (everyone but the DCC and the SMKI PMA)} */
    public boolean isPerson() {
        return this != DCC && this != SMKI_PMA;
    }

    /**
     * {@return the kind named by {@code text}: its slug or its enum name, in any case ({@code pma} also names the
     * SMKI PMA)}
     *
     * @param text the slug or enum name
     * @throws IllegalArgumentException when {@code text} names no kind
     */
    public static RequesterKind parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("pma")) {
            return SMKI_PMA;
        }
        for (RequesterKind kind : values()) {
            if (kind.slug.equals(t) || kind.name().toLowerCase(Locale.ROOT).equals(t)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown requester kind '" + text + "' (expected one of "
                + java.util.Arrays.stream(values()).map(RequesterKind::slug).toList() + ")");
    }
}
