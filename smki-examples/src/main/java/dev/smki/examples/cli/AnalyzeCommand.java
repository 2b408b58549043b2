package dev.smki.examples.cli;

import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.analysis.OrderingReport;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanAnalysis;
import dev.smki.recovery.plan.PlanException;
import dev.smki.recovery.procedures.ContingencyOrders;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.procedures.SettingsException;
import dev.smki.recovery.workflow.StepId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code smki analyze} command: explores every order in which a procedure's steps may be done, and prints for each
 * order analysed whether it is safe or which invariants it breaks, with a shortest counterexample: the contingency
 * procedure's modelled order and the variants a reader of the SEC text could take (hypotheses), or the order an
 * exercise plan gives ({@code --plan}).
 */
@Command(
        name = "analyze",
        aliases = "analyse",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the step-order analysis of a procedure: its modelled order and the variants a reader of the SEC"
                    + " text could take, or the order an exercise plan gives; each safe or unsafe.",
            "Explores every order in which the steps of a procedure may be done against the REC invariants; prints"
                    + " whether each order is safe, and for an unsafe one each broken invariant with a shortest"
                    + " counterexample (the steps done, in order, that reach a state breaking it).",
            "PROCEDURE: contingency (the Root OCA compromise response: Notify, Decide, Contingency with CSR"
                    + " coordination and distribution). --plan FILE instead analyses the order a plan gives."
        },
        footer = {
            "",
            "Exit codes: contingency: 0 analysed (the unsafe variants are hypotheses the analysis shows, not"
                    + " failures); --plan: 0 the plan's order is safe, 1 some order it allows breaks an invariant;"
                    + " 2 bad usage, an unknown procedure, unusable settings or a bad plan file."
        })
final class AnalyzeCommand implements Callable<Integer> {

    /** The procedures this command analyses by name. */
    static final List<String> PROCEDURES = List.of("contingency");

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PROCEDURE",
            description = "The procedure to analyse: contingency.")
    private String procedure;

    @Option(
            names = "--plan",
            paramLabel = "FILE",
            description = "An exercise plan: analyse the order of its procedure (built-in or its own step list).")
    private Path plan;

    @Option(
            names = "--settings",
            paramLabel = "FILE",
            description = "A procedure settings properties file: the steps it omits change the orders possible.")
    private Path settings;

    @Override
    public Integer call() {
        if (plan != null) {
            if (procedure != null) {
                throw new UserInputException("give a PROCEDURE or --plan, not both");
            }
            return analysePlan();
        }
        if (procedure == null) {
            throw new UserInputException("name a PROCEDURE (" + PROCEDURES + ") or give --plan FILE");
        }
        if (!PROCEDURES.contains(procedure.toLowerCase(Locale.ROOT))) {
            throw new UserInputException("unknown procedure '" + procedure + "' (expected one of " + PROCEDURES + ")");
        }
        ProcedureSettings procedureSettings = ProcedureSettingsFile.load(settings);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Step-order analysis of the Root OCA compromise response against "
                + ContingencyOrders.invariants().stream()
                        .map(Invariant::rule)
                        .map(Object::toString)
                        .collect(Collectors.joining(", ")));
        out.println("The variants below are hypotheses, not SEC text: observations 5 and 11 of the MP173 review on the"
                + " order of the steps of SEC Appendix L §5 (Recovery using the Contingency Private Key) are unresolved"
                + " and their content is not published (MP173 Modification Report, 1 December 2021). To analyse the"
                + " order you hold to be real, write it as an exercise plan (smki plan init contingency --expand >"
                + " order.yaml, reorder the steps' 'after' lists) and run: smki analyze --plan order.yaml");
        out.println();
        List<ContingencyOrders.Result> results;
        try {
            results = ContingencyOrders.analyse(procedureSettings);
        } catch (SettingsException e) {
            throw new UserInputException(settings + ": " + e.getMessage(), e);
        }
        for (ContingencyOrders.Result result : results) {
            out.println(result.describe());
            out.println();
        }
        long unsafe = results.stream().filter(r -> !r.isSafe()).count();
        ContingencyOrders.Result modelled = results.get(0);
        out.println(results.size() + " orders: " + (results.size() - unsafe) + " safe, " + unsafe + " unsafe; the"
                + " modelled order is " + (modelled.isSafe() ? "safe" : "UNSAFE"));
        out.flush();
        return ExitCodes.OK;
    }

    private int analysePlan() {
        ExercisePlan exercisePlan = ProcedureSettingsFile.applyTo(PlanFiles.read(plan), settings);
        PlanAnalysis analysis;
        try {
            analysis = PlanAnalysis.of(exercisePlan);
        } catch (PlanException e) {
            throw new UserInputException(plan + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        OrderingReport report = analysis.report();
        out.println(
                "Step-order analysis of " + plan + " (" + analysis.procedure().name() + ", "
                        + analysis.procedure().steps().size() + " steps) against "
                        + analysis.invariants().stream()
                                .map(i -> i.rule().toString())
                                .distinct()
                                .collect(Collectors.joining(", ")));
        out.println(report.statesExplored() + " states explored"
                + (report.exhaustive() ? "" : " (state limit reached: not every order was explored)"));
        if (analysis.isSafe()) {
            out.println("SAFE: no order the plan allows breaks an invariant");
            out.flush();
            return ExitCodes.OK;
        }
        if (report.unsafeStates().isEmpty()) {
            out.println("NOT PROVEN SAFE: the state limit was reached before every order was explored");
            out.flush();
            return ExitCodes.FINDINGS;
        }
        OrderingReport.UnsafeState shortest = analysis.shortestCounterexample().orElseThrow();
        out.println("UNSAFE: an order the plan allows breaks "
                + report.violatedRules().stream().map(Object::toString).collect(Collectors.joining(", ")));
        for (Invariant broken : shortest.violated()) {
            out.println("  " + broken.rule() + " " + broken.description());
        }
        out.println("  shortest counterexample (" + shortest.ordering().size() + " steps): "
                + shortest.ordering().stream().map(StepId::value).collect(Collectors.joining(", ")));
        out.flush();
        return ExitCodes.FINDINGS;
    }
}
