package dev.smki.recovery.rehearsal;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.incident.RelevantSubscribers;
import dev.smki.recovery.journal.DeadlineBreach;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.DeviceCounts;
import dev.smki.recovery.procedures.FleetState;
import dev.smki.recovery.procedures.ProgressPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rehearsal did: its plan, every attempt in order with its effect, the Devices' counts, what went
 * differently from a clean run, and the journal's head hash. Two runs with the same parameters, one of them
 * interrupted and resumed from its journal, give equal results.
 *
 * @param plan the exercise plan rehearsed
 * @param procedure the name of the procedure run, such as {@code ROOT_OCA_COMPROMISE}
 * @param timeline every attempt, oldest first
 * @param devices where the Devices stand
 * @param progress how far the Relevant Devices were each time they changed, oldest first: a sample of at most a few
 *     hundred points per phase ({@link FleetState#progress()})
 * @param sendings each sending of commands to the Devices as it ended, oldest first: its last progress report (the
 *     last line of its Recovery Progress File) and how many attempts were restored from that file by a resume
 * @param anomalies what did not go as in a clean run, typed ({@link Anomaly.Kind}): refused attempts, written-off
 *     Devices, breached deadlines, Devices still holding the compromised key; empty for a clean run
 * @param breachedDeadlines the deadlines missed, by the simulated clock
 * @param complete whether every step of the procedure is done
 * @param journalHead the hash of the journal's last line
 * @param relevantSubscribers the Relevant Subscribers worked out at N5 and notified then; none when no step scoped
 *     them
 */
public record RehearsalResult(
        ExercisePlan plan,
        String procedure,
        List<TimelineEntry> timeline,
        DeviceCounts devices,
        List<ProgressPoint> progress,
        List<FleetState.Sending> sendings,
        List<Anomaly> anomalies,
        List<DeadlineBreach> breachedDeadlines,
        boolean complete,
        String journalHead,
        RelevantSubscribers relevantSubscribers) {

    /**
     * Checks the components.
     *
     * @param plan the exercise plan rehearsed
     * @param procedure the name of the procedure run, such as {@code ROOT_OCA_COMPROMISE}
     * @param timeline every attempt, oldest first
     * @param devices where the Devices stand
     * @param progress how far the Relevant Devices were each time they changed, oldest first: a sample of at most a few
     *     hundred points per phase ({@link FleetState#progress()})
     * @param sendings each sending of commands to the Devices as it ended, oldest first: its last progress report (the
     *     last line of its Recovery Progress File) and how many attempts were restored from that file by a resume
     * @param anomalies what did not go as in a clean run, typed ({@link Anomaly.Kind}): refused attempts, written-off
     *     Devices, breached deadlines, Devices still holding the compromised key; empty for a clean run
     * @param breachedDeadlines the deadlines missed, by the simulated clock
     * @param complete whether every step of the procedure is done
     * @param journalHead the hash of the journal's last line
     * @param relevantSubscribers the Relevant Subscribers worked out at N5 and notified then; none when no step scoped
     *     them
     * @throws NullPointerException when a component is null
     */
    public RehearsalResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(procedure, "procedure");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(devices, "devices");
        progress = List.copyOf(progress);
        sendings = List.copyOf(sendings);
        anomalies = List.copyOf(anomalies);
        breachedDeadlines = List.copyOf(breachedDeadlines);
        Objects.requireNonNull(journalHead, "journalHead");
        Objects.requireNonNull(relevantSubscribers, "relevantSubscribers");
    }

    /**
     * {@return the anomalies of {@code kind}, in order}
     *
     * @param kind the kind of anomaly
     */
    public List<Anomaly> anomalies(Anomaly.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    /**
     * {@return how many attempts were at steps of each confidence, in the order of {@link Confidence}; steps with no
     * source count under none}
     */
    public Map<Optional<Confidence>, Long> attemptsByConfidence() {
        Map<Optional<Confidence>, Long> counts = new LinkedHashMap<>();
        for (Confidence c : Confidence.values()) {
            counts.put(Optional.of(c), 0L);
        }
        counts.put(Optional.empty(), 0L);
        timeline.forEach(e -> counts.merge(e.confidence(), 1L, Long::sum));
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** Returns a short summary: plan, seed, steps, device counts and anomalies. */
    @Override
    public String toString() {
        return "Rehearsal " + plan.name() + " (seed " + plan.seed() + ", " + procedure + "): "
                + timeline.size() + " attempts, " + (complete ? "complete" : "incomplete") + "; " + devices
                + (anomalies.isEmpty() ? "; no anomaly" : "; anomalies: " + anomalies);
    }
}
