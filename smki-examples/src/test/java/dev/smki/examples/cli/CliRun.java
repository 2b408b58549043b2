package dev.smki.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The outcome of running the command line in-process: its exit code and everything it wrote.
 *
 * @param exitCode the exit code
 * @param out what it wrote to standard output
 * @param err what it wrote to standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code smki} with the given arguments in this JVM. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true);
                PrintWriter e = new PrintWriter(err, true)) {
            code = SmkiCli.execute(o, e, args);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Returns the lines written to standard error. */
    java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
