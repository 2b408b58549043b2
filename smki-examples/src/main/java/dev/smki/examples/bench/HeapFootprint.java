package dev.smki.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * The heap a structure of many items holds, measured as the difference of the heap in use after garbage
 * collection before and after building it while it is held strongly.
 *
 * <p>"Heap in use after garbage collection" is {@link MemoryMXBean#getHeapMemoryUsage()} after
 * {@link #GC_PASSES} calls of {@link System#gc()}, each followed by a short pause, repeated until two readings
 * agree within 1 %. It is an estimate: it includes whatever else the JVM allocated and kept meanwhile.
 *
 * @param items the number of items built
 * @param heapBefore the heap in use after GC before building, in bytes
 * @param heapAfter the heap in use after GC with the structure held, in bytes
 */
public record HeapFootprint(long items, long heapBefore, long heapAfter) {

    /** The calls of {@link System#gc()} per reading. */
    static final int GC_PASSES = 4;

    /** Returns the heap per item, in bytes. */
    public double bytesPerItem() {
        return items == 0 ? 0 : (double) (heapAfter - heapBefore) / items;
    }

    /**
     * Builds {@code items} items with {@code build}, holds the result, and returns its footprint together with
     * the result.
     */
    static <T> Held<T> measure(long items, Supplier<T> build) {
        long before = heapInUseAfterGc();
        T value = build.get();
        long after = heapInUseAfterGc();
        Reference.reachabilityFence(value);
        return new Held<>(new HeapFootprint(items, before, after), value);
    }

    /** A footprint and the structure it measured. */
    record Held<T>(HeapFootprint footprint, T value) {}

    /** Returns the heap in use after garbage collection, in bytes. */
    static long heapInUseAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        for (int attempt = 0; attempt < 5; attempt++) {
            for (int i = 0; i < GC_PASSES; i++) {
                System.gc();
                pause();
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) <= previous / 100) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
