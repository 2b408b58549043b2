package dev.smki.core.revocation;

import java.util.Objects;

/**
 * The RFC 5280 CRLReason codes (RFC 5280 §5.3.1) a revocation list entry carries. {@link #CERTIFICATE_HOLD}
 * and {@link #REMOVE_FROM_CRL} are listed for completeness but never used: revocation here is final (REV-1).
 */
public enum CrlReason {
    /** {@code unspecified (0)}. */
    UNSPECIFIED(0, "unspecified"),
    /** {@code keyCompromise (1)}. */
    KEY_COMPROMISE(1, "keyCompromise"),
    /** {@code cACompromise (2)}. */
    CA_COMPROMISE(2, "cACompromise"),
    /** {@code affiliationChanged (3)}. */
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    /** {@code superseded (4)}. */
    SUPERSEDED(4, "superseded"),
    /** {@code cessationOfOperation (5)}. */
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    /** {@code certificateHold (6)}: a temporary suspension; never used. */
    CERTIFICATE_HOLD(6, "certificateHold"),
    /** {@code removeFromCRL (8)}: undoes a hold; never used. */
    REMOVE_FROM_CRL(8, "removeFromCRL"),
    /** {@code privilegeWithdrawn (9)}. */
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    /** {@code aACompromise (10)}. */
    AA_COMPROMISE(10, "aACompromise");

    private final int code;
    private final String rfcName;

    CrlReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** {@return the RFC 5280 code, such as 1 for {@link #KEY_COMPROMISE}} */
    public int code() {
        return code;
    }

    /** {@return the RFC 5280 name, such as {@code keyCompromise}} */
    public String rfcName() {
        return rfcName;
    }

    /** {@return whether the code marks a permanent revocation: every code but certificateHold and removeFromCRL} */
    public boolean isPermanent() {
        return this != CERTIFICATE_HOLD && this != REMOVE_FROM_CRL;
    }

    /**
     * {@return the reason with RFC 5280 code {@code code}}
     *
     * @param code the RFC 5280 code
     * @throws IllegalArgumentException when no reason has that code
     */
    public static CrlReason ofCode(int code) {
        for (CrlReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        throw new IllegalArgumentException("No RFC 5280 CRLReason has code " + code);
    }

    /**
     * {@return the reason named by {@code text}: its RFC 5280 name ({@code keyCompromise}), its enum name or its
     * hyphenated form ({@code key-compromise}), in any case}
     *
     * @param text the RFC 5280 name, enum name or slug
     * @throws IllegalArgumentException when {@code text} names no reason
     */
    public static CrlReason parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (CrlReason reason : values()) {
            if (t.equalsIgnoreCase(reason.rfcName)
                    || t.equalsIgnoreCase(reason.name())
                    || t.equalsIgnoreCase(reason.name().replace('_', '-'))) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown RFC 5280 CRLReason '" + text + "'");
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
