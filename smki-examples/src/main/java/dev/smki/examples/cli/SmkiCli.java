package dev.smki.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code smki} command line: one entry point whose subcommands lint certificates, create a test PKI,
 * rehearse recovery procedures and more.
 *
 * <p>Exit codes are shared by every subcommand: {@value ExitCodes#OK} success, {@value ExitCodes#FINDINGS}
 * findings or a refused action, {@value ExitCodes#USAGE} bad usage or unreadable input (one line on stderr),
 * {@value ExitCodes#INTERNAL} an internal error.
 */
@Command(
        name = "smki",
        mixinStandardHelpOptions = true,
        versionProvider = SmkiCli.Version.class,
        description = "Simulates GB smart-metering SMKI: certificate policies, a test PKI and recovery procedures.",
        subcommands = {
            CommandLine.HelpCommand.class,
            LintCommand.class,
            PkiCommand.class,
            OifCommand.class,
            JournalCommand.class,
            PlanCommand.class,
            RehearseCommand.class,
            AnalyzeCommand.class,
            BenchCommand.class,
            GbcsCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 findings or a refused action, 2 bad usage or unreadable input, 3 internal error."
        })
public final class SmkiCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty(ProgressLines.ENABLED) == null) {
            System.setProperty(ProgressLines.ENABLED, "true"); // this process's standard error is the user's
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given arguments, writing to {@code out} and {@code err} (control characters
     * from input files shown as {@code ?}, see {@link PrintableWriter}), and returns its exit code without exiting
     * the JVM.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SmkiCli());
        commandLine.setOut(new PrintWriter(new PrintableWriter(out), true));
        commandLine.setErr(new PrintWriter(new PrintableWriter(err), true));
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setParameterExceptionHandler(new Failures());
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SmkiCli.class.getPackage().getImplementationVersion();
            return new String[] {"smki " + (version == null ? "(development build)" : version)};
        }
    }
}
