package dev.smki.recovery.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Guard} may read when deciding an attempt: the attempt and its payload, the time, the run's
 * progress before the attempt, and the run's context.
 *
 * @param <C> the type of the run's context
 *
 * <p>The progress is a live view, valid only while the guard runs.
 */
public final class GuardInput<C> {

    private final Step<C> step;
    private final Attempt attempt;
    private final Instant now;
    private final Progress progress;
    private final C context;

    /**
     * Creates what the guards of {@code step} read when {@code attempt} is decided at {@code now}, with the run's
     * {@code progress} and {@code context} (null for none).
     *
     * @param step the step
     * @param attempt the attempt
     * @param now the time now
     * @param progress where the progress reports of each sending of commands are kept
     * @param context the state outside the run that the guards read
     */
    public GuardInput(Step<C> step, Attempt attempt, Instant now, Progress progress, C context) {
        this.step = Objects.requireNonNull(step, "step");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.now = Objects.requireNonNull(now, "now");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.context = context;
    }

    /** {@return the step attempted} */
    public Step<C> step() {
        return step;
    }

    /** {@return the item the step is attempted for, if it is a per-item step} */
    public Optional<String> item() {
        return attempt.item();
    }

    /** {@return the actor attempting the step} */
    public Actor actor() {
        return attempt.actor();
    }

    /** {@return the attempt's payload} */
    public Payload payload() {
        return attempt.payload();
    }

    /**
     * {@return the payload as a {@code type}, if it is one}
     *
     * @param <T> the type of the value
     * @param type the payload class expected
     */
    public <T extends Payload> Optional<T> payload(Class<T> type) {
        Payload payload = attempt.payload();
        return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }

    /** {@return the time of the attempt, from the run's clock} */
    public Instant now() {
        return now;
    }

    /** {@return what the run has done before this attempt} */
    public Progress progress() {
        return progress;
    }

    /**
     * {@return the run's context: the state outside the run its guards read}
     *
     * @throws IllegalStateException when the run was started without a context
     */
    public C context() {
        if (context == null) {
            throw new IllegalStateException(step.describe() + " has a guard that reads the run's context, and the run"
                    + " was started without one");
        }
        return context;
    }
}
