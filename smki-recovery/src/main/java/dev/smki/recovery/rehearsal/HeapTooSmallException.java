package dev.smki.recovery.rehearsal;

import java.util.Objects;

/**
 * Thrown before a rehearsal starts or resumes when its fleet cannot fit in the heap this JVM may use: nothing was
 * recorded or changed. {@link #need()} says how much it needs and {@link HeapNeed#maxHeapOption()} the option that
 * gives it.
 */
public final class HeapTooSmallException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient HeapNeed need;

    HeapTooSmallException(HeapNeed need) {
        super(Objects.requireNonNull(need, "need") + ": give the JVM more heap, such as " + need.maxHeapOption());
        this.need = need;
    }

    /** {@return how much heap the rehearsal needs and how much there is} */
    public HeapNeed need() {
        return need;
    }
}
