package dev.smki.recovery.plan;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import java.time.Duration;
import java.util.Objects;

/**
 * An event the rehearsal injects just before the first attempt at step {@code at}.
 *
 * @param kind what happens
 * @param at the step before whose first attempt it happens
 * @param lasting how long an HSM failure lasts
 * @param role whose key a second compromise is of, or whose SoLR event overlaps
 * @param usage the key usage of a second compromise
 */
public record InjectedEvent(EventKind kind, String at, Duration lasting, RemotePartyRole role, CertificateUsage usage) {

    /**
     * Checks the components.
     *
     * @param kind what happens
     * @param at the step before whose first attempt it happens
     * @param lasting how long an HSM failure lasts
     * @param role whose key a second compromise is of, or whose SoLR event overlaps
     * @param usage the key usage of a second compromise
     * @throws NullPointerException when a component is null
     */
    public InjectedEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lasting, "lasting");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(usage, "usage");
    }
}
