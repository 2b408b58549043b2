package dev.smki.core.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * The one purpose an SMKI end-entity key serves: every Organisation and Device Certificate asserts exactly
 * one of these (certificates.md §7, CERT-29 and CERT-43).
 */
public enum CertificateUsage {
    /** Digital signature, DER {@code 03 02 07 80}; written {@code ds}. */
    DIGITAL_SIGNATURE("ds"),
    /** Key agreement, DER {@code 03 02 03 08}; written {@code ka}. */
    KEY_AGREEMENT("ka");

    private final String abbreviation;

    CertificateUsage(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /** {@return the short lower-case form, {@code ds} or {@code ka}} */
    public String abbreviation() {
        return abbreviation;
    }

    /**
     * {@return the key usage named by {@code text}: {@code ds}, {@code ka} or the enum name, in any case}
     *
     * @param text the text to read
     * @throws IllegalArgumentException when {@code text} names no key usage
     */
    public static CertificateUsage parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (CertificateUsage usage : values()) {
            if (usage.abbreviation.equals(t)
                    || usage.name().toLowerCase(Locale.ROOT).equals(t)) {
                return usage;
            }
        }
        throw new IllegalArgumentException("Unknown key usage '" + text + "' (expected ds or ka)");
    }
}
