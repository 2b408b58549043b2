package dev.smki.recovery.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * One request to do a step: the step, the item (for a per-item step), the actor and the payload.
 *
 * <p>{@link #toString()} shows the payload's summary only.
 */
public final class Attempt {

    private static final int MAX_ITEM_LENGTH = 128;

    private final StepId step;
    private final String item;
    private final Actor actor;
    private final Payload payload;

    private Attempt(StepId step, String item, Actor actor, Payload payload) {
        this.step = Objects.requireNonNull(step, "step");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.item = item;
    }

    /**
     * {@return an attempt by {@code actor} at {@code step} with no payload}
     *
     * @param step the step
     * @param actor who attempts the step
     */
    public static Attempt of(StepId step, Actor actor) {
        return new Attempt(step, null, actor, Payload.none());
    }

    /**
     * {@return an attempt by {@code actor} at {@code step} with {@code payload}}
     *
     * @param step the step
     * @param actor who attempts the step
     * @param payload what the actor hands over
     */
    public static Attempt of(StepId step, Actor actor, Payload payload) {
        return new Attempt(step, null, actor, payload);
    }

    /**
     * {@return an attempt by {@code actor} at the per-item {@code step} for {@code item}, such as a Device's
     * EUI-64}
     *
     * @param step the step
     * @param item the item, such as a Device
     * @param actor who attempts the step
     * @param payload what the actor hands over
     * @throws IllegalArgumentException when {@code item} is blank, longer than 128 characters or not one line
     */
    public static Attempt ofItem(StepId step, String item, Actor actor, Payload payload) {
        return new Attempt(step, checkItem(item), actor, payload);
    }

    /**
     * {@return {@code item} when it can name an item: one non-blank line of at most 128 characters}
     *
     * @param item the item, such as a Device
     * @throws IllegalArgumentException when it cannot
     */
    public static String checkItem(String item) {
        Objects.requireNonNull(item, "item");
        if (item.isBlank() || item.length() > MAX_ITEM_LENGTH || item.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "An item is one non-blank line of at most " + MAX_ITEM_LENGTH + " characters; got '" + item + "'");
        }
        return item;
    }

    /** {@return the step attempted} */
    public StepId step() {
        return step;
    }

    /** {@return the item, for an attempt at a per-item step} */
    public Optional<String> item() {
        return Optional.ofNullable(item);
    }

    /** {@return the actor} */
    public Actor actor() {
        return actor;
    }

    /** {@return the payload} */
    public Payload payload() {
        return payload;
    }

    /** Returns {@code ACTOR STEP[item] {summary}}. */
    @Override
    public String toString() {
        return actor + " " + step + (item == null ? "" : "[" + item + "]") + " " + payload.summary();
    }
}
