package dev.smki.core.revocation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials of one member of SMKI Registration Authority personnel, and whether they are revoked.
 *
 * @param holder who holds them
 * @param role their role
 * @param revokedAt when they were revoked, if they were
 * @param reason why they were revoked; present exactly when {@code revokedAt} is
 */
public record RaCredential(String holder, RaRole role, Optional<Instant> revokedAt, Optional<RevocationReason> reason) {

    /**
     * Checks the components.
     *
     * @param holder who holds them
     * @param role their role
     * @param revokedAt when they were revoked, if they were
     * @param reason why they were revoked; present exactly when {@code revokedAt} is
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the holder is blank
     */
    public RaCredential {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
        if (holder.isBlank()) {
            throw new IllegalArgumentException("RA credentials have a named holder");
        }
        if (revokedAt.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException("A revocation of RA credentials has both a time and a reason");
        }
    }

    /**
     * {@return active credentials of {@code holder} in {@code role}}
     *
     * @param holder who holds them
     * @param role their role
     */
    public static RaCredential of(String holder, RaRole role) {
        return new RaCredential(holder, role, Optional.empty(), Optional.empty());
    }

    /** {@return whether the credentials are revoked} */
    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    RaCredential revoked(Instant at, RevocationReason why) {
        return new RaCredential(holder, role, Optional.of(at), Optional.of(why));
    }
}
