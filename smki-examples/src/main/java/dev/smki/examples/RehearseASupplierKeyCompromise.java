package dev.smki.examples;

import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.rehearsal.Rehearsal;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.TimelineEntry;
import java.io.PrintStream;

/**
 * Rehearses a Supplier's digital-signature key compromise recovered with the Recovery Private Key by Method 3 over
 * 300 simulated Devices, in memory: the SMKI PMA decides, the Key Custodians activate the Recovery key, each
 * Relevant Device gets a Recovery command replacing the Supplier's cell with its new certificate, and the
 * compromised certificate is revoked. Prints every step that did something, the device counts and the anomalies.
 */
public final class RehearseASupplierKeyCompromise {

    private RehearseASupplierKeyCompromise() {}

    /** Runs the example. */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        ExercisePlan plan = ExercisePlan.builtIn("recovery-key")
                .withDecision(RecoveryMechanism.RECOVERY_METHOD_3)
                .withSeed(7)
                .withDevices(300);
        RehearsalResult result = Rehearsal.run(plan); // in memory; Rehearsal.start(plan, journal) to keep it

        out.println(result.procedure() + ", " + result.timeline().size() + " attempts");
        for (TimelineEntry entry : result.timeline()) {
            if (!entry.effect().isEmpty()) {
                out.println(entry.stepAndItem() + " by " + entry.actor() + ": " + entry.effect());
            }
        }
        out.println(result.devices());
        out.println(result.anomalies().isEmpty() ? "no anomaly" : "anomalies: " + result.anomalies());
        out.println(result.complete() ? "incident closed" : "incident NOT closed");
    }
}
