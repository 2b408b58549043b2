package dev.smki.examples.cli;

/**
 * Thrown by a subcommand when its input cannot be used: a missing or unreadable file, a malformed value.
 * The command line prints its message as one line on stderr and exits with {@link ExitCodes#USAGE}.
 */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the problem. */
    public UserInputException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the problem, keeping its cause for debugging. */
    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
