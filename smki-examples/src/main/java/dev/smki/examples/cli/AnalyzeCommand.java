package dev.smki.examples.cli;

import dev.smki.recovery.procedures.ContingencyOrders;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.workflow.Invariant;
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
 * The {@code smki analyze} command: explores every order in which a procedure's steps may be done, in the modelled
 * definition and in the variants a reader of the SEC text could take, and prints for each whether it is safe or
 * which invariants it breaks, with a shortest counterexample.
 */
@Command(
        name = "analyze",
        aliases = "analyse",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the step-order analysis of a procedure: its modelled order and the variants a reader of the SEC"
                    + " text could take, each safe or unsafe.",
            "Explores every order in which the steps of a procedure may be done, in the modelled order and in the"
                    + " orders a reader of the SEC text could take, against the REC invariants; prints for each"
                    + " order whether it is safe, and for an unsafe one each broken invariant with a shortest"
                    + " counterexample (the steps done, in order, that reach a state breaking it).",
            "PROCEDURE: contingency (the Root OCA compromise response: Notify, Decide, Contingency with CSR"
                    + " coordination and distribution)."
        },
        footer = {
            "",
            "Exit codes: 0 analysed (the unsafe variants are findings of the analysis, not failures), 2 bad usage,"
                    + " an unknown procedure or unusable settings."
        })
final class AnalyzeCommand implements Callable<Integer> {

    /** The procedures this command analyses. */
    static final List<String> PROCEDURES = List.of("contingency");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROCEDURE", description = "The procedure to analyse: contingency.")
    private String procedure;

    @Option(
            names = "--settings",
            paramLabel = "FILE",
            description = "A procedure settings properties file: the steps it omits change the orders possible.")
    private Path settings;

    @Override
    public Integer call() {
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
        out.println();
        List<ContingencyOrders.Result> results;
        try {
            results = ContingencyOrders.analyse(procedureSettings);
        } catch (IllegalArgumentException e) {
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
}
