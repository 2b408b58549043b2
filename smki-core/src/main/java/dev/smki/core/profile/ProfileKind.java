package dev.smki.core.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** The SMKI certificate profiles the validator knows, one per kind of certificate (certificates.md §2). */
public enum ProfileKind {
    /** The self-signed Root OCA certificate ({@code OU=00}), carrying the WrappedApexContingencyKey. */
    ROOT_OCA("Root OCA"),
    /** An Issuing OCA certificate ({@code OU=07}), issued by the Root OCA. */
    ISSUING_OCA("Issuing OCA"),
    /** The Root DCA certificate: a self-signed CA with a CN-only name. */
    ROOT_DCA("Root DCA"),
    /** An Issuing DCA certificate: a CA with a CN-only name, issued by the Root DCA. */
    ISSUING_DCA("Issuing DCA"),
    /** An Organisation certificate: a Remote Party Role OU and a 64-bit x500UniqueIdentifier. */
    ORGANISATION("Organisation"),
    /** A Device certificate: empty subject and a critical hwModuleName subjectAltName. */
    DEVICE("Device"),
    /** A Device PKCS#10 certificate signing request. */
    DEVICE_CSR("Device CSR");

    private final String displayName;

    ProfileKind(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the name people use, such as {@code Issuing OCA}. */
    public String displayName() {
        return displayName;
    }

    /** Returns a lower-case hyphenated name such as {@code issuing-oca}, used on the command line. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the profile named by {@code text}: its enum name, its slug or its display name, in any case.
     *
     * @throws IllegalArgumentException when {@code text} names no profile
     */
    public static ProfileKind parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (ProfileKind kind : values()) {
            if (kind.name().equalsIgnoreCase(t)
                    || kind.slug().equalsIgnoreCase(t)
                    || kind.displayName.equalsIgnoreCase(t)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown profile '" + text + "' (expected one of "
                + Arrays.stream(values()).map(ProfileKind::slug).toList() + ")");
    }

    /** Returns whether this profile describes a certification authority. */
    public boolean isCertificateAuthority() {
        return this == ROOT_OCA || this == ISSUING_OCA || this == ROOT_DCA || this == ISSUING_DCA;
    }
}
