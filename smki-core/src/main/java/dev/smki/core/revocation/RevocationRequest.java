package dev.smki.core.revocation;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A request to revoke one certificate: which, why, and who asks.
 *
 * @param serial the serial number of the certificate
 * @param reason why
 * @param requester who asks
 */
public record RevocationRequest(BigInteger serial, RevocationReason reason, Requester requester) {

    /**
     * Checks the components.
     *
     * @param serial the serial number of the certificate
     * @param reason why
     * @param requester who asks
     * @throws NullPointerException when a component is null
     */
    public RevocationRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requester, "requester");
    }

    /**
     * {@return a request by {@code requester} to revoke certificate {@code serial} for {@code reason}}
     *
     * @param serial the serial number of the certificate
     * @param reason why
     * @param requester who asks
     */
    public static RevocationRequest of(BigInteger serial, RevocationReason reason, Requester requester) {
        return new RevocationRequest(serial, reason, requester);
    }

    /** Returns {@code revoke SERIAL (reason) requested by REQUESTER}. */
    @Override
    public String toString() {
        return "revoke " + RegisteredCertificate.serialHex(serial) + " (" + reason.slug() + ") requested by "
                + requester;
    }
}
