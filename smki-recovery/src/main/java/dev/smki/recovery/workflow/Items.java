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

    /** Returns the items, in the order they are done. */
    List<String> of(C context);

    /** Returns the source of no items: the step's items are named by whoever attempts it. */
    static <C> Items<C> named() {
        return context -> List.of();
    }
}
