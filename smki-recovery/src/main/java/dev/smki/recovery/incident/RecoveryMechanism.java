package dev.smki.recovery.incident;

import dev.smki.recovery.custody.CustodyKey;
import java.util.Set;

/**
 * What the SMKI PMA decides to use for recovery (decision D3; recovery.md §1.5 and §2.2): no DCC key, the
 * Recovery Private Key by Method 2 or 3, or the Contingency Private Key with the Symmetric Key.
 */
public enum RecoveryMechanism {
    /** No Recovery or Contingency key: the Subscriber replaces its own anchors (Method 1) or nothing is sent. */
    NONE(Set.of()),
    /** The Recovery Private Key puts DCC Access Control Broker certificates into the affected cells (Method 2). */
    RECOVERY_METHOD_2(Set.of(CustodyKey.RECOVERY_PRIVATE_KEY)),
    /** The Recovery Private Key puts the Subscriber's new certificates directly into the cells (Method 3). */
    RECOVERY_METHOD_3(Set.of(CustodyKey.RECOVERY_PRIVATE_KEY)),
    /** The Contingency Private Key, with the Symmetric Key released in the command, replaces the Root. */
    CONTINGENCY(Set.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    private final Set<CustodyKey> keys;

    RecoveryMechanism(Set<CustodyKey> keys) {
        this.keys = keys;
    }

    /** {@return the keys in custody this mechanism needs activated} */
    public Set<CustodyKey> requiredKeys() {
        return keys;
    }

    /**
     * {@return whether this mechanism needs {@code key} activated}
     *
     * @param key the key
     */
    public boolean requires(CustodyKey key) {
        return keys.contains(key);
    }
}
