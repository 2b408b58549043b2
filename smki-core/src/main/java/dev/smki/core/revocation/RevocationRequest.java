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

    public RevocationRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requester, "requester");
    }

    /** Returns a request by {@code requester} to revoke certificate {@code serial} for {@code reason}. */
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
