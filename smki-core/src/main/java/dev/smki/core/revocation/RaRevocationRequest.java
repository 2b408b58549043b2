package dev.smki.core.revocation;

import java.util.Objects;

/**
 * A request to revoke the credentials of SMKI Registration Authority personnel.
 *
 * @param holder whose credentials
 * @param reason why
 * @param requester who asks
 */
public record RaRevocationRequest(String holder, RevocationReason reason, Requester requester) {

    public RaRevocationRequest {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requester, "requester");
    }

    /** Returns a request by {@code requester} to revoke {@code holder}'s credentials for {@code reason}. */
    public static RaRevocationRequest of(String holder, RevocationReason reason, Requester requester) {
        return new RaRevocationRequest(holder, reason, requester);
    }
}
