package dev.smki.examples.cli;

import dev.smki.core.device.AcceptanceRule;
import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.ReplacementOutcome;
import dev.smki.core.device.UpdateSecurityCredentialsResponse;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsReader;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.gbcs.Trace;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.TestPki;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code smki gbcs check} command: would the test PKI's Device named in a CS02b command accept it, and what
 * would it answer?
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Reads the GBCS CS02b command in FILE (hex text or binary) and gives it to a simulated Device of the"
                    + " test PKI in DIR: the Device the command names as recipient, new (its cells filled from the"
                    + " PKI's Root OCA and standard Organisation Certificates, every sequence-number floor 0). The"
                    + " Device applies the DEV rules in order; prints the cells replaced, or the rule that refused"
                    + " the command and its GBCS status code, and the Device's signed CS02b response as hex text."
        },
        footer = {
            "",
            "Exit codes: 0 accepted, 1 refused (the DEV rule and the GBCS status are printed; a command whose header"
                    + " names its Device but whose body is malformed is refused under DEV-1), 2 bad usage, an"
                    + " unreadable PKI or a header that cannot be read (the offset and the field are named)."
        })
final class GbcsCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pki", required = true, paramLabel = "DIR", description = "The test PKI directory.")
    private Path dir;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "The Device's clock: a date (its start, UTC) or an instant such as 2026-01-01T12:00:00Z"
                    + " (default: the PKI's clock, 2026-01-01T00:00:00Z for a seeded PKI).")
    private String at;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            defaultValue = "ESME",
            description = "The Device's type: ESME, GSME, CHF, GPF, PPMID, HCALCS (default: ${DEFAULT-VALUE}).")
    private String type;

    @Parameters(paramLabel = "FILE", description = "The command: hex text or binary.")
    private Path file;

    @Override
    public Integer call() {
        DeviceType deviceType = deviceType();
        byte[] message = GbcsFiles.message(file);
        Eui64 recipient = recipient(message);
        TestPki pki = GbcsFiles.pki(dir);
        Instant instant = at == null ? pki.clock().instant() : CliInstants.parse("--at", at);
        DeviceSettings settings = DeviceSettings.builder(pki.deviceProvisioning())
                .clock(Clock.fixed(instant, ZoneOffset.UTC))
                .build();
        Device device = Device.of(settings, recipient, deviceType, true);
        Device.Answer answer = device.answer(message);
        CommandOutcome outcome = answer.outcome();
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.isAccepted()) {
            out.printf("accepted by %s at %s%n", device, instant);
            for (ReplacementOutcome replaced : outcome.replacements()) {
                out.printf(
                        "  replaced %s: %s %s -> %s %s%n",
                        replaced.cell(),
                        replaced.existingSubjectUniqueId().map(Object::toString).orElse("(no unique id)"),
                        replaced.existingSubjectKeyId(),
                        replaced.replacingSubjectUniqueId()
                                .map(Object::toString)
                                .orElse("(no unique id)"),
                        replaced.replacingSubjectKeyId());
            }
        } else {
            AcceptanceRule rule = outcome.refusedBy().orElseThrow();
            out.printf("refused by %s at %s: %s: %s%n", device, instant, rule.id(), outcome.detail());
            out.printf("  rule %s: %s%n", rule.id(), rule.rule().statement());
            out.printf(
                    "  GBCS status code: %s (%d)%n",
                    outcome.status().gbcsName(), outcome.status().code());
        }
        if (answer.response().isEmpty()) {
            out.println("no response: the Device cannot read the command, so it answers nothing");
            out.flush();
            return ExitCodes.FINDINGS;
        }
        UpdateSecurityCredentialsResponse response = answer.response().orElseThrow();
        out.printf(
                "response: %s, counter %d, %d bytes, signed with the Device's Digital Signing key:%n",
                response.status().gbcsName(),
                response.header().originatorCounter(),
                response.message().length());
        out.print(response.toHex());
        out.flush();
        return outcome.isAccepted() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * Returns the Device the message is for, read from its Grouping Header alone: a command whose header names
     * its recipient but whose body is malformed reaches that Device, which refuses it under DEV-1.
     *
     * @throws UserInputException naming the offset and the field when not even the header can be read
     */
    private Eui64 recipient(byte[] message) {
        try {
            return GroupingHeader.read(GbcsReader.of(message), Trace.NONE)
                    .header()
                    .businessTarget();
        } catch (GbcsFormatException e) {
            throw new UserInputException(file + ": malformed at " + e.getMessage(), e);
        }
    }

    private DeviceType deviceType() {
        try {
            DeviceType parsed = DeviceType.parse(type);
            if (parsed == DeviceType.TYPE2) {
                throw new UserInputException("--type: a Type 2 device holds no trust anchor to check a command with");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--type: " + e.getMessage(), e);
        }
    }
}
