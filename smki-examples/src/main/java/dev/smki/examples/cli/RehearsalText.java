package dev.smki.examples.cli;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RelevantSubscribers;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.ActorChoices;
import dev.smki.recovery.procedures.DeviceCounts;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.TimelineEntry;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Procedure;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a rehearsal for people: a header with its plan, one timeline line per attempt as it is made (time, actor,
 * step, the step's confidence, outcome; a refusal with the rule that refused it; what an accepted step did; where the
 * step comes from), and a summary of the device counts, the anomalies, the attempts by confidence and whether the
 * incident closed.
 */
final class RehearsalText {

    private final PrintWriter out;
    private String row = row(List.of());

    RehearsalText(PrintWriter out) {
        this.out = out;
    }

    /** Returns the timeline's row format, its actor column as wide as the longest of {@code actors}. */
    static String row(Collection<String> actors) {
        int width = Math.max(
                "KEY_CUSTODIAN".length(),
                actors.stream().mapToInt(String::length).max().orElse(0));
        return "%-20s  %-" + width + "s  %-20s  %-13s  %s%n";
    }

    /**
     * Prints what is rehearsed, with which parameters, and where it is journalled; the timeline's actor column
     * is sized for {@code actors}.
     */
    void header(ExercisePlan p, Procedure<?> procedure, int moves, Path journal) {
        row = row(procedure.steps().stream()
                .flatMap(step -> step.actors().stream())
                .map(Actor::role)
                .toList());
        List<String> facts = new ArrayList<>();
        facts.add("seed " + p.seed());
        facts.add(count(p.fleet().devices()) + " devices");
        RecoveryMechanism decision = p.decisions().mechanism();
        if (decision == RecoveryMechanism.RECOVERY_METHOD_2 || decision == RecoveryMechanism.RECOVERY_METHOD_3) {
            facts.add("Method " + (decision == RecoveryMechanism.RECOVERY_METHOD_2 ? 2 : 3));
        }
        facts.add("quorum " + p.custody().quorum());
        if (p.mode() == ActorChoices.ExerciseMode.LIVE) {
            facts.add("live exercise");
        }
        facts.add("failures: " + percent(p.fleet().uncontactable()) + " of devices uncontactable, "
                + percent(p.fleet().busy()) + " of attempts busy, " + p.fleet().retries() + " retries");
        out.println("smki rehearse " + p.name() + ": " + String.join(", ", facts));
        Map<String, String> settings = changedSettings(p);
        if (!settings.isEmpty()) {
            out.println("Procedure settings changed: " + settings);
        }
        if (!p.events().isEmpty()) {
            out.println("Events injected: "
                    + p.events().stream()
                            .map(e -> e.kind().planName() + " at " + e.at())
                            .toList());
        }
        out.println("Procedure " + procedure.name() + ", up to " + moves + " moves; simulated clock from " + p.start()
                + "; journal " + journal);
        out.println();
        out.printf(Locale.ROOT, row, "TIME", "ACTOR", "STEP", "CONFIDENCE", "OUTCOME");
        out.flush();
    }

    /** Prints one attempt. */
    void entry(TimelineEntry e) {
        String outcome =
                e.accepted() ? "accepted" + (e.effect().isEmpty() ? "" : "  " + e.effect()) : "REFUSED: " + e.outcome();
        String source = e.sources().isEmpty()
                ? ""
                : "  ["
                        + String.join(
                                "; ",
                                e.sources().stream().map(Citation::toString).toList()) + "]";
        out.printf(
                Locale.ROOT,
                row,
                e.time().truncatedTo(ChronoUnit.SECONDS),
                e.actor(),
                e.stepAndItem(),
                e.confidence().map(RehearsalText::name).orElse("none"),
                outcome + source);
        out.flush();
    }

    /** Prints the line between the attempts replayed from a journal and those made now. */
    void resumedAfter(int moves) {
        out.println(
                moves == 0
                        ? "(resumed: the journal held no attempt)"
                        : "(resumed here: the " + moves + " attempts above were replayed from the journal)");
        out.flush();
    }

    /** Prints the device counts, the anomalies and whether the incident closed. */
    void summary(RehearsalResult result, Duration wallTime) {
        DeviceCounts d = result.devices();
        out.println();
        out.printf(
                Locale.ROOT,
                "Devices: %s in the fleet, %s relevant: %s recovered, %s written off; %s still hold the"
                        + " compromised key%n",
                count(d.total()),
                count(d.relevant()),
                count(d.recovered()),
                count(d.writtenOff()),
                count(d.holdingCompromisedKey()));
        RelevantSubscribers subscribers = result.relevantSubscribers();
        if (subscribers.size() > 0) {
            out.println("Relevant Subscribers: " + subscribers.size() + " notified at N5, by Party Category "
                    + subscribers.byCategory().entrySet().stream()
                            .map(e -> e.getKey().title() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")));
            subscribers.subscribers().forEach(s -> out.println("  - " + s));
        }
        if (result.anomalies().isEmpty()) {
            out.println("Anomalies: none");
        } else {
            out.println("Anomalies:");
            result.anomalies().forEach(a -> out.println("  - " + a.text()));
        }
        long refused = result.timeline().stream().filter(e -> !e.accepted()).count();
        Instant first = result.plan().start();
        Instant last = result.timeline().isEmpty()
                ? first
                : result.timeline().get(result.timeline().size() - 1).time();
        out.printf(
                Locale.ROOT,
                "%s: %s %s after %d attempts (%d refused), %s of simulated time; %.1f s of wall time%n",
                result.complete() ? "Incident closed" : "Incident NOT closed",
                result.procedure(),
                result.complete() ? "complete" : "incomplete",
                result.timeline().size(),
                refused,
                span(Duration.between(first, last)),
                wallTime.toMillis() / 1000.0);
        out.println("Attempts by confidence: "
                + String.join(
                        ", ",
                        result.attemptsByConfidence().entrySet().stream()
                                .map(c -> c.getValue() + " "
                                        + c.getKey().map(RehearsalText::name).orElse("none"))
                                .toList())
                + " (reconstructed and memory steps are assumptions to check against the SEC text)");
        out.flush();
    }

    private static String name(Confidence confidence) {
        return confidence.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the durations and settings of {@code plan} that differ from the defaults. */
    static Map<String, String> changedSettings(ExercisePlan plan) {
        Map<String, String> changed = new TreeMap<>();
        ProcedureSettings defaults = ProcedureSettings.defaults();
        plan.durations().forEach((name, value) -> {
            if (defaults.durations().stream()
                    .noneMatch(d -> d.name().equals(name) && d.value().equals(value))) {
                changed.put(name, value.toString());
            }
        });
        changed.putAll(plan.settings());
        return changed;
    }

    /** Returns {@code n} with thousands separators: {@code 10,000}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Returns a share as a percentage without needless digits: 0.002 is {@code 0.2%}. */
    static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Returns a duration in days, hours and minutes: {@code 3d 6h 48m}. */
    static String span(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        return (days > 0 ? days + "d " : "") + (days > 0 || hours > 0 ? hours + "h " : "") + minutes % 60 + "m";
    }
}
