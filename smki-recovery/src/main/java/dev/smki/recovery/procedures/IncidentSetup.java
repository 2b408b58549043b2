package dev.smki.recovery.procedures;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.IncidentId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link IncidentState} is made from: the incident, the seed of every key, Device and injected failure,
 * the start of the simulated clock, the fleet, the failures injected into device updates, the Key Custodians and
 * their quorum, and what the actors will decide.
 *
 * @param id the incident's id
 * @param compromised which kind of key is compromised or suspected; empty for an exercise
 * @param role the Remote Party Role whose key it is
 * @param usage the key usage of the compromised Organisation Certificate
 * @param credentials every Organisation Certificate compromised together (a multi-cell compromise); empty for the one
 *     of role and usage
 * @param seed the seed
 * @param start when the simulated clock starts
 * @param devices how many Devices the fleet has, at least 1
 * @param mix the share of each Device type, in thousandths; ESME takes what the others leave
 * @param commissionedShare the share of Devices commissioned, 0 to 1
 * @param uncontactableShare the share of Relevant Devices that never answer, 0 to 1
 * @param busyShare the chance that one attempt finds a Device busy, 0 to 0.95
 * @param retries how many times a failed update is retried before the Device is written off
 * @param quorum the custody quorum M of N
 * @param custodians the N Key Custodians, each with their Party
 * @param choices what the actors decide when they act
 */
public record IncidentSetup(
        IncidentId id,
        Optional<CompromisedKey> compromised,
        RemotePartyRole role,
        CertificateUsage usage,
        List<OrganisationCredential> credentials,
        long seed,
        Instant start,
        int devices,
        Map<DeviceType, Integer> mix,
        double commissionedShare,
        double uncontactableShare,
        double busyShare,
        int retries,
        Quorum quorum,
        List<Custodian> custodians,
        ActorChoices choices) {

    /**
     * Checks the components.
     *
     * @param id the incident's id
     * @param compromised which kind of key is compromised or suspected; empty for an exercise
     * @param role the Remote Party Role whose key it is
     * @param usage the key usage of the compromised Organisation Certificate
     * @param credentials every Organisation Certificate compromised together (a multi-cell compromise); empty for the
     *     one of role and usage
     * @param seed the seed
     * @param start when the simulated clock starts
     * @param devices how many Devices the fleet has, at least 1
     * @param mix the share of each Device type, in thousandths; ESME takes what the others leave
     * @param commissionedShare the share of Devices commissioned, 0 to 1
     * @param uncontactableShare the share of Relevant Devices that never answer, 0 to 1
     * @param busyShare the chance that one attempt finds a Device busy, 0 to 0.95
     * @param retries how many times a failed update is retried before the Device is written off
     * @param quorum the custody quorum M of N
     * @param custodians the N Key Custodians, each with their Party
     * @param choices what the actors decide when they act
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when there is no Device, or the custodians are not as many as the quorum's
     *     N (the message says which)
     */
    public IncidentSetup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(compromised, "compromised");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(usage, "usage");
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(start, "start");
        mix = Collections.unmodifiableMap(new EnumMap<>(mix.isEmpty() ? Map.of(DeviceType.ESME, 1000) : mix));
        Objects.requireNonNull(quorum, "quorum");
        custodians = List.copyOf(custodians);
        Objects.requireNonNull(choices, "choices");
        if (devices < 1) {
            throw new IllegalArgumentException("An incident needs at least one Device, not " + devices);
        }
        if (custodians.size() != quorum.n()) {
            throw new IllegalArgumentException("The quorum " + quorum + " needs " + quorum.n() + " custodians; "
                    + custodians.size() + " are named");
        }
    }

    /**
     * A Key Custodian on the roster.
     *
     * @param id the custodian's id, such as {@code KC-01}
     * @param party the SEC Party that employs them
     */
    public record Custodian(CustodianId id, String party) {

        /**
         * Checks the components.
         *
         * @param id the custodian's id, such as {@code KC-01}
         * @param party the SEC Party that employs them
         * @throws NullPointerException when a component is null
         */
        public Custodian {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(party, "party");
        }
    }
}
