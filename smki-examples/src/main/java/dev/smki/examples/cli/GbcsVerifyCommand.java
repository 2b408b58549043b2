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
        footer = {
            "",
            "Exit codes: 0 valid, 1 invalid or no signature (also when the payload is malformed: the signature is"
                    + " found from the Grouping Header's Content Length), 2 bad usage, an unreadable file, a"
                    + " malformed Grouping Header or signature, or a valid signature over a malformed payload."
        })
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
        GbcsMessage message = GbcsFiles.parsed(file, GbcsMessage::read);
        String payloadProblem = null;
        try {
            Cs02bMessages.decode(bytes, Trace.NONE);
        } catch (GbcsFormatException e) {
            payloadProblem = e.getMessage();
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
        if (payloadProblem != null) {
            out.printf("  and the payload is malformed at %s%n", payloadProblem);
            out.flush();
            if (valid) {
                throw new UserInputException(
                        file + ": the signature verifies but the payload is malformed at " + payloadProblem);
            }
        }
        return valid ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
