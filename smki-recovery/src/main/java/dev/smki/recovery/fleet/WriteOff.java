package dev.smki.recovery.fleet;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.Device;
import java.util.Objects;
import java.util.Optional;

/**
 * A Relevant Device a fleet execution gave up on, with the reason (REC-8).
 *
 * @param device the Device
 * @param reason why it was written off
 * @param attempts how many attempts were made, from 1
 * @param refusedBy the Device's rule that refused the command; present exactly when the reason is {@link
 *     WriteOffReason#REFUSED}
 */
public record WriteOff(Device device, WriteOffReason reason, int attempts, Optional<AcceptanceRule> refusedBy) {

    /**
     * Checks the components.
     *
     * @param device the Device
     * @param reason why it was written off
     * @param attempts how many attempts were made, from 1
     * @param refusedBy the Device's rule that refused the command; present exactly when the reason is {@link
     *     WriteOffReason#REFUSED}
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when there was no attempt, or a refusing rule is named when the reason
     *     is not a refusal (or not named when it is)
     */
    public WriteOff {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refusedBy, "refusedBy");
        if (attempts < 1) {
            throw new IllegalArgumentException("A written-off Device had at least one attempt, not " + attempts);
        }
        if (refusedBy.isPresent() != (reason == WriteOffReason.REFUSED)) {
            throw new IllegalArgumentException("A write-off names a refusing rule exactly when it was refused");
        }
    }

    /**
     * {@return the reason in words, such as {@code uncontactable after 4 attempts} or {@code refused by DEV-5
     * (noTrustAnchor)}}
     */
    public String describe() {
        return switch (reason) {
            case DECOMMISSIONED -> "decommissioned";
            case UNCONTACTABLE, BUSY ->
                reason.slug() + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
            case REFUSED -> {
                AcceptanceRule rule = refusedBy.orElseThrow();
                yield "refused by " + rule.id() + " (" + rule.refusal().gbcsName() + ")";
            }
        };
    }

    /** Returns {@code DEVICE: reason}. */
    @Override
    public String toString() {
        return device + ": " + describe();
    }
}
