package dev.smki.recovery.fleet;

import dev.smki.core.device.AcceptanceRule;

/**
 * Where a Device stands in a fleet execution, in one byte per Device (no object is kept per Device): pending, updated,
 * to be retried (uncontactable or busy), or written off (uncontactable, busy, decommissioned, or refused by a rule).
 */
final class DeviceStates {

    static final byte PENDING = 0;
    static final byte UPDATED = 1;
    static final byte RETRY_UNCONTACTABLE = 2;
    static final byte RETRY_BUSY = 3;
    static final byte UNCONTACTABLE = 4;
    static final byte BUSY = 5;
    static final byte DECOMMISSIONED = 6;
    /** A refusal's state is this plus the index of the refusing rule in {@link AcceptanceRule#ALL}. */
    static final byte REFUSED = 16;

    private DeviceStates() {}

    /** Returns whether {@code state} is a Device written off: given up on, for good. */
    static boolean isWrittenOff(byte state) {
        return state == UNCONTACTABLE || state == BUSY || state == DECOMMISSIONED || state >= REFUSED;
    }

    /** Returns whether {@code state} is a Device to be retried at the next attempt. */
    static boolean isRetry(byte state) {
        return state == RETRY_UNCONTACTABLE || state == RETRY_BUSY;
    }
}
