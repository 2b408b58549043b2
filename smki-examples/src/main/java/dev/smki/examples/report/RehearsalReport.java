package dev.smki.examples.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one recovery rehearsal as people read it: the JSON written by {@code --json} and the data
 * behind the HTML report of {@code --report}. Times are ISO-8601 instants of the rehearsal's simulated
 * clock; {@code durationMs} is the wall-clock time the rehearsal took.
 *
 * @param scenario the scenario rehearsed, such as {@code contingency}
 * @param seed the seed every key, device and failure came from
 * @param parameters the other settings (devices, quorum, failure rate, method), as text
 * @param devices the device counts at the end
 * @param steps every attempted step, in journal order
 * @param anomalies refusals, failures and write-offs worth a reader's attention
 * @param progress devices recovered over (simulated) time, oldest first
 * @param journal the journal file, as given
 * @param durationMs the wall-clock duration in milliseconds
 */
public record RehearsalReport(
        String scenario,
        long seed,
        Map<String, String> parameters,
        Devices devices,
        List<Step> steps,
        List<String> anomalies,
        List<ProgressPoint> progress,
        String journal,
        long durationMs) {

    public RehearsalReport {
        Objects.requireNonNull(scenario, "scenario");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(devices, "devices");
        steps = List.copyOf(steps);
        anomalies = List.copyOf(anomalies);
        progress = List.copyOf(progress);
        Objects.requireNonNull(journal, "journal");
    }

    /**
     * Device counts at the end of a rehearsal.
     *
     * @param total every device in the fleet
     * @param relevant the Relevant Devices of the incident
     * @param recovered relevant devices that accepted their command
     * @param failed relevant devices whose command failed and that are neither recovered nor written off
     * @param writtenOff relevant devices written off with a reason
     * @param holdingCompromisedKey devices that still hold the compromised key in a trust-anchor cell
     */
    public record Devices(
            long total, long relevant, long recovered, long failed, long writtenOff, long holdingCompromisedKey) {}

    /**
     * One attempted step.
     *
     * @param id the step id, such as {@code C5}
     * @param title the step's title
     * @param actor who attempted it
     * @param outcome {@code accepted} or {@code refused}
     * @param at when, on the rehearsal's clock
     * @param detail the refusal reason or a payload summary, possibly empty
     */
    public record Step(String id, String title, String actor, String outcome, String at, String detail) {

        /** Returns whether the step was accepted. */
        public boolean accepted() {
            return "accepted".equals(outcome);
        }
    }

    /**
     * Devices recovered by a moment of the rehearsal.
     *
     * @param at the moment, on the rehearsal's clock
     * @param recovered relevant devices recovered so far
     * @param failed relevant devices failed so far
     * @param pending relevant devices not yet done
     */
    public record ProgressPoint(String at, long recovered, long failed, long pending) {}
}
