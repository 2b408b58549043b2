package dev.smki.recovery.plan;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.recovery.incident.CompromisedKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which key is compromised or suspected.
 *
 * @param compromised the kind of key; empty for an exercise with no compromise
 * @param role the Remote Party Role whose key it is
 * @param usage the key usage of its certificate
 * @param credentials every Organisation Certificate compromised together, for a multi-cell compromise (such as
 *     {@code supplier-ds}, {@code supplier-ka}, {@code supplier-ka-topup}); empty for the one of role and usage
 */
public record IncidentPlan(
        Optional<CompromisedKey> compromised,
        RemotePartyRole role,
        CertificateUsage usage,
        List<OrganisationCredential> credentials) {

    /**
     * Checks the components.
     *
     * @param compromised the kind of key; empty for an exercise with no compromise
     * @param role the Remote Party Role whose key it is
     * @param usage the key usage of its certificate
     * @param credentials every Organisation Certificate compromised together, for a multi-cell compromise (such as
     *     {@code supplier-ds}, {@code supplier-ka}, {@code supplier-ka-topup}); empty for the one of role and usage
     * @throws NullPointerException when a component is null
     */
    public IncidentPlan {
        Objects.requireNonNull(compromised, "compromised");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(usage, "usage");
        credentials = List.copyOf(credentials);
    }
}
