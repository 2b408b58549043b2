package dev.smki.recovery.fleet;

import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.recovery.incident.RecoveryProgress;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Restores, batch by batch on the calling thread, what an earlier run of a {@link Delivery} recorded, without sending
 * a command twice: while it is {@link #active}, each report made must equal the next recorded one, or the batch is
 * undone and restoring stops there. A Device that got the command is given the credentials the command gave the first
 * Device of its type holding the same credentials, when the command is the same for every Device.
 */
final class DeliveryRestore {
    private final Delivery delivery;
    private final Iterator<RecoveryProgress> recorded;
    private final boolean memo;
    /** What the command did to the first Device of each type holding each credentials value. */
    @SuppressWarnings("unchecked")
    private final Map<DeviceCredentials, Decided>[] decided =
            new Map[dev.smki.core.identity.DeviceType.values().length];

    boolean active = true;
    long kept;
    private int[] undoIndexes = new int[0];
    private DeviceCredentials[] undoCredentials = new DeviceCredentials[0];
    private int undone;

    DeliveryRestore(Delivery delivery, Iterator<RecoveryProgress> recorded) {
        this.delivery = delivery;
        this.recorded = recorded;
        this.memo = delivery.commands.isSameForEveryDevice();
    }

    /** Returns whether {@code report} is the next recorded one; if not, stops restoring. */
    boolean matches(RecoveryProgress report) {
        if (active && recorded.hasNext() && recorded.next().equals(report)) {
            kept++;
            return true;
        }
        stop();
        return false;
    }

    /** Stops restoring: keeps the reports that matched, so that new ones are appended after them. */
    void stop() {
        if (active) {
            active = false;
            delivery.record.keep(kept);
        }
    }

    /** Ends the execution: a record holding more reports than it made (a longer earlier run) is cut. */
    void end() {
        stop();
    }

    /** Restores the batches of {@code round} the record holds, from its first batch on. */
    void round(Delivery.Round round) {
        while (active && round.frontier < round.batches) {
            if (!recorded.hasNext()) {
                stop();
                return;
            }
            int batch = round.frontier;
            int from = batch * round.batchSize;
            int to = Math.min(round.size, from + round.batchSize);
            byte[] savedStates = new byte[to - from];
            byte[] savedAttempts = new byte[to - from];
            for (int position = from; position < to; position++) {
                int index = round.index(position);
                savedStates[position - from] = delivery.states[index];
                savedAttempts[position - from] = delivery.attempts[index];
            }
            undone = 0;
            long outcomes = delivery.attemptBatch(round, batch, this);
            int updated = (int) (outcomes >>> 32);
            int gaveUp = (int) outcomes;
            RecoveryProgress made = round.reportOf(batch, delivery.succeeded + updated, delivery.failed + gaveUp);
            if (matches(made)) {
                delivery.succeeded += updated;
                delivery.failed += gaveUp;
                round.frontier = batch + 1;
                round.next.set(batch + 1);
                delivery.restoredAttempts += to - from;
                delivery.report(made);
            } else {
                for (int position = from; position < to; position++) {
                    int index = round.index(position);
                    delivery.states[index] = savedStates[position - from];
                    delivery.attempts[index] = savedAttempts[position - from];
                }
                for (int i = undone - 1; i >= 0; i--) {
                    delivery.devices.get(undoIndexes[i]).restoreCredentials(undoCredentials[i]);
                }
            }
        }
    }

    /** Returns what the Device at {@code index} did with its command in the recorded run. */
    CommandOutcome outcome(int index, Device device) {
        DeviceCredentials before = device.credentials();
        Map<DeviceCredentials, Decided> byCredentials = decided[device.type().ordinal()];
        if (byCredentials == null) {
            byCredentials = new IdentityHashMap<>();
            decided[device.type().ordinal()] = byCredentials;
        }
        Decided known = memo ? byCredentials.get(before) : null;
        CommandOutcome outcome;
        if (known == null) {
            outcome = delivery.send(device);
            DeviceCredentials after = device.credentials();
            if (memo) {
                byCredentials.put(before, new Decided(outcome, after));
            }
            delivery.madeAttempts.incrementAndGet();
            if (after != before) {
                remember(index, before);
            }
            return outcome;
        }
        if (known.after() != before) {
            remember(index, before);
            device.restoreCredentials(known.after());
        }
        return known.outcome();
    }

    private void remember(int index, DeviceCredentials before) {
        if (undone == undoIndexes.length) {
            undoIndexes = Arrays.copyOf(undoIndexes, Math.max(16, 2 * undone));
            undoCredentials = Arrays.copyOf(undoCredentials, undoIndexes.length);
        }
        undoIndexes[undone] = index;
        undoCredentials[undone] = before;
        undone++;
    }

    /** What a command did to a Device: its outcome and the credentials it left. */
    private record Decided(CommandOutcome outcome, DeviceCredentials after) {}
}
