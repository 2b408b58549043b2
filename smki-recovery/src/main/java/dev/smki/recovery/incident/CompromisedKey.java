package dev.smki.recovery.incident;

import dev.smki.core.provenance.Confidence;

/**
 * The kinds of Relevant Private Key whose compromise the SMKI Recovery Procedure covers (recovery.md §1.4:
 * the section headings of the DCC's 2015 draft are verified; that these are exactly the Relevant Private
 * Keys is inferred).
 */
public enum CompromisedKey {
    /** A private key whose public key is in an Organisation Certificate held on Devices (not Recovery). */
    ORGANISATION_KEY(RecoveryMechanism.RECOVERY_METHOD_3, Confidence.INFERRED),
    /** The Root OCA private key: recovered with the Contingency Private Key and Symmetric Key. */
    ROOT_OCA_KEY(RecoveryMechanism.CONTINGENCY, Confidence.VERIFIED),
    /**
     * The Contingency Private Key: new contingency material on a new Root OCA, which the Recovery key puts on the
     * Devices in a normal Root replacement.
     */
    CONTINGENCY_KEY(RecoveryMechanism.RECOVERY_METHOD_3, Confidence.RECONSTRUCTED),
    /** The Contingency Symmetric Key, handled together with the Contingency Private Key. */
    CONTINGENCY_SYMMETRIC_KEY(RecoveryMechanism.RECOVERY_METHOD_3, Confidence.RECONSTRUCTED),
    /** The Recovery Private Key (replaced on every Device, most plausibly by contingency). */
    RECOVERY_KEY(RecoveryMechanism.CONTINGENCY, Confidence.RECONSTRUCTED),
    /** The Issuing OCA private key (revoked and re-issued; possibly nothing changes on Devices). */
    ISSUING_OCA_KEY(RecoveryMechanism.NONE, Confidence.RECONSTRUCTED);

    private final RecoveryMechanism usualMechanism;
    private final Confidence confidence;

    CompromisedKey(RecoveryMechanism usualMechanism, Confidence confidence) {
        this.usualMechanism = usualMechanism;
        this.confidence = confidence;
    }

    /**
     * {@return the mechanism recovery.md §1.5 associates with this compromise: the planner's default, which
     * the SMKI PMA's decision may override}
     */
    public RecoveryMechanism usualMechanism() {
        return usualMechanism;
    }

    /** {@return how sure we are of {@link #usualMechanism()}} */
    public Confidence confidence() {
        return confidence;
    }
}
