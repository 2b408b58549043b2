package dev.smki.examples.bench;

/**
 * One side of a benchmark: work done item by item (a certificate, a Device), on as many threads as the
 * benchmark uses.
 */
interface Workload {

    /** Returns a worker for one thread at a time; it may hold state that is not thread-safe. */
    Worker newWorker();

    /** Does the work for one item at a time. */
    @FunctionalInterface
    interface Worker {
        /**
         * Does the work for item {@code item} (items are numbered from 0, never repeated within a side) and
         * returns a measure of its result, such as a certificate's size in bytes or 1 for a command accepted;
         * the benchmark reports its mean, which also keeps the JIT from discarding the work.
         */
        long perform(long item);
    }
}
