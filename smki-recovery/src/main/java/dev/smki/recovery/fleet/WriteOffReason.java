package dev.smki.recovery.fleet;

/**
 * Why a Relevant Device was written off in a fleet execution: the reason REC-8 asks for (recovery.md §6.3,
 * "decommissioned / failed with reason").
 */
public enum WriteOffReason {
    /** The Device was found decommissioned; it was sent nothing. */
    DECOMMISSIONED("decommissioned"),
    /** The Device did not answer the last attempt allowed. */
    UNCONTACTABLE("uncontactable"),
    /** The Device answered the last attempt allowed with {@code resourcesBusy} (30). */
    BUSY("busy"),
    /** The Device refused the command under one of its acceptance rules; sending it again would not help. */
    REFUSED("refused");

    private final String slug;

    WriteOffReason(String slug) {
        this.slug = slug;
    }

    /** {@return the reason in lower case, such as {@code uncontactable}} */
    public String slug() {
        return slug;
    }
}
