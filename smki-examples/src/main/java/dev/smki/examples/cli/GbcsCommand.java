package dev.smki.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code smki gbcs} command group: builds, reads and checks the GBCS CS02b messages Devices receive. */
@Command(
        name = "gbcs",
        mixinStandardHelpOptions = true,
        description = "Builds, decodes, verifies and checks GBCS CS02b Update Security Credentials messages.",
        subcommands = {GbcsDecodeCommand.class, GbcsVerifyCommand.class, GbcsBuildCommand.class, GbcsCheckCommand.class
        })
final class GbcsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
