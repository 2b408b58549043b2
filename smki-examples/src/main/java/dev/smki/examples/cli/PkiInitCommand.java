package dev.smki.examples.cli;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.revocation.RevocationDirectory;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code smki pki init} command: issues a test PKI (CAs, contingency material, the standard Organisation
 * Certificates and some Device Certificates) and writes it to a directory.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Issues a simulated SMKI test PKI and writes it to DIR: root-oca.pem, issuing-oca.pem, root-dca.pem,"
                    + " issuing-dca.pem, org/<role>-<ds|ka|ka-topup>.pem, devices/<eui64>-<ds|ka>.pem (each"
                    + " certificate with its private key in <name>.key), pki.p12, secret/ (the contingency"
                    + " material) and manifest.properties.",
            "Every certificate conforms to its SMKI profile. With --seed the output is byte-identical on every run."
        },
        footer = {"", "Exit codes: 0 written, 2 bad usage or DIR not empty (without --force) or not writable."})
final class PkiInitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the PKI to.")
    private Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Make every key, serial and file a pure function of N (default: random keys).")
    private Long seed;

    @Option(
            names = "--devices",
            paramLabel = "N",
            defaultValue = "2",
            description = "Simulated Devices given DS and KA certificates, from 02-53-4D-4B-49-80-00-00 up"
                    + " (default: ${DEFAULT-VALUE}).")
    private int devices;

    @Option(
            names = "--env",
            paramLabel = "NAME|FILE",
            defaultValue = "sim",
            description = "SMKI environment whose OIDs to issue: sim, dcc-test or a properties file"
                    + " (default: ${DEFAULT-VALUE}).")
    private String environment;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "Password of pki.p12 (default: " + TestPkiDirectory.DEFAULT_PASSWORD + ").")
    private String password;

    @Option(names = "--force", description = "Replace the test PKI in a DIR that is not empty.")
    private boolean force;

    @Option(
            names = "--no-secrets",
            description = "Write the certificates only: no private key, no pki.p12, no secret/ and no seed in the"
                    + " manifest (such a directory cannot be read back as a test PKI).")
    private boolean noSecrets;

    @Override
    public Integer call() {
        if (noSecrets && password != null) {
            throw new UserInputException("--password: there is no pki.p12 to protect with --no-secrets");
        }
        char[] secret = (password == null ? TestPkiDirectory.DEFAULT_PASSWORD : password).toCharArray();
        if (secret.length == 0) {
            throw new UserInputException("--password: the password of pki.p12 must not be empty");
        }
        SmkiEnvironment env = environment();
        List<Eui64> deviceIds = deviceIds();
        checkDirectory();
        TestPki.Builder builder = TestPki.builder().environment(env);
        if (seed != null) {
            builder.seed(seed);
        }
        TestPki pki = builder.build();
        try {
            // Checked again under the directory's lock, so that two inits cannot both find it empty.
            if (noSecrets) {
                TestPkiDirectory.writeCertificates(
                        pki, out, deviceIds, RevocationDirectory.stateFiles(), this::checkDirectoryLocked);
            } else {
                TestPkiDirectory.write(
                        pki, out, deviceIds, secret, RevocationDirectory.stateFiles(), this::checkDirectoryLocked);
            }
        } catch (UncheckedIOException e) {
            throw new UserInputException("--out: cannot write " + out + ": " + CliFiles.describe(out, e.getCause()), e);
        } catch (IllegalStateException e) {
            throw new UserInputException("--out: " + e.getMessage(), e);
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(
                "Wrote a test PKI to %s (environment %s, %s)%n",
                out, env.name(), seed == null ? "random keys" : "seed " + seed);
        printer.printf(
                "  4 CA certificates, %d Organisation Certificates, %d Device Certificates (%d devices)%n",
                pki.organisationCertificates().size(), 2 * deviceIds.size(), deviceIds.size());
        if (noSecrets) {
            printer.printf("  no private key, no pki.p12, no secret/ and no seed: certificates only%n");
        } else {
            printer.printf(
                    "  %s: every certificate and key (password %s)%n",
                    out.resolve("pki.p12"),
                    password == null ? TestPkiDirectory.DEFAULT_PASSWORD : "as given with --password");
            printer.printf(
                    "  %s: the contingency private key and Symmetric Key; keep them apart%n", out.resolve("secret"));
        }
        printer.printf(
                "Check it: ./smki lint --env %s %s %s %s%n",
                env.name(),
                out.resolve("*.pem"),
                out.resolve("org").resolve("*.pem"),
                out.resolve("devices").resolve("*.pem"));
        printer.flush();
        return ExitCodes.OK;
    }

    private SmkiEnvironment environment() {
        return CliFiles.environment(environment);
    }

    private List<Eui64> deviceIds() {
        long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
        if (devices < 0 || devices > capacity) {
            throw new UserInputException("--devices: expected 0 to " + capacity + ", got " + devices);
        }
        List<Eui64> ids = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            ids.add(SimulatedEui64s.device(i));
        }
        return ids;
    }

    /** Refuses an --out that is not a directory, or one holding files without --force; creates nothing. */
    private void checkDirectory() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out: " + out + " exists and is not a directory");
        }
        if (Files.isDirectory(out)) {
            checkDirectoryLocked();
        }
    }

    private void checkDirectoryLocked() {
        boolean empty;
        try {
            empty = TestPkiDirectory.isEmpty(out);
        } catch (UncheckedIOException e) {
            throw new UserInputException("--out: cannot read " + out + ": " + CliFiles.describe(out, e.getCause()), e);
        }
        if (!empty && !force) {
            throw new UserInputException("--out: " + out + " is not empty; use --force to replace the test PKI in it");
        }
    }
}
