package dev.smki.recovery.procedures;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Device;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.fleet.FleetExecution;
import dev.smki.recovery.fleet.FleetExecutor;
import dev.smki.recovery.fleet.WriteOffs;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.ProgressRecord;
import dev.smki.recovery.incident.ProgressRecords;
import dev.smki.recovery.incident.ProgressSample;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The fleet slice of an {@link IncidentState}: the simulated Devices, the incident's Relevant Devices (N5), the trust
 * anchor they are being brought to, the commands prepared (R4), the sendings through the fleet executor with their
 * injected failures, retries and write-offs, and how far the Relevant Devices were each time they changed. Changed
 * only by the effects of accepted steps.
 *
 * <p>It holds no object per Device: the Relevant Devices are indexes into the fleet, the write-offs one bit per
 * Device, and the progress a sample of at most {@value #POINTS_PER_PHASE} points per phase; each sending's reports go
 * to its {@link ProgressRecord} (a Recovery Progress File beside a rehearsal's journal) as they are made.
 */
public final class FleetState {

    /** How many progress points a phase keeps at most, besides its last ({@link ProgressSample}). */
    public static final int POINTS_PER_PHASE = 512;

    private final Fleet fleet;
    private FleetExecutor executor;
    private final IncidentClock clock;
    private RelevantDevices relevant;
    private KeyIdentifier compromisedKey;
    private KeyIdentifier targetKey;
    private String phase = "";
    private long updated;
    private UpdateSecurityCredentials prepared;
    private final WriteOffs writtenOff;
    private final List<Phase> progress = new ArrayList<>();
    private final List<Restored> sendings = new ArrayList<>();
    private final Map<String, Integer> sendingsByOperation = new HashMap<>();
    private Consumer<? super RecoveryProgress> onProgress = report -> {};
    private ProgressRecords records = ProgressRecords.none();

    FleetState(Fleet fleet, FleetExecutor executor, IncidentClock clock) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writtenOff = WriteOffs.of(fleet);
    }

    /**
     * One sending of commands to the Relevant Devices, as it ended: the same whether or not the rehearsal was
     * interrupted and resumed.
     *
     * @param operation the step that sent them, such as {@code C5}
     * @param number which sending of that step it was, from 1
     * @param finalProgress its last progress report
     */
    public record Sending(String operation, int number, RecoveryProgress finalProgress) {

        /**
         * Checks the components.
         *
         * @param operation the step that sent them, such as {@code C5}
         * @param number which sending of that step it was, from 1
         * @param finalProgress its last progress report
         * @throws NullPointerException when a component is null
         */
        public Sending {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(finalProgress, "finalProgress");
        }
    }

    /**
     * How much of a sending this run restored from its record, which an earlier run of the rehearsal left, and how
     * much it did itself.
     *
     * @param sending the sending
     * @param restoredAttempts the attempts restored from the record: 0 for a sending that had no record to go on from
     * @param madeAttempts the attempts this run made (commands signed and applied, or failures drawn)
     */
    public record Restored(Sending sending, long restoredAttempts, long madeAttempts) {

        /**
         * Checks the components.
         *
         * @param sending the sending
         * @param restoredAttempts the attempts restored from the record: 0 for a sending that had no record to go on
         *     from
         * @param madeAttempts the attempts this run made (commands signed and applied, or failures drawn)
         * @throws NullPointerException when a component is null
         */
        public Restored {
            Objects.requireNonNull(sending, "sending");
        }
    }

    /** The progress points of one phase. */
    private record Phase(String name, ProgressSample<ProgressPoint> points) {}

    /** {@return every Device of the fleet} */
    public Fleet fleet() {
        return fleet;
    }

    /**
     * Works out the Relevant Devices: the commissioned Devices holding data of {@code compromised}; returns a note.
     */
    String scope(IssuedCertificate compromised) {
        RelevantDevices scoped = RelevantDevices.of(fleet, compromised);
        compromisedKey = scoped.compromisedKey();
        targetKey = null;
        phase = "scope";
        relevant = scoped;
        record();
        return relevant.size() + " Relevant Devices of " + fleet.size() + " hold the key of " + compromised;
    }

    /** {@return the Relevant Devices, once scoped: a view in EUI-64 order, no copy} */
    public List<Device> relevant() {
        return relevant == null ? List.of() : relevant.devices();
    }

    /**
     * {@return the commissioned Devices holding {@code certificate}'s key, without changing the scope}
     *
     * @param certificate the certificate
     */
    public long holding(IssuedCertificate certificate) {
        return RelevantDevices.countIn(fleet, certificate);
    }

    /** Returns the places in the fleet of the Relevant Devices not written off. */
    private int[] reachable() {
        int[] indexes = new int[(int) (relevantCount() - writtenOffRelevant())];
        int next = 0;
        for (int position = 0; position < relevantCount(); position++) {
            int index = relevant.fleetIndex(position);
            if (!writtenOff.contains(index)) {
                indexes[next++] = index;
            }
        }
        return indexes;
    }

    private long writtenOffRelevant() {
        if (writtenOff.isEmpty()) {
            return 0;
        }
        long count = 0;
        for (int position = 0; position < relevantCount(); position++) {
            if (writtenOff.contains(relevant.fleetIndex(position))) {
                count++;
            }
        }
        return count;
    }

    private int relevantCount() {
        return relevant == null ? 0 : relevant.size();
    }

    /** Makes {@code key} the trust anchor the Relevant Devices should hold, as the step {@code newPhase} sends it. */
    void target(KeyIdentifier key, String newPhase) {
        targetKey = Objects.requireNonNull(key, "key");
        phase = newPhase;
        refresh();
    }

    /** {@return whether a recovery is bringing the Relevant Devices to a new trust anchor} */
    public boolean isRecovering() {
        return targetKey != null;
    }

    /** Returns the command prepared for every Relevant Device (R4), once built. */
    Optional<UpdateSecurityCredentials> prepared() {
        return Optional.ofNullable(prepared);
    }

    void prepare(UpdateSecurityCredentials command) {
        prepared = Objects.requireNonNull(command, "command");
    }

    /**
     * Sends each Relevant Device not written off its command from {@code commands} for {@code incident}, with the
     * executor's injected failures, retries and write-offs, keeping the progress reports in the sending's record, and
     * moves the clock on to the last outcome; returns a note of how the Devices ended. A record an earlier run of the
     * rehearsal left is gone on from: what it records is restored rather than sent again.
     */
    String send(IncidentId incident, String operation, CommandFactory commands) {
        long before = writtenOff.size();
        long relevantSize = relevantCount();
        int number = sendingsByOperation.merge(operation, 1, Integer::sum);
        int[] targets = writtenOff.isEmpty() ? null : reachable();
        List<Device> devices = targets == null ? relevant() : new Indexed(fleet, targets);
        ProgressSample<ProgressPoint> points = phase(operation);
        Consumer<RecoveryProgress> listener = report -> {
            points.add(new ProgressPoint(
                    report.at(),
                    operation,
                    relevantSize,
                    report.succeeded(),
                    before + report.failed(),
                    before + report.writtenOff(),
                    report.pending()));
            onProgress.accept(report);
        };
        FleetExecution execution;
        try (ProgressRecord record = records.open(incident, operation, number)) {
            execution = executor.execute(incident, operation, devices, commands, listener, record);
        }
        for (int position = 0; position < execution.size(); position++) {
            int index = targets == null ? relevant.fleetIndex(position) : targets[position];
            execution.writeOff(position).ifPresent(w -> writtenOff.add(index, w));
        }
        sendings.add(new Restored(
                new Sending(operation, number, execution.finalProgress()),
                execution.restoredAttempts(),
                execution.madeAttempts()));
        clock.advanceTo(execution.finishedAt());
        refresh();
        StringBuilder note = new StringBuilder()
                .append(execution.size())
                .append(" commands sent in ")
                .append(execution.rounds())
                .append(execution.rounds() == 1 ? " round: " : " rounds: ")
                .append(execution.succeeded())
                .append(" executed, ")
                .append(execution.writtenOff())
                .append(" written off");
        Map<String, Long> reasons = new LinkedHashMap<>();
        execution.writeOffsByReason().forEach((reason, count) -> reasons.put(reason.slug(), count));
        if (!reasons.isEmpty()) {
            note.append(" ").append(reasons);
        }
        return note.append(", last outcome at ").append(execution.finishedAt()).toString();
    }

    /**
     * Sends commands on {@code threads} threads from now on; changes only how fast sendings run, never what they do.
     *
     * @param threads how many threads send commands to the Devices
     * @throws IllegalArgumentException when {@code threads} is not 1 to {@value DeliverySettings#MAX_THREADS}
     */
    public void useThreads(int threads) {
        executor = executor.with(executor.settings().withThreads(threads));
    }

    /** {@return how many threads the sendings work on} */
    public int threads() {
        return executor.settings().threads();
    }

    /**
     * Calls {@code listener} with every progress report of the sendings from now on, as they are made.
     *
     * @param listener called with each progress report
     */
    public void onProgress(Consumer<? super RecoveryProgress> listener) {
        onProgress = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Keeps the progress reports of each sending from now on in the record {@code progressRecords} opens for it (a
     * Recovery Progress File beside a rehearsal's journal), and goes on from what an earlier run recorded there.
     *
     * @param progressRecords where the progress reports of each sending are kept
     */
    public void recordProgressIn(ProgressRecords progressRecords) {
        records = Objects.requireNonNull(progressRecords, "progressRecords");
    }

    private void refresh() {
        updated = targetKey == null || relevant == null
                ? 0
                : relevant.count(c -> c.holds(targetKey), p -> !writtenOff.contains(relevant.fleetIndex(p)));
        record();
    }

    private void record() {
        DeviceScope scope = scope();
        phase(phase)
                .add(new ProgressPoint(
                        clock.instant(),
                        phase,
                        scope.relevant(),
                        scope.updated(),
                        scope.writtenOff(),
                        scope.writtenOff(),
                        scope.open()));
    }

    /** Returns the sample of the phase {@code name}: the last one's, or a new one when the phase changes. */
    private ProgressSample<ProgressPoint> phase(String name) {
        if (progress.isEmpty() || !progress.get(progress.size() - 1).name().equals(name)) {
            progress.add(new Phase(name, ProgressSample.of(POINTS_PER_PHASE)));
        }
        return progress.get(progress.size() - 1).points();
    }

    /** {@return how far the Relevant Devices are with the current updates (REC-8)} */
    public DeviceScope scope() {
        return new DeviceScope(relevantCount(), updated, writtenOff.size());
    }

    /** Returns whether every Relevant Device not written off holds {@code key}. */
    boolean allHold(KeyIdentifier key) {
        return relevant == null
                || relevant.count(c -> !c.holds(key), p -> !writtenOff.contains(relevant.fleetIndex(p))) == 0;
    }

    /**
     * {@return how far the Relevant Devices were each time they changed, oldest first: every change while a phase has
     * at most {@value #POINTS_PER_PHASE}, otherwise an evenly spaced sample of them with the phase's last}
     */
    public List<ProgressPoint> progress() {
        List<ProgressPoint> all = new ArrayList<>();
        progress.forEach(p -> all.addAll(p.points().items()));
        return List.copyOf(all);
    }

    /** {@return each sending of commands as it ended, oldest first} */
    public List<Sending> sendings() {
        return sendings.stream().map(Restored::sending).toList();
    }

    /**
     * Returns, for each sending of commands, how much of it this run restored from its record and how much it did.
     *
     * @return how much of each sending of commands this run restored and did
     */
    public List<Restored> restored() {
        return List.copyOf(sendings);
    }

    /** {@return the Relevant Devices written off: how many, why, and the first few} */
    public WriteOffs writtenOff() {
        return writtenOff;
    }

    /** {@return the Device counts of the incident} */
    public DeviceCounts counts() {
        long holding = compromisedKey == null || relevant == null ? 0 : relevant.count(c -> c.holds(compromisedKey));
        return new DeviceCounts(fleet.size(), relevantCount(), updated, writtenOff.size(), holding);
    }

    /** The Devices at some places of a fleet, as a list: a view, made as each is asked for. */
    private static final class Indexed extends AbstractList<Device> implements RandomAccess {
        private final Fleet fleet;
        private final int[] indexes;

        Indexed(Fleet fleet, int[] indexes) {
            this.fleet = fleet;
            this.indexes = indexes;
        }

        @Override
        public Device get(int index) {
            return fleet.get(indexes[index]);
        }

        @Override
        public int size() {
            return indexes.length;
        }
    }
}
