package dev.smki.examples;

import dev.smki.recovery.procedures.ContingencyOrders;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.workflow.StepId;
import java.io.PrintStream;
import java.util.List;

/**
 * Explores every order in which the steps of the Root OCA compromise response may be done, in the modelled order
 * and in three orders a reader of SEC Appendix L §5 could take, against the REC invariants: prints whether each is
 * safe and, for an unsafe one, each broken invariant with a shortest counterexample; then shows that leaving out
 * a reconstructed step (N6, the request to revoke the compromised certificate) keeps the modelled order safe.
 */
public final class AnalyseStepOrders {

    private AnalyseStepOrders() {}

    /** Runs the example. */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        for (ContingencyOrders.Result result : ContingencyOrders.analyse(ProcedureSettings.defaults())) {
            out.println(result.describe());
        }

        ProcedureSettings withoutN6 = ProcedureSettings.defaults().omitting(List.of(StepId.of("N6")));
        ContingencyOrders.Result modelled = ContingencyOrders.analyse(withoutN6).get(0);
        out.println("without N6: " + modelled.order() + " " + (modelled.isSafe() ? "safe" : "UNSAFE") + ", "
                + modelled.report().statesExplored() + " states explored");
    }
}
