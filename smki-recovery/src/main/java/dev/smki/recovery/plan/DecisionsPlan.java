package dev.smki.recovery.plan;

import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.RecoveryKeyReplacement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the actors decide.
 *
 * @param mechanism what the SMKI PMA decides at D3; it may depart from the Guidance's advice
 * @param guidance the SMKI PMA's answer to each Recovery Key Guidance factor at D2, by factor id
 * @param confirmationMechanism how the DCC confirms the compromise at N3
 * @param confirmedWith whom or what with
 * @param directionUse the use a Recovery Key Direction names (RKD1), such as replacing a cell on the Devices
 *     still holding a certificate
 * @param directionWindow how long after the direction the DCC may activate and use the key (RKD3, RKD4)
 * @param afterUse whether the Recovery key is reused or replaced after use (RK0, a reconstructed policy)
 * @param afterUseReason why
 * @param authorisingKey which key the SMKI PMA authorises at RK2
 * @param solrEnd what ends a Supplier of Last Resort delay at S6
 */
public record DecisionsPlan(
        RecoveryMechanism mechanism,
        Map<String, Boolean> guidance,
        String confirmationMechanism,
        String confirmedWith,
        String directionUse,
        Duration directionWindow,
        RecoveryKeyReplacement.Outcome afterUse,
        String afterUseReason,
        RecoveryKeyReplacement.AuthorisingKey authorisingKey,
        SolrEndCondition solrEnd) {

    /**
     * Checks the components.
     *
     * @param mechanism what the SMKI PMA decides at D3; it may depart from the Guidance's advice
     * @param guidance the SMKI PMA's answer to each Recovery Key Guidance factor at D2, by factor id
     * @param confirmationMechanism how the DCC confirms the compromise at N3
     * @param confirmedWith whom or what with
     * @param directionUse the use a Recovery Key Direction names (RKD1), such as replacing a cell on the Devices still
     *     holding a certificate
     * @param directionWindow how long after the direction the DCC may activate and use the key (RKD3, RKD4)
     * @param afterUse whether the Recovery key is reused or replaced after use (RK0, a reconstructed policy)
     * @param afterUseReason why
     * @param authorisingKey which key the SMKI PMA authorises at RK2
     * @param solrEnd what ends a Supplier of Last Resort delay at S6
     * @throws NullPointerException when a component is null
     */
    public DecisionsPlan {
        Objects.requireNonNull(mechanism, "mechanism");
        guidance = Collections.unmodifiableMap(new LinkedHashMap<>(guidance));
        Objects.requireNonNull(confirmationMechanism, "confirmationMechanism");
        Objects.requireNonNull(confirmedWith, "confirmedWith");
        Objects.requireNonNull(directionUse, "directionUse");
        Objects.requireNonNull(directionWindow, "directionWindow");
        Objects.requireNonNull(afterUse, "afterUse");
        Objects.requireNonNull(afterUseReason, "afterUseReason");
        Objects.requireNonNull(authorisingKey, "authorisingKey");
        Objects.requireNonNull(solrEnd, "solrEnd");
    }

    /**
     * {@return a copy deciding {@code newMechanism} at D3}
     *
     * @param newMechanism the mechanism decided
     */
    public DecisionsPlan withMechanism(RecoveryMechanism newMechanism) {
        return new DecisionsPlan(
                newMechanism,
                guidance,
                confirmationMechanism,
                confirmedWith,
                directionUse,
                directionWindow,
                afterUse,
                afterUseReason,
                authorisingKey,
                solrEnd);
    }
}
