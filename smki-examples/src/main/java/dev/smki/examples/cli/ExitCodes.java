package dev.smki.examples.cli;

/** The exit codes every {@code smki} subcommand uses. */
public final class ExitCodes {

    /** Success: nothing to report. */
    public static final int OK = 0;

    /** The command ran and found something: an ERROR finding, a refused action, a broken journal. */
    public static final int FINDINGS = 1;

    /** Bad usage or input that cannot be read; a one-line message is on stderr. */
    public static final int USAGE = 2;

    /** An internal error; a one-line message is on stderr. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
