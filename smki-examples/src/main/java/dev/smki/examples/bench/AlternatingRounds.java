package dev.smki.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a baseline and a library {@link Workload} in alternating rounds as a {@link RoundPlan} says, and
 * measures each side's throughput. Within a round the items are shared out between the threads as they
 * become free.
 */
final class AlternatingRounds {

    private final RoundPlan plan;

    AlternatingRounds(RoundPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * Warms up, runs the measured rounds and returns what they measured.
     *
     * @throws IllegalStateException when a workload fails, naming the side and the item
     */
    Measurement run(Workload baseline, Workload library) {
        ExecutorService pool = plan.threads() > 1 ? Executors.newFixedThreadPool(plan.threads(), daemons()) : null;
        try {
            Side base = new Side("baseline", baseline, plan.threads(), pool);
            Side lib = new Side("library", library, plan.threads(), pool);
            int batch = plan.batch() > 0 ? plan.batch() : plan.threads();
            long warmUpStart = System.nanoTime();
            double slowest;
            do {
                slowest = Math.max(base.round(batch), lib.round(batch));
                if (plan.batch() == 0 && slowest < plan.autoRound().toNanos() / 1e9 / 4) {
                    batch = Math.multiplyExact(batch, 2);
                }
            } while (System.nanoTime() - warmUpStart < plan.warmUp().toNanos());
            Duration warmUp = Duration.ofNanos(System.nanoTime() - warmUpStart);
            if (plan.batch() == 0) {
                double perItem = slowest / batch;
                batch = (int) Math.max(
                        plan.threads(), Math.min(1 << 24, plan.autoRound().toNanos() / 1e9 / perItem));
            }
            base.reset();
            lib.reset();
            long start = System.nanoTime();
            int pairs = 0;
            while (pairs < plan.maxPairs()
                    && (pairs < plan.minPairs()
                            || System.nanoTime() - start < plan.measurement().toNanos())) {
                if (pairs % 2 == 0) {
                    base.measuredRound(batch);
                    lib.measuredRound(batch);
                } else {
                    lib.measuredRound(batch);
                    base.measuredRound(batch);
                }
                pairs++;
            }
            Duration measured = Duration.ofNanos(System.nanoTime() - start);
            return new Measurement(plan.threads(), batch, pairs, warmUp, measured, base.throughput(), lib.throughput());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ThreadFactory daemons() {
        AtomicLong count = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, "smki-bench-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One side's workers, the next item to give out, and what its measured rounds did. */
    private static final class Side {
        private final String name;
        private final Workload.Worker[] workers;
        private final ExecutorService pool;
        private final List<Double> rates = new ArrayList<>();
        private long nextItem;
        private long items;
        private long resultSum;
        private long lastSum;

        Side(String name, Workload workload, int threads, ExecutorService pool) {
            this.name = name;
            this.pool = pool;
            this.workers = new Workload.Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = workload.newWorker();
            }
        }

        Throughput throughput() {
            return new Throughput(rates, items, resultSum);
        }

        void reset() {
            rates.clear();
            items = 0;
            resultSum = 0;
        }

        void measuredRound(int batch) {
            double seconds = round(batch);
            rates.add(batch / seconds);
            items += batch;
            resultSum += lastSum;
        }

        /** Runs {@code batch} items and returns the seconds it took. */
        double round(int batch) {
            long first = nextItem;
            long end = first + batch;
            nextItem = end;
            long start = System.nanoTime();
            lastSum = pool == null ? runAlone(first, end) : runShared(first, end);
            return Math.max(1, System.nanoTime() - start) / 1e9;
        }

        private long runAlone(long first, long end) {
            long sum = 0;
            for (long item = first; item < end; item++) {
                sum += perform(workers[0], item);
            }
            return sum;
        }

        private long runShared(long first, long end) {
            AtomicLong next = new AtomicLong(first);
            List<Future<Long>> futures = new ArrayList<>(workers.length);
            for (Workload.Worker worker : workers) {
                futures.add(pool.submit(() -> {
                    long sum = 0;
                    for (long item = next.getAndIncrement(); item < end; item = next.getAndIncrement()) {
                        sum += perform(worker, item);
                    }
                    return sum;
                }));
            }
            long sum = 0;
            try {
                for (Future<Long> future : futures) {
                    sum += future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running the " + name, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
            return sum;
        }

        private long perform(Workload.Worker worker, long item) {
            try {
                return worker.perform(item);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The " + name + " failed on item " + item + ": " + e, e);
            }
        }
    }
}
