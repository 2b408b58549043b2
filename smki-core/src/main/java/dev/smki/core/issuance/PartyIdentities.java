package dev.smki.core.issuance;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The EUI-64 each simulated Party's Organisation Certificates carry in their x500UniqueIdentifier, one per
 * Remote Party Role. By default every role has {@link SimulatedEui64s#party} ({@code 02-53-4D-4B-49-<code>-00-01});
 * {@link #with} overrides one. Immutable.
 */
public final class PartyIdentities {

    /** Every role at its simulated default identifier. */
    public static final PartyIdentities SIMULATED = new PartyIdentities(new EnumMap<>(RemotePartyRole.class));

    private final Map<RemotePartyRole, Eui64> overrides;

    private PartyIdentities(Map<RemotePartyRole, Eui64> overrides) {
        this.overrides = overrides;
    }

    /**
     * {@return the identifier of the Party playing {@code role}}
     *
     * @param role an end-entity Remote Party Role
     */
    public Eui64 of(RemotePartyRole role) {
        Objects.requireNonNull(role, "role");
        return overrides.getOrDefault(role, SimulatedEui64s.party(role));
    }

    /**
     * {@return a copy in which the Party playing {@code role} has identifier {@code eui64}}
     *
     * @param role an end-entity Remote Party Role
     * @param eui64 the Party's EUI-64
     */
    public PartyIdentities with(RemotePartyRole role, Eui64 eui64) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(eui64, "eui64");
        EnumMap<RemotePartyRole, Eui64> copy = new EnumMap<>(RemotePartyRole.class);
        copy.putAll(overrides);
        copy.put(role, eui64);
        return new PartyIdentities(copy);
    }

    /** {@return the identifier of every end-entity role (all but Root and Issuing Authority), in role order} */
    public Map<RemotePartyRole, Eui64> endEntities() {
        EnumMap<RemotePartyRole, Eui64> all = new EnumMap<>(RemotePartyRole.class);
        for (RemotePartyRole role : RemotePartyRole.values()) {
            if (!role.isCertificateAuthority()) {
                all.put(role, of(role));
            }
        }
        return Collections.unmodifiableMap(all);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PartyIdentities other && endEntities().equals(other.endEntities());
    }

    @Override
    public int hashCode() {
        return endEntities().hashCode();
    }

    @Override
    public String toString() {
        return "PartyIdentities" + endEntities();
    }
}
