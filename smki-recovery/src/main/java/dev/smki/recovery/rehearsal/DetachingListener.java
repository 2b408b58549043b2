package dev.smki.recovery.rehearsal;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's listener that cannot end a rehearsal: the first time it throws, the exception is logged and the listener
 * is detached (never called again); the rehearsal goes on. Calls come one at a time.
 */
final class DetachingListener<T> implements Consumer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);

    private final String name;
    private volatile Consumer<? super T> listener;

    private DetachingListener(String name, Consumer<? super T> listener) {
        this.name = name;
        this.listener = listener;
    }

    /** Returns {@code listener}, detached and logged the first time it throws; {@code name} says which listener. */
    static <T> DetachingListener<T> of(String name, Consumer<? super T> listener) {
        return new DetachingListener<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(listener, name));
    }

    /** Returns whether the listener threw and is detached. */
    boolean isDetached() {
        return listener == null;
    }

    @Override
    public void accept(T value) {
        Consumer<? super T> current = listener;
        if (current == null) {
            return;
        }
        try {
            current.accept(value);
        } catch (RuntimeException e) {
            listener = null;
            LOG.warn("The rehearsal's {} threw and is detached; the rehearsal goes on without it", name, e);
        }
    }
}
