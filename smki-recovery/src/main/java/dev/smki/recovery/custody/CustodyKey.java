package dev.smki.recovery.custody;

/** The secrets the DCC keeps split among Key Custodians, used only in recovery (recovery.md §1.3, §5). */
public enum CustodyKey {
    /** The Recovery Private Key, which signs commands in mode anyExceptAbnormalRootByRecovery. */
    RECOVERY_PRIVATE_KEY,
    /** The Contingency Private Key, which signs commands in mode anyByContingency. */
    CONTINGENCY_PRIVATE_KEY,
    /** The Contingency Symmetric Key, which Devices use to unwrap the contingency public key. */
    CONTINGENCY_SYMMETRIC_KEY
}
