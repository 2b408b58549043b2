package dev.smki.recovery.procedures;

import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.incident.RecoveryMechanism;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the actors of an incident decide when they act: how the DCC confirms the compromise (N3), how the SMKI PMA
 * answers the Recovery Key Guidance (D2) and what it decides (D3), which may depart from the Guidance's advice, what
 * the SMKI PMA's Recovery Key Direction says (RKD1), whether the Recovery key is reused or replaced after use (RK0,
 * RK2), what ends a SoLR delay (S6), which custodians present a share that is not
 * theirs, and whether an exercise runs live on test Devices or with a test key. An exercise plan says them; the
 * steps' offers read them.
 *
 * @param confirmationMechanism the permitted mechanism the DCC confirms with (N3)
 * @param confirmedWith whom or what the DCC confirms with (N3)
 * @param guidanceAnswers the SMKI PMA's answer to each Guidance factor (D2), by factor id
 * @param mechanism what the SMKI PMA decides (D3)
 * @param directionUse the use the SMKI PMA's Recovery Key Direction names (RKD1)
 * @param directionWindow how long after the direction the DCC may activate and use the Recovery key (RKD3, RKD4)
 * @param afterUse whether the Recovery key is reused or replaced after use (RK0, a reconstructed policy)
 * @param afterUseReason why, one line
 * @param authorisingKey which key the SMKI PMA authorises to sign the Recovery cell change (RK2)
 * @param solrEnd what ends a Supplier of Last Resort delay (S6)
 * @param wrongShares the attendances (per-item step items, such as {@code KC-02} or {@code KC-02@2}) at which the
 *     custodian presents a share that is not theirs
 * @param mode whether an exercise runs live (on test Devices) or with a test key only
 */
public record ActorChoices(
        String confirmationMechanism,
        String confirmedWith,
        Map<String, Boolean> guidanceAnswers,
        RecoveryMechanism mechanism,
        String directionUse,
        Duration directionWindow,
        RecoveryKeyReplacement.Outcome afterUse,
        String afterUseReason,
        RecoveryKeyReplacement.AuthorisingKey authorisingKey,
        SolrEndCondition solrEnd,
        Set<String> wrongShares,
        ExerciseMode mode) {

    /**
     * Checks the components.
     *
     * @param confirmationMechanism the permitted mechanism the DCC confirms with (N3)
     * @param confirmedWith whom or what the DCC confirms with (N3)
     * @param guidanceAnswers the SMKI PMA's answer to each Guidance factor (D2), by factor id
     * @param mechanism what the SMKI PMA decides (D3)
     * @param directionUse the use the SMKI PMA's Recovery Key Direction names (RKD1)
     * @param directionWindow how long after the direction the DCC may activate and use the Recovery key (RKD3, RKD4)
     * @param afterUse whether the Recovery key is reused or replaced after use (RK0, a reconstructed policy)
     * @param afterUseReason why, one line
     * @param authorisingKey which key the SMKI PMA authorises to sign the Recovery cell change (RK2)
     * @param solrEnd what ends a Supplier of Last Resort delay (S6)
     * @param wrongShares the attendances (per-item step items, such as {@code KC-02} or {@code KC-02@2}) at which the
     *     custodian presents a share that is not theirs
     * @param mode whether an exercise runs live (on test Devices) or with a test key only
     * @throws NullPointerException when a component is null
     */
    public ActorChoices {
        Objects.requireNonNull(confirmationMechanism, "confirmationMechanism");
        Objects.requireNonNull(confirmedWith, "confirmedWith");
        guidanceAnswers = Collections.unmodifiableMap(new LinkedHashMap<>(guidanceAnswers));
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(directionUse, "directionUse");
        Objects.requireNonNull(directionWindow, "directionWindow");
        Objects.requireNonNull(afterUse, "afterUse");
        Objects.requireNonNull(afterUseReason, "afterUseReason");
        Objects.requireNonNull(authorisingKey, "authorisingKey");
        Objects.requireNonNull(solrEnd, "solrEnd");
        wrongShares = Set.copyOf(wrongShares);
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether an exercise runs in the live environment on test Devices, or with a test key only. */
    public enum ExerciseMode {
        /** In the live environment, as in June 2019 (seed 002 §3.6): the exercised key signs commands to test Devices. */
        LIVE,
        /** In a test environment: the key is activated and proved by signing, and no Device is sent anything. */
        TEST
    }
}
