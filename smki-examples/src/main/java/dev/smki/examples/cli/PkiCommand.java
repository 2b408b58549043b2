package dev.smki.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code smki pki} command group: creates and manages a simulated SMKI test PKI on disk. */
@Command(
        name = "pki",
        mixinStandardHelpOptions = true,
        description = "Creates and manages a simulated SMKI test PKI in a directory.",
        subcommands = {PkiInitCommand.class, PkiRevokeCommand.class})
final class PkiCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
