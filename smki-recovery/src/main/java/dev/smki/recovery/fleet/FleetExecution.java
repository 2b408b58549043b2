package dev.smki.recovery.fleet;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.Device;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.RecoveryProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fleet execution ended: per Device, updated, written off with a reason, or (only in a run stopped early)
 * still pending; the progress reports it gave, from the first (all pending) to the last (every one, up to 1,024, then
 * an evenly spaced sample: the whole series is in its {@link dev.smki.recovery.incident.ProgressRecord record}); and
 * how many attempts it restored from an earlier run's record rather than made. Devices are counted by their position
 * in the list the execution was given; two bytes are kept per Device. Immutable.
 */
public final class FleetExecution {

    private final IncidentId incident;
    private final String operation;
    private final List<Device> devices;
    private final DeliverySettings settings;
    private final byte[] states;
    private final byte[] attempts;
    private final List<RecoveryProgress> progress;
    private final RecoveryProgress finalProgress;
    private final Instant startedAt;
    private final int rounds;
    private final long restoredAttempts;
    private final long madeAttempts;
    private final long succeeded;
    private final long writtenOff;

    FleetExecution(
            IncidentId incident,
            String operation,
            List<Device> devices,
            DeliverySettings settings,
            byte[] states,
            byte[] attempts,
            List<RecoveryProgress> progress,
            RecoveryProgress finalProgress,
            Instant startedAt,
            int rounds,
            long restoredAttempts,
            long madeAttempts) {
        this.incident = incident;
        this.operation = operation;
        this.devices = devices;
        this.settings = settings;
        this.states = states;
        this.attempts = attempts;
        this.progress = progress;
        this.finalProgress = finalProgress;
        this.startedAt = startedAt;
        this.rounds = rounds;
        this.restoredAttempts = restoredAttempts;
        this.madeAttempts = madeAttempts;
        long updated = 0;
        long gaveUp = 0;
        for (byte state : states) {
            if (state == DeviceStates.UPDATED) {
                updated++;
            } else if (DeviceStates.isWrittenOff(state)) {
                gaveUp++;
            }
        }
        this.succeeded = updated;
        this.writtenOff = gaveUp;
    }

    /** {@return the incident} */
    public IncidentId incident() {
        return incident;
    }

    /** {@return the step that sent the commands, such as {@code C5}} */
    public String operation() {
        return operation;
    }

    /** {@return the settings the execution ran with} */
    public DeliverySettings settings() {
        return settings;
    }

    /** {@return how many Devices the execution was given} */
    public int size() {
        return states.length;
    }

    /**
     * {@return the Device at {@code position} of the list the execution was given}
     *
     * @param position the position, from 0
     */
    public Device device(int position) {
        Objects.checkIndex(position, states.length);
        return devices.get(position);
    }

    /** {@return how many Devices executed their command} */
    public long succeeded() {
        return succeeded;
    }

    /** {@return how many Devices were written off (every failed Device is)} */
    public long writtenOff() {
        return writtenOff;
    }

    /** {@return how many Devices are neither updated nor written off: 0 unless the run was stopped early} */
    public long pending() {
        return states.length - succeeded - writtenOff;
    }

    /**
     * {@return whether the Device at {@code position} executed its command}
     *
     * @param position the position, from 0
     */
    public boolean isUpdated(int position) {
        Objects.checkIndex(position, states.length);
        return states[position] == DeviceStates.UPDATED;
    }

    /**
     * {@return how many attempts the Device at {@code position} got; 0 if none (a run stopped early)}
     *
     * @param position the position, from 0
     */
    public int attempts(int position) {
        Objects.checkIndex(position, states.length);
        return attempts[position];
    }

