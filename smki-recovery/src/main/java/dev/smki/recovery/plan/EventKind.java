package dev.smki.recovery.plan;

import java.util.Locale;

/** The events a plan can inject. */
public enum EventKind {
    /** The HSM fails every key activation for a while (CUS-5); the activation is tried again when it ends. */
    HSM_ACTIVATION_FAILURE,
    /** Another key is found compromised during the recovery; it needs an incident of its own. */
    SECOND_COMPROMISE,
    /** A Supplier of Last Resort event opens, its revocations delayed by the SMKI PMA (Section L16). */
    SOLR_OVERLAP;

    /** {@return the name in a plan: {@code hsm-activation-failure}, ..} */
    public String planName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
