package dev.smki.core.revocation;

import java.util.Locale;
import java.util.Objects;

/**
 * The status of a certificate in the SMKI Repository, as the SMKI web service reports it with one letter
 * (certificates.md §5; dccboxed-keystore {@code CertificateStatus}). Statuses only move forward, in declaration
 * order, and {@link #REVOKED} is final (REV-1).
 */
public enum CertificateStatus {
    /** Requested, not yet issued or not yet accepted ({@code P}). */
    PENDING('P'),
    /** Issued and in use ({@code I}). */
    IN_USE('I'),
    /** Issued and no longer in use ({@code N}). */
    NOT_IN_USE('N'),
    /** Past its notAfter ({@code E}). */
    EXPIRED('E'),
    /** Revoked; final ({@code R}). */
    REVOKED('R');

    private final char code;

    CertificateStatus(char code) {
        this.code = code;
    }

    /** {@return the one-letter code the SMKI web service uses, such as {@code 'R'}} */
    public char code() {
        return code;
    }

    /** {@return whether no status may follow this one} */
    public boolean isFinal() {
        return this == REVOKED;
    }

    /**
     * {@return whether a certificate with this status may move to {@code next}: only forward, never from REVOKED}
     *
     * @param next the status it would move to
     */
    public boolean mayMoveTo(CertificateStatus next) {
        Objects.requireNonNull(next, "next");
        return next.ordinal() > ordinal();
    }

    /** {@return a lower-case hyphenated name such as {@code not-in-use}} */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the status named by {@code text}: its one-letter code, its enum name or its slug, in any case}
     *
     * @param text the one-letter code, enum name or slug
     * @throws IllegalArgumentException when {@code text} names no status
     */
    public static CertificateStatus parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (CertificateStatus status : values()) {
            if (t.equalsIgnoreCase(String.valueOf(status.code))
                    || t.equalsIgnoreCase(status.name())
                    || t.equalsIgnoreCase(status.slug())) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "Unknown certificate status '" + text + "' (expected P, I, N, E or R, or a status name)");
    }
}
