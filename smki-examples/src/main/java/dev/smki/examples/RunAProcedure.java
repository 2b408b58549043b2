package dev.smki.examples;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.analysis.OrderingAnalysis;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Defines a small recovery procedure, runs it with a durable journal, and compares the orders it allows with
 * those of an alternative definition. Run it with the journal file to write as its argument, then look at the
 * journal with {@code ./smki journal show FILE}.
 */
public final class RunAProcedure {

    static final Actor SUBSCRIBER = Actor.of("SUBSCRIBER");
    static final Actor DCC = Actor.of("DCC");
    static final StepId N1 = StepId.of("N1");
    static final StepId N2 = StepId.of("N2");
    static final StepId N3 = StepId.of("N3");
    static final StepId R5 = StepId.of("R5");
    static final StepId R6 = StepId.of("R6");

    /** The SMKI PMA's decisions for the incident: state outside the run that a guard reads. */
    static final class PmaDecisions {
        private volatile boolean recoveryKeyRequired;

        void requireRecoveryKey() {
            recoveryKeyRequired = true;
        }

        boolean recoveryKeyRequired() {
            return recoveryKeyRequired;
        }
    }

    static final Guard<PmaDecisions> DECISION_GATE = Guard.<PmaDecisions>rule(RuleId.of("REC-1"), "decision gate")
            .stating("the Recovery Private Key is activated only when an SMKI PMA decision requires it")
            .citing(Citation.of("recovery.md", "§6.3"), Confidence.VERIFIED)
            .when(in -> in.context().recoveryKeyRequired());

    static final Procedure<PmaDecisions> PROCEDURE = definition(N3);

    /** The same steps, but the key may be activated as soon as the DCC is notified, before confirmation. */
    static final Procedure<PmaDecisions> WITHOUT_CONFIRMATION = definition(N2);

    private static Procedure<PmaDecisions> definition(StepId activationAfter) {
        return Procedure.<PmaDecisions>named("NOTIFY_AND_RECOVER")
                .pre(N1, "Compromise detected", SUBSCRIBER, DCC)
                .pre(N2, "DCC notified", SUBSCRIBER)
                .after(N1)
                .exec(N3, "Compromise confirmed", DCC)
                .after(N2)
                .exec(R5, "Recovery Private Key activated", DCC)
                .after(activationAfter)
                .guardedBy(DECISION_GATE)
                .exec(R6, "Command sent to Device", DCC)
                .after(R5)
                .perItem()
                .deadline("T_confirm", N2, N3, Duration.ofHours(4))
                .build();
    }

    static final Invariant CONFIRMED_FIRST = Invariant.of(
            RuleId.of("REC-14"),
            "the Recovery Private Key is activated only after the compromise is confirmed",
            done -> !done.contains(R5) || done.contains(N3));

    private RunAProcedure() {}

    /** Runs the example; the argument is the journal file to create, {@code notify.journal} by default. */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "notify.journal");
        if (Files.exists(file)) {
            System.err.println(file + " already exists; name a new journal file");
            System.exit(2);
        }
        run(file, Clock.systemUTC(), System.out);
    }

    static void run(Path file, Clock clock, PrintStream out) {
        PmaDecisions decisions = new PmaDecisions();
        try (ProcedureRun<PmaDecisions> run = ProcedureRun.start(PROCEDURE, Journal.file(file), clock, decisions)) {
            print(out, run.attempt(N2, SUBSCRIBER)); // refused: N1 comes first
            print(out, run.attempt(N1, DCC));
            print(out, run.attempt(N2, SUBSCRIBER, Payload.of("file", "OCNF-17"))); // journalled with {file=OCNF-17}
            print(out, run.attempt(N3, DCC));
            print(out, run.attempt(R5, DCC)); // refused by REC-1: no decision yet
            decisions.requireRecoveryKey();
            print(out, run.attempt(R5, DCC));
            run.attemptAll(List.of( // one force to disk for the whole batch
                            Attempt.ofItem(R6, "00-DB-12-34-56-78-90-A0", DCC, Payload.none()),
                            Attempt.ofItem(R6, "00-DB-12-34-56-78-90-A1", DCC, Payload.none())))
                    .forEach(outcome -> print(out, outcome));
            out.println("complete: " + run.isComplete() + ", deadlines missed: " + run.breachedDeadlines());
            out.println("head: " + run.head());
        }
        out.println(OrderingAnalysis.explore(PROCEDURE, List.of(CONFIRMED_FIRST)));
        out.println(OrderingAnalysis.explore(WITHOUT_CONFIRMATION, List.of(CONFIRMED_FIRST)));
    }

    private static void print(PrintStream out, Outcome outcome) {
        out.println("#" + outcome.sequence() + " "
                + outcome.refusal().map(r -> "refused: " + r.message()).orElse("accepted"));
    }
}
