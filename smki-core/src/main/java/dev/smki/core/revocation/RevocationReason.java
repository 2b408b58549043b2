package dev.smki.core.revocation;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a certificate or an SMKI Registration Authority credential is revoked, in SMKI terms (REV-6). The list is
 * reconstructed (recovery.md §3.2: the Appendix D §8 text was not read); which RFC 5280 code each publishes as
 * is data in {@link RevocationPolicy}.
 */
public enum RevocationReason {
    /** The private key is known or suspected to be compromised. */
    KEY_COMPROMISE(true),
    /** The certificate carries wrong data. */
    INCORRECT_DATA(true),
    /** The Subscriber is no longer eligible: it left the SEC or lost the User Role. */
    NO_LONGER_ELIGIBLE(true),
    /** The Subscriber no longer needs the certificate. */
    NO_LONGER_NEEDED(true),
    /** The certificate has been replaced, for example after a recovery. */
    SUPERSEDED(true),
    /** The holder of RA personnel credentials left the role. */
    PERSONNEL_LEFT(false),
    /** The holder of RA personnel credentials failed security screening (BS 7858, MP127). */
    SCREENING_FAILED(false);

    private final boolean forCertificates;

    RevocationReason(boolean forCertificates) {
        this.forCertificates = forCertificates;
    }

    /** {@return whether a certificate may be revoked for this reason; the others apply to RA credentials only} */
    public boolean appliesToCertificates() {
        return forCertificates;
    }

    /** {@return a lower-case hyphenated name such as {@code key-compromise}, used on the command line} */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the reason named by {@code text}: its slug ({@code key-compromise}) or enum name, in any case}
     *
     * @param text the slug or enum name
     * @throws IllegalArgumentException when {@code text} names no reason
     */
    public static RevocationReason parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (RevocationReason reason : values()) {
            if (t.equalsIgnoreCase(reason.slug()) || t.equalsIgnoreCase(reason.name())) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown revocation reason '" + text + "' (expected one of "
                + java.util.Arrays.stream(values()).map(RevocationReason::slug).toList() + ")");
    }
}
