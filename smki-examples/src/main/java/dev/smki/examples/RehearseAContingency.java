package dev.smki.examples;

import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.TimelineEntry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Rehearses a Root OCA compromise recovered with the Contingency key over a fleet of 200 simulated Devices: stops
 * after the commands are sent, as if the process died, resumes from the journal, and prints the main steps and
 * the result. {@link AnalyseStepOrders} shows why other orders of the contingency steps are unsafe.
 */
public final class RehearseAContingency {

    private static final Set<String> SHOWN = Set.of("N5", "D3", "C2", "C4", "C5", "C8", "C11");

    private RehearseAContingency() {}

    /** Runs the example, journalling to {@code args[0]} (default {@code contingency.journal}). */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "contingency.journal"), System.out);
    }

    /** Runs the example, journalling to {@code journal} and printing to {@code out}. */
    public static void run(Path journal, PrintStream out) {
        ExercisePlan plan = ExercisePlan.builtIn("contingency").withSeed(7).withDevices(200);
        try (Rehearsal rehearsal = Rehearsal.start(plan, Journal.file(journal))) {
            while (!rehearsal.step().step().value().equals("C5")) {
                // N1 .. C5: notified, decided, new Root made, key activated by the quorum, commands sent
            }
        } // as if the process stopped here
        RehearsalResult result;
        try (Rehearsal resumed = Rehearsal.resume(journal)) { // the plan comes from the journal's header
            result = resumed.finish();
        }
        for (TimelineEntry entry : result.timeline()) {
            if (SHOWN.contains(entry.step().value())) {
                out.println(entry.step() + " " + entry.title() + ": " + entry.effect());
            }
        }
        out.println(result.devices());
        out.println(result.anomalies().isEmpty() ? "no anomaly" : "anomalies: " + result.anomalies());
    }
}
