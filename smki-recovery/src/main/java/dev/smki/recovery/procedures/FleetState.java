package dev.smki.recovery.procedures;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Device;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.fleet.FleetExecution;
import dev.smki.recovery.fleet.FleetExecutor;
import dev.smki.recovery.fleet.WriteOff;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fleet slice of an {@link IncidentState}: the simulated Devices, the incident's Relevant Devices (N5), the trust
 * anchor they are being brought to, the commands prepared (R4), the sendings through the fleet executor with their
 * injected failures, retries and write-offs, and how far the Relevant Devices were each time they changed. Changed
 * only by the effects of accepted steps.
 */
public final class FleetState {

    private final Fleet fleet;
    private final FleetExecutor executor;
    private final IncidentClock clock;
    private List<Device> relevant = List.of();
    private KeyIdentifier compromisedKey;
    private KeyIdentifier targetKey;
    private String phase = "";
    private long updated;
    private UpdateSecurityCredentials prepared;
    private final Map<Device, WriteOff> writtenOff = new LinkedHashMap<>();
    private final List<ProgressPoint> progress = new ArrayList<>();
    private final List<RecoveryProgress> reports = new ArrayList<>();
    private Consumer<? super RecoveryProgress> onProgress = report -> {};

    FleetState(Fleet fleet, FleetExecutor executor, IncidentClock clock) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns every Device of the fleet. */
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
        relevant = scoped.devices();
        record();
        return relevant.size() + " Relevant Devices of " + fleet.size() + " hold the key of " + compromised;
    }

    /** Returns the Relevant Devices, once scoped. */
    public List<Device> relevant() {
        return relevant;
    }

    /** Returns the commissioned Devices holding {@code certificate}'s key, without changing the scope. */
    public long holding(IssuedCertificate certificate) {
        return RelevantDevices.of(fleet, certificate).size();
    }

    /** Returns the Relevant Devices not written off. */
    List<Device> reachable() {
        return writtenOff.isEmpty()
                ? relevant
                : relevant.stream().filter(d -> !writtenOff.containsKey(d)).toList();
    }

    /** Makes {@code key} the trust anchor the Relevant Devices should hold, as the step {@code newPhase} sends it. */
    void target(KeyIdentifier key, String newPhase) {
        targetKey = Objects.requireNonNull(key, "key");
        phase = newPhase;
        refresh();
    }

    /** Returns whether a recovery is bringing the Relevant Devices to a new trust anchor. */
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
     * executor's injected failures, retries and write-offs, and moves the clock on to the last outcome; returns a note
     * of how the Devices ended.
     */
    String send(IncidentId incident, String operation, CommandFactory commands) {
        long before = writtenOff.size();
        FleetExecution execution = executor.execute(incident, operation, reachable(), commands, onProgress);
        for (RecoveryProgress report : execution.progress()) {
            reports.add(report);
            progress.add(new ProgressPoint(
                    report.at(),
                    operation,
                    relevant.size(),
                    report.succeeded(),
                    before + report.failed(),
                    before + report.writtenOff(),
                    report.pending()));
        }
        execution.writeOffs().forEach(w -> writtenOff.put(w.device(), w));
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

    /** Calls {@code listener} with every progress report of the sendings from now on, as they are made. */
    public void onProgress(Consumer<? super RecoveryProgress> listener) {
        onProgress = Objects.requireNonNull(listener, "listener");
    }

    private void refresh() {
        updated = targetKey == null
                ? 0
                : relevant.stream()
                        .filter(d -> !writtenOff.containsKey(d) && d.holds(targetKey))
                        .count();
        record();
    }

    private void record() {
        DeviceScope scope = scope();
        progress.add(new ProgressPoint(
                clock.instant(),
                phase,
                scope.relevant(),
                scope.updated(),
                scope.writtenOff(),
                scope.writtenOff(),
                scope.open()));
    }

    /** Returns how far the Relevant Devices are with the current updates (REC-8). */
    public DeviceScope scope() {
        return new DeviceScope(relevant.size(), updated, writtenOff.size());
    }

    /** Returns whether every Relevant Device not written off holds {@code key}. */
    boolean allHold(KeyIdentifier key) {
        return relevant.stream().allMatch(d -> writtenOff.containsKey(d) || d.holds(key));
    }

    /** Returns how far the Relevant Devices were each time they changed, oldest first. */
    public List<ProgressPoint> progress() {
        return List.copyOf(progress);
    }

    /** Returns every progress report of the sendings, oldest first. */
    public List<RecoveryProgress> reports() {
        return List.copyOf(reports);
    }

    /** Returns the Relevant Devices written off, in the order they were, with why. */
    public Map<Device, WriteOff> writtenOff() {
        return Collections.unmodifiableMap(writtenOff);
    }

    /** Returns the Device counts of the incident. */
    public DeviceCounts counts() {
        long holding = compromisedKey == null
                ? 0
                : relevant.stream().filter(d -> d.holds(compromisedKey)).count();
        return new DeviceCounts(fleet.size(), relevant.size(), updated, 0, writtenOff.size(), holding);
    }
}
