package dev.smki.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and an exit code, never a stack trace (unless the environment
 * variable {@code SMKI_DEBUG} is set).
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + ex.getMessage());
        err.println("Try '" + qualifiedName(cmd) + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UserInputException) {
            err.println(qualifiedName(cmd) + ": " + ex.getMessage());
            debug(ex, err);
            return ExitCodes.USAGE;
        }
        err.println(
                qualifiedName(cmd) + ": internal error: " + describe(ex) + " (set SMKI_DEBUG=1 for the stack trace)");
        debug(ex, err);
        return ExitCodes.INTERNAL;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
    }

    private static void debug(Exception ex, PrintWriter err) {
        if (System.getenv("SMKI_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
