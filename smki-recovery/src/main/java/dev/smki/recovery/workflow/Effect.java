package dev.smki.recovery.workflow;

/**
 * What an accepted attempt at a step does to the world outside the run, its context: key ceremonies, certificates
 * issued, commands sent. Defined with the step ({@link Procedure.Builder#does}), so a step's definition, guards and
 * effect are found in one place. The engine never calls it; whoever drives the run (such as a rehearsal) applies it
 * once the attempt is accepted and journalled, and again, in the same order, when it replays a journal, so an effect
 * must depend only on the context and the attempt.
 *
 * @param <C> the type of the run's context
 */
@FunctionalInterface
public interface Effect<C> {

    /**
     * Carries out an accepted {@code attempt} on {@code context} and returns a one-line note of what it did.
     *
     * @param context the state outside the run that the guards read
     * @param attempt the attempt
     * @return a one-line note of what it did
     */
    String apply(C context, Attempt attempt);

    /**
     * {@return the effect that does nothing and notes nothing}
     *
     * @param <C> the type of the context the guards read
     */
    static <C> Effect<C> none() {
        return (context, attempt) -> "";
    }
}
