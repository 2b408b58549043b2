package dev.smki.recovery.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state outside a procedure run that its guards may read, such as the incident and its SMKI PMA
 * decisions; looked up by type.
 *
 * <p>The context holds references, so a mutable object in it (a registry of decisions, the custodians
 * present) is read as it is when a guard runs. Replaying a journal does not consult the context.
 */
public final class RunContext {

    private static final RunContext EMPTY = new RunContext(List.of());

    private final List<Object> values;

    private RunContext(List<Object> values) {
        this.values = values;
    }

    /** Returns the context holding nothing. */
    public static RunContext empty() {
        return EMPTY;
    }

    /**
     * Returns the context holding {@code values}.
     *
     * @throws IllegalArgumentException when two values share a class, so a lookup could not tell them apart
     */
    public static RunContext of(Object... values) {
        List<Object> list = new ArrayList<>();
        for (Object value : values) {
            Objects.requireNonNull(value, "value");
            for (Object earlier : list) {
                if (earlier.getClass() == value.getClass()) {
                    throw new IllegalArgumentException("A run context holds one value per class; two are "
                            + value.getClass().getName());
                }
            }
            list.add(value);
        }
        return new RunContext(List.copyOf(list));
    }

    /**
     * Returns the value of type {@code type}, if the context holds exactly one.
     *
     * @throws IllegalStateException when several values are of that type
     */
    public <T> Optional<T> find(Class<T> type) {
        Objects.requireNonNull(type, "type");
        T found = null;
        for (Object value : values) {
            if (type.isInstance(value)) {
                if (found != null) {
                    throw new IllegalStateException("The run context holds several values of type " + type.getName());
                }
                found = type.cast(value);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Returns the value of type {@code type}.
     *
     * @throws IllegalStateException when the context holds none or several
     */
    public <T> T get(Class<T> type) {
        return find(type)
                .orElseThrow(() -> new IllegalStateException(
                        "The run was started without a " + type.getName() + " in its context"));
    }

    /** Returns the number of values held. */
    public int size() {
        return values.size();
    }

    /** Returns the classes of the values held, never the values themselves (they may hold secrets). */
    @Override
    public String toString() {
        return "RunContext"
                + values.stream().map(v -> v.getClass().getSimpleName()).toList();
    }
}