    /**
     * {@return the write-off of the Device at {@code position}, if it was written off}
     *
     * @param position the position, from 0
     */
    public Optional<WriteOff> writeOff(int position) {
        Objects.checkIndex(position, states.length);
        byte state = states[position];
        if (!DeviceStates.isWrittenOff(state)) {
            return Optional.empty();
        }
        Optional<AcceptanceRule> rule = state >= DeviceStates.REFUSED
                ? Optional.of(AcceptanceRule.ALL.get(state - DeviceStates.REFUSED))
                : Optional.empty();
        return Optional.of(new WriteOff(devices.get(position), reason(state), attempts[position], rule));
    }

    /** {@return every write-off, in Device order} */
    public List<WriteOff> writeOffs() {
        List<WriteOff> all = new ArrayList<>((int) writtenOff);
        for (int i = 0; i < states.length; i++) {
            writeOff(i).ifPresent(all::add);
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * {@return how many Devices were written off for each reason, in {@link WriteOffReason} order; absent reasons left
     * out}
     */
    public Map<WriteOffReason, Long> writeOffsByReason() {
        Map<WriteOffReason, Long> counts = new EnumMap<>(WriteOffReason.class);
        for (byte state : states) {
            if (DeviceStates.isWrittenOff(state)) {
                counts.merge(reason(state), 1L, Long::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static WriteOffReason reason(byte state) {
        return switch (state) {
            case DeviceStates.DECOMMISSIONED -> WriteOffReason.DECOMMISSIONED;
            case DeviceStates.UNCONTACTABLE -> WriteOffReason.UNCONTACTABLE;
            case DeviceStates.BUSY -> WriteOffReason.BUSY;
            default -> WriteOffReason.REFUSED;
        };
    }

    /**
     * {@return the progress reports, oldest first, conserved and only moving forward (REC-9): every report when the
     * execution made at most 1,024; otherwise an evenly spaced sample of at most 1,025 of them, the first and the last
     * included ({@link dev.smki.recovery.incident.ProgressSample})} The record the execution was given holds them all.
     */
    public List<RecoveryProgress> progress() {
        return progress;
    }

    /** {@return the last progress report} */
    public RecoveryProgress finalProgress() {
        return finalProgress;
    }

    /**
     * {@return how many attempts were restored from the record an earlier run of this execution left, rather than
     * made: 0 for an execution that had no record to go on from}
     */
    public long restoredAttempts() {
        return restoredAttempts;
    }

    /** {@return how many attempts were made (commands built, signed and applied, or failures drawn) by this run} */
    public long madeAttempts() {
        return madeAttempts;
    }

    /** {@return how many rounds of attempts were made} */
    public int rounds() {
        return rounds;
    }

    /** {@return when the execution started, on the simulated clock} */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@return when the last outcome was known, on the simulated clock} */
    public Instant finishedAt() {
        return finalProgress().at();
    }

    /** {@return whether every Device was updated or written off with a reason (REC-8)} */
    public boolean isSettled() {
        return finalProgress().isSettled();
    }

    /**
     * Checks that every Device was updated or written off with a reason (REC-8).
     *
     * @throws IllegalStateException naming REC-8 and how many Devices are still open, when some are
     */
    public void requireSettled() {
        finalProgress().requireSettled();
    }

    /**
     * {@return a one-line account, such as {@code C5: 1000 devices, 990 updated, 10 written off {uncontactable=6,
     * busy=4}, 2 rounds, PT4H2M simulated}}
     */
    public String summary() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        writeOffsByReason().forEach((reason, count) -> reasons.put(reason.slug(), count));
        return operation + ": " + states.length + " devices, " + succeeded + " updated, " + writtenOff
                + " written off" + (reasons.isEmpty() ? "" : " " + reasons)
                + (pending() == 0 ? "" : ", " + pending() + " pending") + ", " + rounds
                + (rounds == 1 ? " round, " : " rounds, ") + Duration.between(startedAt, finishedAt())
                + " simulated";
    }

    /** Returns the incident and the {@link #summary()}. */
    @Override
    public String toString() {
        return "FleetExecution[" + incident + " " + summary() + "]";
    }
}
