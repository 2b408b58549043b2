package dev.smki.recovery.workflow;

import java.util.List;

/**
 * The items a per-item step is done for, read from the run's context, such as the certificates on a CSR schedule.
 * Defined with the step ({@link Procedure.Builder#perItem(Items)}).
 *
 * @param <C> the type of the run's context
 */
@FunctionalInterface
public interface Items<C> {

    /**
     * {@return the items, in the order they are done}
     *
     * @param context the state outside the run that the guards read
     */
    List<String> of(C context);

    /**
     * {@return the source of no items: the step's items are named by whoever attempts it}
     *
     * @param <C> the type of the context the guards read
     */
    static <C> Items<C> named() {
        return context -> List.of();
    }
}
