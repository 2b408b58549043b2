package dev.smki.examples.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
            int batch = plan.batch() > 0 ? plan.batch() : Math.min(plan.threads(), plan.maxBatch());
            long warmUpStart = System.nanoTime();
            JitWatch jit = new JitWatch();
            double secondsPerItem;
            long elapsed;
            do {
                double slowest = Math.max(base.round(batch), lib.round(batch));
                secondsPerItem = slowest / batch;
                if (plan.batch() == 0 && slowest < plan.autoRound().toNanos() / 1e9 / 4) {
                    batch = (int) Math.min(2L * batch, plan.maxBatch());
                }
                elapsed = System.nanoTime() - warmUpStart;
            } while (elapsed < plan.maxWarmUp().toNanos()
                    && (elapsed < plan.minWarmUp().toNanos() || !jit.quietFor(RoundPlan.JIT_QUIET)));
            Duration warmUp = Duration.ofNanos(elapsed);
            boolean jitQuiet = jit.quietFor(RoundPlan.JIT_QUIET);
            if (plan.batch() == 0) {
                double fits = plan.autoRound().toNanos() / 1e9 / secondsPerItem;
                batch = (int) Math.min(plan.maxBatch(), Math.max(plan.threads(), Math.min(1 << 24, fits)));
            }
            Duration measuring = plan.measuring(warmUp);
            base.reset();
            lib.reset();
            long start = System.nanoTime();
            int pairs = 0;
            while (pairs < plan.maxPairs()
                    && (pairs < plan.minPairs() || System.nanoTime() - start < measuring.toNanos())) {
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
            return new Measurement(
                    plan.threads(), batch, pairs, warmUp, jitQuiet, measured, base.throughput(), lib.throughput());
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

    /** Watches the JIT compiler's total compilation time, to tell when it has stopped compiling. */
    private static final class JitWatch {
        private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        private final boolean supported = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        private long lastTotal = -1;
        private long lastChange = System.nanoTime();

        /** Returns whether the compilation time has not grown for {@code quiet}; false when it cannot be told. */
        boolean quietFor(Duration quiet) {
            if (!supported) {
                return false;
            }
            long total = compiler.getTotalCompilationTime();
            long now = System.nanoTime();
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = now;
            }
            return now - lastChange >= quiet.toNanos();
        }
    }

    /** What one thread's share of a round gave: the sum of the item results and the thread's CPU time. */
    private record Share(long resultSum, long cpuNanos) {}

    /** One side's workers, the next item to give out, and what its measured rounds did. */
    private static final class Side {
        private final String name;
        private final Workload.Worker[] workers;
        private final ExecutorService pool;
        private final List<Double> rates = new ArrayList<>();
        private final List<Double> cpuRates = new ArrayList<>();
        private long nextItem;
        private long items;
        private long resultSum;
        private long lastSum;
        private long lastCpuNanos;

        Side(String name, Workload workload, int threads, ExecutorService pool) {
            this.name = name;
            this.pool = pool;
            this.workers = new Workload.Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = workload.newWorker();
            }
        }

        Throughput throughput() {
            return new Throughput(rates, cpuRates, items, resultSum);
        }

        void reset() {
            rates.clear();
            cpuRates.clear();
            items = 0;
            resultSum = 0;
        }

        void measuredRound(int batch) {
            double seconds = round(batch);
            rates.add(batch / seconds);
            cpuRates.add(batch / (Math.max(1, lastCpuNanos) / 1e9));
            items += batch;
            resultSum += lastSum;
        }

        /**
         * Runs {@code batch} items and returns the wall-clock seconds it took; the sum of their results and the CPU
         * time of the threads are kept as the last round's.
         */
        double round(int batch) {
            long first = nextItem;
            long end = first + batch;
            nextItem = end;
            long start = System.nanoTime();
            Share share = pool == null ? runAlone(first, end) : runShared(first, end);
            long elapsed = System.nanoTime() - start;
            lastSum = share.resultSum();
            lastCpuNanos = share.cpuNanos();
            return Math.max(1, elapsed) / 1e9;
        }

        private Share runAlone(long first, long end) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long sum = 0;
            for (long item = first; item < end; item++) {
                sum += perform(workers[0], item);
            }
            return new Share(sum, THREADS.getCurrentThreadCpuTime() - cpu);
        }

        private Share runShared(long first, long end) {
            AtomicLong next = new AtomicLong(first);
            List<Future<Share>> futures = new ArrayList<>(workers.length);
            for (Workload.Worker worker : workers) {
                futures.add(pool.submit(() -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long sum = 0;
                    for (long item = next.getAndIncrement(); item < end; item = next.getAndIncrement()) {
                        sum += perform(worker, item);
                    }
                    return new Share(sum, THREADS.getCurrentThreadCpuTime() - cpu);
                }));
            }
            long sum = 0;
            long cpuNanos = 0;
            try {
                for (Future<Share> future : futures) {
                    Share share = future.get();
                    sum += share.resultSum();
                    cpuNanos += share.cpuNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running the " + name, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
            return new Share(sum, cpuNanos);
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
