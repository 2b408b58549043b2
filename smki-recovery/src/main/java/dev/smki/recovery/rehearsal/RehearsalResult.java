package dev.smki.recovery.rehearsal;

import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.workflow.DeadlineBreach;
import java.util.List;
import java.util.Objects;

/**
 * What a rehearsal did: its parameters, every attempt in order with its effect, the Devices' counts, what went
 * differently from a clean run, and the journal's head hash. Two runs with the same parameters, one of them
 * interrupted and resumed from its journal, give equal results.
 *
 * @param parameters the rehearsal's parameters
 * @param procedure the name of the procedure run, such as {@code ROOT_OCA_COMPROMISE}
 * @param timeline every attempt, oldest first
 * @param devices where the Devices stand
 * @param progress how far the Relevant Devices were each time they changed, oldest first
 * @param reports the fleet executions' progress reports, oldest first: the lines of the Recovery Progress Files
 *     ({@link dev.smki.recovery.incident.ProgressFile#write})
 * @param anomalies what did not go as in a clean run: refused attempts, written-off Devices, breached
 *     deadlines, Devices still holding the compromised key; empty for a clean run
 * @param breachedDeadlines the deadlines missed, by the simulated clock
 * @param complete whether every step of the procedure is done
 * @param journalHead the hash of the journal's last line
 */
public record RehearsalResult(
        RehearsalParameters parameters,
        String procedure,
        List<TimelineEntry> timeline,
        DeviceCounts devices,
        List<ProgressPoint> progress,
        List<RecoveryProgress> reports,
        List<String> anomalies,
        List<DeadlineBreach> breachedDeadlines,
        boolean complete,
        String journalHead) {

    public RehearsalResult {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(procedure, "procedure");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(devices, "devices");
        progress = List.copyOf(progress);
        reports = List.copyOf(reports);
        anomalies = List.copyOf(anomalies);
        breachedDeadlines = List.copyOf(breachedDeadlines);
        Objects.requireNonNull(journalHead, "journalHead");
    }

    /** Returns a short summary: scenario, seed, steps, device counts and anomalies. */
    @Override
    public String toString() {
        return "Rehearsal " + parameters.scenario() + " (seed " + parameters.seed() + ", " + procedure + "): "
                + timeline.size() + " attempts, " + (complete ? "complete" : "incomplete") + "; " + devices
                + (anomalies.isEmpty() ? "; no anomaly" : "; anomalies: " + anomalies);
    }
}
