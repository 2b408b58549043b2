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

    /**
     * Checks the components.
     *
     * @param holder whose credentials
     * @param reason why
     * @param requester who asks
     * @throws NullPointerException when a component is null
     */
    public RaRevocationRequest {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requester, "requester");
    }

    /**
     * {@return a request by {@code requester} to revoke {@code holder}'s credentials for {@code reason}}
     *
     * @param holder whose credentials
     * @param reason why
     * @param requester who asks
     */
    public static RaRevocationRequest of(String holder, RevocationReason reason, Requester requester) {
        return new RaRevocationRequest(holder, reason, requester);
    }
}
