package dev.smki.recovery.workflow;

import java.util.Optional;

/**
 * What an actor hands over when attempting a step (its payload), read from the run's context, such as the SMKI PMA's
 * decision or a Key Custodian's share. Defined with the step ({@link Procedure.Builder#offering}); reads the context
 * only.
 *
 * @param <C> the type of the run's context
 */
@FunctionalInterface
public interface Offer<C> {

    /**
     * {@return the payload of an attempt at the step (for {@code item}, when the step is done per item)}
     *
     * @param context the state outside the run that the guards read
     * @param item the item, such as a Device
     */
    Payload payload(C context, Optional<String> item);

    /**
     * {@return the offer of no payload}
     *
     * @param <C> the type of the context the guards read
     */
    static <C> Offer<C> nothing() {
        return (context, item) -> Payload.none();
    }
}
