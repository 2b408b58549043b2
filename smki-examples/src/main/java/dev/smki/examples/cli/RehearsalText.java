package dev.smki.examples.cli;

import dev.smki.recovery.rehearsal.DeviceCounts;
import dev.smki.recovery.rehearsal.RehearsalParameters;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.Scenario;
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

/**
 * Prints a rehearsal for people: a header with its parameters, one timeline line per attempt as it is made
 * (time, actor, step, outcome; a refusal with the rule that refused it; what an accepted step did), and a
 * summary of the device counts, the anomalies and whether the incident closed.
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
        return "%-20s  %-" + width + "s  %-20s  %s%n";
    }

    /**
     * Prints what is rehearsed, with which parameters, and where it is journalled; the timeline's actor column
     * is sized for {@code actors}.
     */
    void header(RehearsalParameters p, Procedure procedure, int moves, Path journal) {
        row = row(procedure.steps().stream()
                .flatMap(step -> step.actors().stream())
                .map(Actor::role)
                .toList());
        List<String> facts = new ArrayList<>();
        facts.add("seed " + p.seed());
        facts.add(count(p.devices()) + " devices");
        if (p.scenario() == Scenario.RECOVERY_KEY) {
            facts.add("Method " + p.method().number());
        }
        facts.add("quorum " + p.quorum());
        facts.add("failures: " + percent(p.uncontactableShare()) + " of devices uncontactable, "
                + percent(p.busyShare()) + " of attempts busy, " + p.retries() + " retries");
        out.println("smki rehearse " + p.scenario().cliName() + ": " + String.join(", ", facts));
        Map<String, String> settings = p.settings().toProperties();
        if (!settings.isEmpty()) {
            out.println("Procedure settings changed: " + settings);
        }
        out.println("Procedure " + procedure.name() + ", " + moves + " moves; simulated clock from " + p.start()
                + "; journal " + journal);
        out.println();
        out.printf(Locale.ROOT, row, "TIME", "ACTOR", "STEP", "OUTCOME");
        out.flush();
    }

    /** Prints one attempt. */
    void entry(TimelineEntry e) {
        String outcome =
                e.accepted() ? "accepted" + (e.effect().isEmpty() ? "" : "  " + e.effect()) : "REFUSED: " + e.outcome();
        out.printf(Locale.ROOT, row, e.time().truncatedTo(ChronoUnit.SECONDS), e.actor(), e.stepAndItem(), outcome);
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
                "Devices: %s in the fleet, %s relevant: %s recovered, %s failed, %s written off; %s still hold the"
                        + " compromised key%n",
                count(d.total()),
                count(d.relevant()),
                count(d.recovered()),
                count(d.failed()),
                count(d.writtenOff()),
                count(d.holdingCompromisedKey()));
        if (result.anomalies().isEmpty()) {
            out.println("Anomalies: none");
        } else {
            out.println("Anomalies:");
            result.anomalies().forEach(a -> out.println("  - " + a));
        }
        long refused = result.timeline().stream().filter(e -> !e.accepted()).count();
        Instant first = result.parameters().start();
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
        out.flush();
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
