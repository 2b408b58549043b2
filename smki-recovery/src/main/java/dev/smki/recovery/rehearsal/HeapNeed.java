package dev.smki.recovery.rehearsal;

import dev.smki.recovery.plan.ExercisePlan;
import java.util.Locale;
import java.util.Objects;

/**
 * How much heap a rehearsal of a plan needs, against how much this JVM may use: checked before a rehearsal starts or
 * resumes, so that a fleet too large for the heap is refused at once, saying what to give, rather than ending in an
 * {@link OutOfMemoryError} half way.
 *
 * <p>The estimate is {@value #BASE_BYTES} bytes (the JVM's own classes and the seeded test PKI, custodians and
 * registry, with room for the garbage each command leaves) plus {@value #BYTES_PER_DEVICE} bytes per Device: about
 * twice what a rehearsal keeps alive per Device at its peak, measured by {@code smki bench scale} (the fleet's five
 * bytes, four for the Relevant Device's index, two for the sending's state, four more while a second sending goes to
 * the Devices not written off), so that the collector has room to work.
 *
 * @param devices the Devices in the plan's fleet
 * @param neededBytes the heap the rehearsal needs
 * @param maxHeapBytes the heap this JVM may use ({@link Runtime#maxMemory()})
 */
public record HeapNeed(long devices, long neededBytes, long maxHeapBytes) {

    /** The heap a rehearsal needs whatever its size, in bytes. */
    public static final long BASE_BYTES = 192L << 20;

    /** The heap a rehearsal needs per Device of its fleet, in bytes. */
    public static final long BYTES_PER_DEVICE = 32;

    /**
     * Checks the components.
     *
     * @param devices the Devices in the plan's fleet
     * @param neededBytes the heap the rehearsal needs
     * @param maxHeapBytes the heap this JVM may use ({@link Runtime#maxMemory()})
     * @throws IllegalArgumentException when a figure is negative
     */
    public HeapNeed {
        if (devices < 0 || neededBytes < 0 || maxHeapBytes < 0) {
            throw new IllegalArgumentException("Heap figures are not negative");
        }
    }

    /**
     * {@return what a rehearsal of {@code plan} needs, against this JVM's maximum heap}
     *
     * @param plan the exercise plan
     */
    public static HeapNeed of(ExercisePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return of(plan.fleet().devices(), Runtime.getRuntime().maxMemory());
    }

    /**
     * {@return what a rehearsal of a fleet of {@code devices} needs, against a maximum heap of {@code maxHeapBytes}}
     *
     * @param devices how many Devices
     * @param maxHeapBytes the most heap this JVM may use, in bytes
     */
    public static HeapNeed of(long devices, long maxHeapBytes) {
        return new HeapNeed(devices, BASE_BYTES + BYTES_PER_DEVICE * devices, maxHeapBytes);
    }

    /** {@return whether the rehearsal fits in the heap} */
    public boolean fits() {
        return neededBytes <= maxHeapBytes;
    }

    /**
     * {@return the {@code -Xmx} option that gives the rehearsal the heap it needs, in whole gibibytes: {@code -Xmx2g}}
     */
    public String maxHeapOption() {
        return "-Xmx" + ((neededBytes + (1L << 30) - 1) >> 30) + "g";
    }

    /**
     * Checks that the rehearsal fits in the heap.
     *
     * @throws HeapTooSmallException saying how much it needs, and how much there is, when it does not
     */
    public void requireFits() {
        if (!fits()) {
            throw new HeapTooSmallException(this);
        }
    }

    /** Returns {@code N Devices need about X MiB of heap; this JVM may use Y MiB}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%,d Devices need about %,d MiB of heap; this JVM may use %,d MiB",
                devices,
                (neededBytes + (1L << 20) - 1) >> 20,
                maxHeapBytes >> 20);
    }
}
