package dev.smki.core.revocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When and why a certificate was revoked, and the RFC 5280 code its list entry carries.
 *
 * @param revokedAt the revocation date, to the second (as a list entry holds it)
 * @param reason the SMKI reason
 * @param crlReason the code published on the CRL or ARL
 */
public record Revocation(Instant revokedAt, RevocationReason reason, CrlReason crlReason) {

    /**
     * Checks the components.
     *
     * @param revokedAt the revocation date, to the second (as a list entry holds it)
     * @param reason the SMKI reason
     * @param crlReason the code published on the CRL or ARL
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code crlReason} is not permanent (REV-1)
     */
    public Revocation {
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(crlReason, "crlReason");
        revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        if (!crlReason.isPermanent()) {
            throw new IllegalArgumentException("A revocation is permanent; " + crlReason + " is not (REV-1)");
        }
    }
}
