package dev.smki.examples.cli;

import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanException;
import dev.smki.recovery.plan.PlanProblem;
import dev.smki.recovery.plan.PlanProcedures;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code smki plan} command group: writes and checks exercise plans. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Writes and checks exercise plans: the YAML files 'smki rehearse --plan' and"
                + " 'smki analyze --plan' read.",
        subcommands = {PlanCommand.Init.class, PlanCommand.Check.class})
final class PlanCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** {@code smki plan init [SCENARIO] [--expand]}: prints a built-in plan, every default written out. */
    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Prints a commented exercise plan with every default written out: the built-in plan of SCENARIO"
                        + " (contingency by default). Redirect it to a file, edit it, check it with 'smki plan"
                        + " check'.",
                "'smki rehearse --list' says what each scenario rehearses."
            },
            footer = {"", "Exit codes: 0 printed, 2 an unknown scenario."})
    static final class Init implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "SCENARIO",
                completionCandidates = RehearseCommand.Scenarios.class,
                description = "The built-in plan to print: ${COMPLETION-CANDIDATES}.")
        private String scenario;

        @Option(
                names = "--expand",
                description = "Also write the procedure's full step list (id, actor, after, title, source,"
                        + " confidence), so that its order can be changed.")
        private boolean expand;

        @Override
        public Integer call() {
            String name = scenario == null ? ExercisePlan.BUILT_IN.get(0) : scenario;
            ExercisePlan plan = PlanFiles.builtIn(name);
            PrintWriter out = spec.commandLine().getOut();
            out.print(expand ? plan.toExpandedYaml() : ExercisePlan.builtInText(plan.name()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code smki plan check FILE}: reports every problem of a plan with its line and column. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Checks an exercise plan: prints FILE:LINE:COLUMN: MESSAGE on stderr for each problem.",
            footer = {"", "Exit codes: 0 the plan can be rehearsed, 2 it cannot (each problem on stderr)."})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The plan to check.")
        private Path file;

        @Override
        public Integer call() {
            String text = new String(CliFiles.read(file, CliFiles.MAX_SMALL_INPUT), StandardCharsets.UTF_8);
            ExercisePlan plan;
            try {
                plan = ExercisePlan.parse(text, file.toString());
            } catch (PlanException e) {
                PrintWriter err = spec.commandLine().getErr();
                for (PlanProblem problem : e.problems()) {
                    err.println(problem);
                }
                err.flush();
                return ExitCodes.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": plan " + plan.name() + " can be rehearsed: procedure "
                    + PlanProcedures.procedure(plan).name() + ", "
                    + PlanProcedures.procedure(plan).steps().size()
                    + " steps, " + plan.custody().attendance().size() + " attendances, "
                    + plan.events().size()
                    + " injected events");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
