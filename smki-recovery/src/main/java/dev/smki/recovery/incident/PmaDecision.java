package dev.smki.recovery.incident;

import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import java.time.Instant;
import java.util.Objects;

/**
 * The SMKI PMA's decision for one incident (step D3): which recovery mechanism, if any, is required. Use of
 * the Recovery or Contingency private key is allowed only where such a decision requires it (SEC L10,
 * verified; invariant REC-1).
 *
 * @param incident the incident decided on
 * @param mechanism what the SMKI PMA requires
 * @param decidedAt when the decision was made
 */
public record PmaDecision(IncidentId incident, RecoveryMechanism mechanism, Instant decidedAt)
        implements KeyUseAuthorisation {

    /**
     * Checks the components.
     *
     * @param incident the incident decided on
     * @param mechanism what the SMKI PMA requires
     * @param decidedAt when the decision was made
     * @throws NullPointerException when a component is null
     */
    public PmaDecision {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /**
     * {@return whether this decision requires {@code key} to be used for {@code incidentId}}
     *
     * @param incidentId the incident
     * @param key the key
     */
    public boolean requires(IncidentId incidentId, CustodyKey key) {
        return incident.equals(incidentId) && mechanism.requires(key);
    }

    @Override
    public String incidentReference() {
        return incident.value();
    }

    @Override
    public boolean authorises(CustodyKey key) {
        return mechanism.requires(key);
    }

    @Override
    public String toString() {
        return "SMKI PMA decision for " + incident + ": " + mechanism + " (" + decidedAt + ")";
    }
}
