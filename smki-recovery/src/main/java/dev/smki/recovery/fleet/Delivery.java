package dev.smki.recovery.fleet;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.device.StatusCode;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.RecoveryProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One fleet execution in progress: the per-Device state, the rounds of attempts and the progress reports.
 *
 * <p>Per Device it keeps two bytes, its state and its attempts, in arrays indexed like the Devices; no object is
 * made per Device beyond its command. A round is one attempt number: its Devices (all of them, then those to be
 * retried, in Device order) are cut into batches that a fixed set of threads takes in turn from an atomic counter.
 * A thread counts a batch's outcomes in local variables and publishes them when the batch is done; the reports are
 * made in batch order by whichever thread finds the next batch done (a try-lock, never waited on), so the reports,
 * like the states, do not depend on which thread did what.
 */
final class Delivery {

    static final byte PENDING = 0;
    static final byte UPDATED = 1;
    static final byte RETRY_UNCONTACTABLE = 2;
    static final byte RETRY_BUSY = 3;
    static final byte UNCONTACTABLE = 4;
    static final byte BUSY = 5;
    static final byte DECOMMISSIONED = 6;
    /** A refusal's state is this plus the index of the refusing rule in {@link AcceptanceRule#ALL}. */
    static final byte REFUSED = 16;

    private static final int OUTCOME_RETRY = 0;
    private static final int OUTCOME_UPDATED = 1;
    private static final int OUTCOME_FAILED = 2;

    private final IncidentId incident;
    private final String operation;
    private final Device[] devices;
    private final DeliverySettings settings;
    private final CommandFactory commands;
    private final Consumer<? super RecoveryProgress> listener;
    private final byte[] states;
    private final byte[] attempts;

    private final ReentrantLock reporting = new ReentrantLock();
    private final List<RecoveryProgress> reports = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private long succeeded;
    private long failed;
    private int rounds;

    Delivery(
            IncidentId incident,
            String operation,
            Device[] devices,
            DeliverySettings settings,
            CommandFactory commands,
            Consumer<? super RecoveryProgress> listener) {
        this.incident = incident;
        this.operation = operation;
        this.devices = devices;
        this.settings = settings;
        this.commands = commands;
        this.listener = listener;
        this.states = new byte[devices.length];
        this.attempts = new byte[devices.length];
    }

    /** Runs every round from {@code start} on and returns the execution. */
    FleetExecution run(Instant start) {
        report(RecoveryProgress.start(incident, operation, start, devices.length));
        int[] positions = null;
        int size = devices.length;
        Instant roundStart = start;
        for (int attempt = 1; attempt <= settings.maxAttempts() && size > 0 && !stopped; attempt++) {
            Round round = new Round(attempt, positions, size, roundStart, settings.batchSizeFor(size));
            runRound(round);
            rounds = attempt;
            if (failure.get() != null) {
                throw rethrow(failure.get());
            }
            if (stopped) {
                break;
            }
            positions = retries();
            size = positions.length;
            if (size > 0) {
                roundStart = round.end().plus(settings.retryDelay(attempt + 1));
            }
        }
        if (stopped) {
            reportExact();
        }
        return new FleetExecution(
                incident, operation, devices, settings, states, attempts, List.copyOf(reports), start, rounds);
    }

    private void runRound(Round round) {
        int threads = Math.min(settings.threads(), round.batches);
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
                int from = batch * round.batchSize;
                int to = Math.min(round.size, from + round.batchSize);
                int updated = 0;
                int gaveUp = 0;
                for (int position = from; position < to; position++) {
                    int index = round.positions == null ? position : round.positions[position];
                    int outcome = attempt(index, round.attempt);
                    if (outcome == OUTCOME_UPDATED) {
                        updated++;
                    } else if (outcome == OUTCOME_FAILED) {
                        gaveUp++;
                    }
                }
                round.updated[batch] = updated;
                round.failed[batch] = gaveUp;
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

    /** Makes attempt {@code attempt} on Device {@code index}; returns whether it was updated, failed or is to be retried. */
    private int attempt(int index, int attempt) {
        Device device = devices[index];
        attempts[index] = (byte) attempt;
        InjectedFailure injected = device.isCommissioned()
                ? settings.failures().draw(settings.seed(), device.eui64().value(), attempt)
                : InjectedFailure.DECOMMISSIONED;
        switch (injected) {
            case DECOMMISSIONED:
                states[index] = DECOMMISSIONED;
                return OUTCOME_FAILED;
            case UNCONTACTABLE:
                return transientFailure(index, attempt, RETRY_UNCONTACTABLE, UNCONTACTABLE);
            case BUSY:
                return transientFailure(index, attempt, RETRY_BUSY, BUSY);
            default:
                break;
        }
        SignedCommand command = commands.commandFor(device);
        if (command == null) {
            throw new NullPointerException("The command factory made no command for " + device);
        }
        CommandOutcome outcome = device.apply(command);
        if (outcome.isAccepted()) {
            states[index] = UPDATED;
            return OUTCOME_UPDATED;
        }
        if (outcome.status() == StatusCode.RESOURCES_BUSY) {
            return transientFailure(index, attempt, RETRY_BUSY, BUSY);
        }
        states[index] =
                (byte) (REFUSED + AcceptanceRule.ALL.indexOf(outcome.refusedBy().orElseThrow()));
        return OUTCOME_FAILED;
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
            if (state == RETRY_UNCONTACTABLE || state == RETRY_BUSY) {
                count++;
            }
        }
        int[] positions = new int[count];
        int next = 0;
        for (int i = 0; i < states.length && next < count; i++) {
            if (states[i] == RETRY_UNCONTACTABLE || states[i] == RETRY_BUSY) {
                positions[next++] = i;
            }
        }
        return positions;
    }

    /** Reports the exact counts of a stopped execution, at the time of the last report. */
    private void reportExact() {
        long updated = 0;
        long gaveUp = 0;
        for (byte state : states) {
            if (state == UPDATED) {
                updated++;
            } else if (isWrittenOff(state)) {
                gaveUp++;
            }
        }
        RecoveryProgress last = reports.get(reports.size() - 1);
        if (updated != last.succeeded() || gaveUp != last.failed()) {
            report(new RecoveryProgress(
                    incident,
                    operation,
                    last.at(),
                    devices.length,
                    updated,
                    gaveUp,
                    devices.length - updated - gaveUp,
                    gaveUp));
        }
    }

    static boolean isWrittenOff(byte state) {
        return state == UNCONTACTABLE || state == BUSY || state == DECOMMISSIONED || state >= REFUSED;
    }

    private void report(RecoveryProgress progress) {
        reports.add(progress);
        listener.accept(progress);
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    /** One attempt number over its Devices, cut into batches. */
    private final class Round {
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

        /** Returns when the outcome of the Device at {@code position} is known. */
        Instant outcomeKnown(int position) {
            return start.plusNanos(settings.sendOffsetNanos(position)).plus(settings.turnaround());
        }

        /** Returns when the last outcome of this round is known. */
        Instant end() {
            return outcomeKnown(size - 1);
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
                        int last = Math.min(size, (batch + 1) * batchSize) - 1;
                        report(new RecoveryProgress(
                                incident,
                                operation,
                                outcomeKnown(last),
                                devices.length,
                                succeeded,
                                Delivery.this.failed,
                                devices.length - succeeded - Delivery.this.failed,
                                Delivery.this.failed));
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
        return "Delivery[" + incident + " " + operation + ", " + devices.length + " devices]";
    }
}
