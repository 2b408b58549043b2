package dev.smki.examples.cli;

import dev.smki.core.device.Cs02bMessages;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.Trace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code smki gbcs verify} command: checks a GBCS message's signature with a certificate's key. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Reads the GBCS message in FILE (hex text or binary) and checks its signature (the KRP Signature of a"
                    + " command, the Device's of a response: ECDSA P-256/SHA-256, r || s, over the Grouping Header"
                    + " after its first octet and the payload) with the public key of --signer: a certificate, or"
                    + " a PUBLIC KEY such as the test PKI's secret/contingency-public-key.pem."
        },
        footer = {"", "Exit codes: 0 valid, 1 invalid or no signature, 2 bad usage, unreadable or malformed input."})
final class GbcsVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--signer",
            required = true,
            paramLabel = "CERT.pem",
            description = "The signer's certificate or public key, PEM or DER.")
    private Path signerFile;

    @Parameters(paramLabel = "FILE", description = "The message: hex text or binary.")
    private Path file;

    @Override
    public Integer call() {
        GbcsFiles.Signer signer = GbcsFiles.certificateOrKey("--signer", signerFile);
        byte[] bytes = GbcsFiles.message(file);
        GbcsMessage message;
        try {
            message = Cs02bMessages.decode(bytes, Trace.NONE).message();
        } catch (GbcsFormatException e) {
            throw new UserInputException(file + ": malformed at " + e.getMessage(), e);
        }
        boolean valid;
        try {
            valid = message.verifies(signer.publicKey());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--signer " + signerFile + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        String what = String.format(
                Locale.ROOT,
                "%s 0x%04X from %s to %s, counter %d",
                message.header().craFlag(),
                message.header().messageCode(),
                message.header().businessOriginator(),
                message.header().businessTarget(),
                message.header().originatorCounter());
        if (message.signature().isEmpty()) {
            out.printf("invalid: %s carries no signature%n", what);
            return ExitCodes.FINDINGS;
        }
        out.printf(
                "%s: the signature of %s (%d signed bytes) %s with %s%n",
                valid ? "valid" : "invalid",
                what,
                message.signedLength(),
                valid ? "verifies" : "does not verify",
                signer.description());
        return valid ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
