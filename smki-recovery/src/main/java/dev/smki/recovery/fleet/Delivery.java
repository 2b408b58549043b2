package dev.smki.recovery.fleet;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.device.StatusCode;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.ProgressRecord;
import dev.smki.recovery.incident.ProgressSample;
import dev.smki.recovery.incident.RecoveryProgress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One fleet execution in progress: the per-Device state, the rounds of attempts and the progress reports.
 *
 * <p>Per Device it keeps two bytes, its state and its attempts, in arrays indexed like the Devices; no object is
 * kept per Device (a Device's view is made when an attempt reaches it). A round is one attempt number: its Devices
 * (all of them, then those to be retried, in Device order) are cut into batches that a fixed set of threads takes in
 * turn from an atomic counter. A thread counts a batch's outcomes in local variables and publishes them when the
 * batch is done; the reports are made in batch order by whichever thread finds the next batch done (a try-lock,
 * never waited on), so the reports, like the states, do not depend on which thread did what.
 *
 * <p><b>Checkpoint and restore.</b> Each report goes to the {@link ProgressRecord} as it is made, and is forced to
 * disk at least every {@link #FORCE_INTERVAL_NANOS quarter second} and at the end: a report covers every batch before
 * it, so the record says which Devices' attempts are done. An execution given a record an earlier run of it left
 * first restores, one batch at a time on the calling thread, what those batches did, without sending anything: the
 * injected failures are drawn again (a pure function of seed, EUI-64 and attempt), and a Device that got the command
 * is given the credentials the command gave the first Device of its type holding the same credentials (the command
 * is the same for every Device but its recipient, {@link CommandFactory#isSameForEveryDevice()}; that first one is
 * sent its command for real). Each restored batch's report must equal the recorded one, or the batch is undone, the
 * record is cut there and the execution carries on sending from that batch. A thread never takes a batch more than
 * {@link DeliverySettings#threads()} after the first one not yet reported, so a resumed execution redoes at most that
 * many finished batches, besides those in hand, and ends exactly as an uninterrupted one.
 */
final class Delivery {

    /** The longest a report stays in the record unforced while Devices are being sent commands. */
    static final long FORCE_INTERVAL_NANOS = 250_000_000L;

    /** How many reports an execution keeps in memory at most ({@link FleetExecution#progress()}). */
    static final int KEPT_REPORTS = 1024;

    private static final int OUTCOME_RETRY = 0;
    private static final int OUTCOME_UPDATED = 1;
    private static final int OUTCOME_FAILED = 2;

    private final IncidentId incident;
    private final String operation;
    final List<Device> devices;
    private final int size;
    private final DeliverySettings settings;
    private final FailureInjection.Drawing failures;
    final CommandFactory commands;
    private final Consumer<? super RecoveryProgress> listener;
    final ProgressRecord record;
    final byte[] states;
    final byte[] attempts;

    private final ReentrantLock reporting = new ReentrantLock();
    private final ProgressSample<RecoveryProgress> reports = ProgressSample.of(KEPT_REPORTS);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;
    long succeeded;
    long failed;
    private int rounds;
    private long lastForce = System.nanoTime();
    long restoredAttempts;
    final java.util.concurrent.atomic.AtomicLong madeAttempts = new java.util.concurrent.atomic.AtomicLong();

    Delivery(
            IncidentId incident,
            String operation,
            List<Device> devices,
            DeliverySettings settings,
            CommandFactory commands,
            Consumer<? super RecoveryProgress> listener,
            ProgressRecord record) {
        this.incident = incident;
        this.operation = operation;
        this.devices = devices;
        this.size = devices.size();
        this.settings = settings;
        this.failures = settings.failures().drawing(settings.seed());
        this.commands = commands;
        this.listener = listener;
        this.record = record;
        this.states = new byte[size];
        this.attempts = new byte[size];
    }

    /** Runs every round from {@code start} on and returns the execution. */
    FleetExecution run(Instant start) {
        DeliveryRestore restore = new DeliveryRestore(this, record.recorded());
        RecoveryProgress first = RecoveryProgress.start(incident, operation, start, size);
        if (!restore.matches(first)) {
            record.append(first);
        }
        report(first);
        int[] positions = null;
        int remaining = size;
        Instant roundStart = start;
        for (int attempt = 1; attempt <= settings.maxAttempts() && remaining > 0 && !stopped; attempt++) {
            Round round = new Round(attempt, positions, remaining, roundStart, settings.batchSizeFor(remaining));
            if (restore.active) {
                restore.round(round);
            }
            if (round.frontier < round.batches) {
                runRound(round);
            }
            rounds = attempt;
            if (failure.get() != null) {
                throw rethrow(failure.get());
            }
            if (stopped) {
                break;
            }
            positions = retries();
            remaining = positions.length;
            if (remaining > 0) {
                roundStart = round.end().plus(settings.retryDelay(attempt + 1));
            }
        }
        restore.end();
        record.force();
        if (stopped) {
            reportExact();
        }
        return new FleetExecution(
                incident,
                operation,
                devices,
                settings,
                states,
                attempts,
                reports.items(),
                reports.last(),
                start,
                rounds,
                restoredAttempts,
                madeAttempts.get());
    }

    private void runRound(Round round) {
        int threads = Math.min(settings.threads(), round.batches - round.frontier);
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(() -> work(round), "smki-fleet-" + operation + "-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        work(round);
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopped = true;
                }
            }
        }
        if (interrupted || Thread.currentThread().isInterrupted()) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
        if (failure.get() == null) {
            round.advance();
        }
    }

    private void work(Round round) {
        try {
            int batch;
            while (!stopped && (batch = round.next.getAndIncrement()) < round.batches) {
                round.awaitWindow(batch);
                long outcomes = attemptBatch(round, batch, null);
                madeAttempts.addAndGet(round.sizeOf(batch));
                round.updated[batch] = (int) (outcomes >>> 32);
                round.failed[batch] = (int) outcomes;
                round.done.set(batch, 1);
                round.advance();
                if (Thread.currentThread().isInterrupted()) {
                    stopped = true;
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            stopped = true;
        }
    }

    /**
     * Makes the attempts of {@code batch} of {@code round}, or restores them from {@code restore} when not null;
     * returns how many Devices were updated (the high 32 bits) and how many failed (the low 32 bits).
     */
    long attemptBatch(Round round, int batch, DeliveryRestore restore) {
        int from = batch * round.batchSize;
        int to = Math.min(round.size, from + round.batchSize);
        int updated = 0;
        int gaveUp = 0;
        for (int position = from; position < to; position++) {
            int outcome = attempt(round.index(position), round.attempt, restore);
            if (outcome == OUTCOME_UPDATED) {
                updated++;
            } else if (outcome == OUTCOME_FAILED) {
                gaveUp++;
            }
        }
        return (long) updated << 32 | gaveUp;
    }

    /**
     * Makes attempt {@code attempt} on Device {@code index}, or restores it from {@code restore} when not null;
     * returns whether it was updated, failed or is to be retried.
     */
    private int attempt(int index, int attempt, DeliveryRestore restore) {
        Device device = devices.get(index);
        attempts[index] = (byte) attempt;
        InjectedFailure injected = device.isCommissioned()
                ? failures.draw(device.eui64().value(), attempt)
                : InjectedFailure.DECOMMISSIONED;
        switch (injected) {
            case DECOMMISSIONED:
                states[index] = DeviceStates.DECOMMISSIONED;
                return OUTCOME_FAILED;
            case UNCONTACTABLE:
                return transientFailure(index, attempt, DeviceStates.RETRY_UNCONTACTABLE, DeviceStates.UNCONTACTABLE);
            case BUSY:
                return transientFailure(index, attempt, DeviceStates.RETRY_BUSY, DeviceStates.BUSY);
            default:
                break;
        }
        CommandOutcome outcome = restore == null ? send(device) : restore.outcome(index, device);
        if (outcome.isAccepted()) {
            states[index] = DeviceStates.UPDATED;
            return OUTCOME_UPDATED;
        }
        if (outcome.status() == StatusCode.RESOURCES_BUSY) {
            return transientFailure(index, attempt, DeviceStates.RETRY_BUSY, DeviceStates.BUSY);
        }
        states[index] = (byte) (DeviceStates.REFUSED
                + AcceptanceRule.ALL.indexOf(outcome.refusedBy().orElseThrow()));
        return OUTCOME_FAILED;
    }

    /** Builds and signs the Device's command and has the Device apply it. */
    CommandOutcome send(Device device) {
        SignedCommand command = commands.commandFor(device);
        if (command == null) {
            throw new NullPointerException("The command factory made no command for " + device);
        }
        return device.apply(command);
    }

    private int transientFailure(int index, int attempt, byte retry, byte writtenOff) {
        if (attempt < settings.maxAttempts()) {
            states[index] = retry;
            return OUTCOME_RETRY;
        }
        states[index] = writtenOff;
        return OUTCOME_FAILED;
    }

    /** Returns the indexes of the Devices to retry, in Device order. */
    private int[] retries() {
        int count = 0;
        for (byte state : states) {
            if (DeviceStates.isRetry(state)) {
                count++;
            }
        }
        int[] positions = new int[count];
        int next = 0;
        for (int i = 0; i < states.length && next < count; i++) {
            if (DeviceStates.isRetry(states[i])) {
                positions[next++] = i;
            }
        }
        return positions;
    }

    /** Reports the exact counts of a stopped execution, at the time of the last report (not recorded). */
    private void reportExact() {
        long updated = 0;
        long gaveUp = 0;
        for (byte state : states) {
            if (state == DeviceStates.UPDATED) {
                updated++;
            } else if (DeviceStates.isWrittenOff(state)) {
                gaveUp++;
            }
        }
        RecoveryProgress last = reports.last();
        if (updated != last.succeeded() || gaveUp != last.failed()) {
            report(new RecoveryProgress(
                    incident, operation, last.at(), size, updated, gaveUp, size - updated - gaveUp, gaveUp));
        }
    }

    void report(RecoveryProgress progress) {
        reports.add(progress);
        listener.accept(progress);
    }

    /** Records a report made by the working threads, forcing the record when the last force is a while ago. */
    private void recordMade(RecoveryProgress progress) {
        record.append(progress);
        long now = System.nanoTime();
        if (now - lastForce >= FORCE_INTERVAL_NANOS) {
            record.force();
            lastForce = now;
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    /** One attempt number over its Devices, cut into batches. */
    final class Round {
        final int attempt;
        final int[] positions;
        final int size;
        final Instant start;
        final int batchSize;
        final int batches;
        final int[] updated;
        final int[] failed;
        final AtomicIntegerArray done;
        final AtomicInteger next = new AtomicInteger();
        volatile int frontier;

        Round(int attempt, int[] positions, int size, Instant start, int batchSize) {
            this.attempt = attempt;
            this.positions = positions;
            this.size = size;
            this.start = start;
            this.batchSize = batchSize;
            this.batches = (int) ((size + (long) batchSize - 1) / batchSize);
            this.updated = new int[batches];
            this.failed = new int[batches];
            this.done = new AtomicIntegerArray(batches);
        }

        /**
         * Waits until {@code batch} is within {@link DeliverySettings#threads()} batches after the first batch not
         * reported: so that, whenever the process dies, at most that many finished batches are missing from the
         * record. Threads take batches of the same size in turn, so this rarely waits.
         */
        void awaitWindow(int batch) {
            while (batch > frontier + settings.threads() && !stopped) {
                LockSupport.parkNanos(100_000L);
            }
        }

        /** Returns the index of the Device at {@code position} of this round. */
        int index(int position) {
            return positions == null ? position : positions[position];
        }

        /** Returns how many Devices {@code batch} holds. */
        int sizeOf(int batch) {
            return Math.min(size, (batch + 1) * batchSize) - batch * batchSize;
        }

        /** Returns when the outcome of the Device at {@code position} is known. */
        Instant outcomeKnown(int position) {
            return start.plusNanos(settings.sendOffsetNanos(position)).plus(settings.turnaround());
        }

        /** Returns when the last outcome of this round is known. */
        Instant end() {
            return outcomeKnown(size - 1);
        }

        /** Returns the report made once {@code batch} is done, with {@code updated} and {@code gaveUp} in all. */
        RecoveryProgress reportOf(int batch, long updatedInAll, long gaveUpInAll) {
            int last = Math.min(size, (batch + 1) * batchSize) - 1;
            return new RecoveryProgress(
                    incident,
                    operation,
                    outcomeKnown(last),
                    Delivery.this.size,
                    updatedInAll,
                    gaveUpInAll,
                    Delivery.this.size - updatedInAll - gaveUpInAll,
                    gaveUpInAll);
        }

        /**
         * Reports every batch done in order from the frontier on. Never waits: a thread that finds another
         * reporting leaves it to that one, which looks again after letting go.
         */
        void advance() {
            while (frontier < batches && done.get(frontier) == 1) {
                if (!reporting.tryLock()) {
                    return;
                }
                try {
                    while (frontier < batches && done.get(frontier) == 1) {
                        int batch = frontier;
                        succeeded += updated[batch];
                        Delivery.this.failed += failed[batch];
                        RecoveryProgress made = reportOf(batch, succeeded, Delivery.this.failed);
                        recordMade(made);
                        report(made);
                        frontier = batch + 1;
                    }
                } finally {
                    reporting.unlock();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Delivery[" + incident + " " + operation + ", " + size + " devices]";
    }
}
