package dev.smki.core.device;

/**
 * The GBCS StatusCode a Device reports for an Update Security Credentials command and for each replacement
 * (recovery.md §1.6; gbcs-parser's StatusCode ENUMERATED). Which refusal gives which code is a choice of this
 * simulation, stated with each {@link AcceptanceRule}.
 */
public enum StatusCode {
    /** {@code success} (0): the command was executed. */
    SUCCESS(0, "success"),
    /** {@code badCertificate} (5): a replacement certificate is unusable (key usage, profile, path, validity). */
    BAD_CERTIFICATE(5, "badCertificate"),
    /** {@code noTrustAnchor} (10): the Device holds no trust anchor that could authorise the command. */
    NO_TRUST_ANCHOR(10, "noTrustAnchor"),
    /** {@code insufficientMemory} (17): the command carries more certificates than the Device can hold. */
    INSUFFICIENT_MEMORY(17, "insufficientMemory"),
    /** {@code trustAnchorNotFound} (25): a targeted trust-anchor cell does not exist on the Device. */
    TRUST_ANCHOR_NOT_FOUND(25, "trustAnchorNotFound"),
    /** {@code resourcesBusy} (30): never produced by the simulation, where no Device is ever busy. */
    RESOURCES_BUSY(30, "resourcesBusy"),
    /** {@code other} (127): any other refusal (malformed, mis-addressed, not authentic, replayed, out of scope). */
    OTHER(127, "other");

    private final int code;
    private final String gbcsName;

    StatusCode(int code, String gbcsName) {
        this.code = code;
        this.gbcsName = gbcsName;
    }

    /** {@return the GBCS enumeration value, such as 5 for {@link #BAD_CERTIFICATE}} */
    public int code() {
        return code;
    }

    /** {@return the GBCS ASN.1 name, such as {@code badCertificate}} */
    public String gbcsName() {
        return gbcsName;
    }

    /**
     * {@return the status with GBCS value {@code code}}
     *
     * @param code the GBCS value
     * @throws IllegalArgumentException when no status has that value
     */
    public static StatusCode ofCode(int code) {
        for (StatusCode status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No GBCS StatusCode has value " + code);
    }
}
