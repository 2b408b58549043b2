package dev.smki.examples.cli;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.SignedCommand;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code smki gbcs build} command: writes a CS02b command signed with a test PKI's Recovery or contingency
 * key for one Device.
 */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the GBCS CS02b Update Security Credentials command a Device receives from the test PKI in DIR"
                    + " (written by 'smki pki init'): anyExceptAbnormalRootByRecovery (0x0108) signed with the"
                    + " Recovery key (org/recovery-ds.key), or anyByContingency (0x0109) signed with the"
                    + " contingency key and carrying the contingency Symmetric Key (secret/), addressed to the"
                    + " Device EUI64, and writes it to FILE as hex text.",
            "Without --replace it replaces the Supplier's cells (supplier-ds, supplier-ka, supplier-ka-topup)"
                    + " with fresh test certificates issued by the PKI's Issuing OCA (their keys are not kept)."
                    + " The Issuing OCA is the certification path unless --path is given."
        },
        footer = {"", "Exit codes: 0 written, 2 bad usage, an unreadable PKI or certificate, or FILE exists."})
final class GbcsBuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pki", required = true, paramLabel = "DIR", description = "The test PKI directory.")
    private Path dir;

    @Option(
            names = "--mode",
            required = true,
            paramLabel = "MODE",
            description = "recovery (anyExceptAbnormalRootByRecovery) or contingency (anyByContingency).")
    private String mode;

    @Option(names = "--device", required = true, paramLabel = "EUI64", description = "The Device's EUI-64.")
    private String device;

    @Option(
            names = "--replace",
            paramLabel = "CELL=CERT.pem",
            description = "Replace CELL (root, recovery-ds, supplier-ds, supplier-ka-topup, ...) by the certificate"
                    + " in CERT.pem (PEM or DER, copied as it is); may be repeated.")
    private List<String> replacements = new ArrayList<>();

    @Option(
            names = "--path",
            paramLabel = "CERT.pem",
            description = "A certification-path certificate (default: the PKI's Issuing OCA when a party's cell is"
                    + " replaced); may be repeated.")
    private List<Path> path = new ArrayList<>();

    @Option(
            names = "--counter",
            paramLabel = "N",
            defaultValue = "1",
            description = "The Originator Counter and authorising sequence number; a Device takes it above its"
                    + " floor, 0 on a new Device (default: ${DEFAULT-VALUE}).")
    private long counter;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the hex text.")
    private Path out;

    @Override
    public Integer call() {
        CredentialsReplacementMode chosen = mode();
        Eui64 recipient = recipient();
        if (counter < 0) {
            throw new UserInputException("--counter: " + counter + " is negative");
        }
        if (Files.exists(out)) {
            throw new UserInputException("--out " + out + ": exists; choose another file (nothing was written)");
        }
        TestPki pki = GbcsFiles.pki(dir);
        UpdateSecurityCredentials.Builder builder =
                UpdateSecurityCredentials.builder(chosen).sequenceNumber(counter);
        Authoriser authoriser;
        if (chosen.isContingency()) {
            builder.symmetricKey(pki.contingency().symmetricKey());
            authoriser = pki.contingencyAuthoriser();
        } else {
            try {
                IssuedCertificate recovery =
                        pki.organisationCertificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);
                authoriser = Authoriser.of(recovery.parsed(), SigningKey.of(recovery));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--pki " + dir + ": " + e.getMessage(), e);
            }
        }
        List<TrustAnchorCellId> cells = new ArrayList<>();
        if (replacements.isEmpty()) {
            for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
                if (credential.role() == RemotePartyRole.SUPPLIER) {
                    IssuedCertificate fresh = pki.newOrganisationCertificate()
                            .credential(credential)
                            .issue();
                    TrustAnchorCellId cell = credential.cell();
                    builder.replace(cell, fresh.parsed());
                    cells.add(cell);
                }
            }
        } else {
            for (String replacement : replacements) {
                int equals = replacement.indexOf('=');
                if (equals < 0) {
                    throw new UserInputException("--replace: '" + replacement + "' is not CELL=CERT.pem");
                }
                TrustAnchorCellId cell;
                try {
                    cell = TrustAnchorCellId.parse(replacement.substring(0, equals));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--replace: " + e.getMessage(), e);
                }
                Path file = Path.of(replacement.substring(equals + 1));
                builder.replace(
                        cell, GbcsFiles.certificateOrKey("--replace", file).der());
                cells.add(cell);
            }
        }
        if (path.isEmpty()) {
            if (cells.stream().anyMatch(cell -> !cell.isRoot())) {
                builder.pathCertificate(pki.issuingOca().parsed());
            }
        } else {
            path.forEach(file -> builder.pathCertificate(
                    GbcsFiles.certificateOrKey("--path", file).der()));
        }
        SignedCommand command = builder.build().sign(authoriser, recipient);
        write(command.toHex());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "wrote %s: CS02b %s (0x%04X) from %s to %s, counter %d, replacing %s; %d bytes%n",
                out,
                chosen.gbcsName(),
                chosen.messageCode(),
                command.originator(),
                recipient,
                counter,
                cells,
                command.message().length());
        return ExitCodes.OK;
    }

    private CredentialsReplacementMode mode() {
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "recovery" -> CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY;
            case "contingency" -> CredentialsReplacementMode.ANY_BY_CONTINGENCY;
            default -> throw new UserInputException("--mode: '" + mode + "' is not recovery or contingency");
        };
    }

    private Eui64 recipient() {
        try {
            return Eui64.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--device: " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to a new file beside {@link #out} and moves it into place, never over a file. */
    private void write(String text) {
        Path target = out.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target);
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("--out " + out + ": exists; choose another file (nothing was written)", e);
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": cannot write: " + CliFiles.describe(out, e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Nothing more to do: the temporary file is hidden and named after the target.
                }
            }
        }
    }
}
