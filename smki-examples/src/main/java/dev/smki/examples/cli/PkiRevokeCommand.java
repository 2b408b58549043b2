package dev.smki.examples.cli;

import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.revocation.CrlReason;
import dev.smki.core.revocation.ListSigner;
import dev.smki.core.revocation.RegisteredCertificate;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationDirectory;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.RevocationRequest;
import dev.smki.core.revocation.RevocationStep;
import dev.smki.core.revocation.Revocations;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code smki pki revoke} command: asks for the revocation of one certificate of a test PKI directory under
 * the Appendix D §8 rules, and on revocation updates the registry and rewrites the Organisation CRL or the ARL.
 */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = {
            "Asks, as ACTOR, for the revocation of the certificate SERIAL of the test PKI in DIR (written by"
                    + " 'smki pki init'), under the SEC Appendix D 8 rules as reconstructed (REV-1 to REV-9)."
                    + " On revocation it updates DIR/repository/certificates.tsv and rewrites DIR/crl/organisation.crl"
                    + " (Organisation Certificates, signed by the Issuing OCA) or DIR/crl/authority.arl (OCA"
                    + " certificates, signed by the Root OCA), PEM.",
            "ACTOR: aro:PARTY (an Authorised Responsible Officer of PARTY, such as aro:supplier), aro:NAME@PARTY,"
                    + " dcc (the DCC on its own initiative), smki-pma (the SMKI PMA by direction), pma-member:NAME,"
                    + " other:NAME.",
            "REASON: key-compromise, incorrect-data, no-longer-eligible, no-longer-needed, superseded, or an RFC"
                    + " 5280 name (keyCompromise, superseded, ...)."
        },
        footer = {
            "",
            "Exit codes: 0 revoked, 1 refused (the rule is printed), 2 bad usage, unknown serial or unreadable"
                    + " directory."
        })
final class PkiRevokeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pki", required = true, paramLabel = "DIR", description = "The test PKI directory.")
    private Path dir;

    @Option(
            names = "--serial",
            required = true,
            paramLabel = "HEX",
            description = "Serial number of the certificate, in hex (as 'openssl x509 -noout -serial' prints it).")
    private String serial;

    @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Why.")
    private String reason;

    @Option(names = "--requested-by", required = true, paramLabel = "ACTOR", description = "Who asks.")
    private String requestedBy;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description = "When the request is handled: a date (its start, UTC) or an instant such as"
                    + " 2026-01-02T09:00:00Z (default: now). Fixes the revocation date and the list's thisUpdate.")
    private String asOf;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Revocation policy properties (who may request, whether Device Certificates are"
                    + " revocable, reason codes, nextUpdate interval); default: the reconstructed defaults.")
    private Path policyFile;

    @Override
    public Integer call() {
        BigInteger serialNumber = serial();
        RevocationPolicy policy = policy();
        RevocationReason why = reason(policy);
        Requester requester = requester();
        Instant given = asOf == null ? null : listable(instant(), policy);
        PrintWriter out = spec.commandLine().getOut();
        try (RevocationDirectory directory = openForUpdate()) {
            // Without --as-of the request is handled now: read under the directory's lock, so a revocation that
            // waited for another one is dated after the list that one published.
            Instant handled = given != null ? given : listable(Instant.now(), policy);
            Clock clock = Clock.fixed(handled, ZoneOffset.UTC);
            directory.repairs().forEach(repair -> out.println("Repaired: " + repair));
            return revoke(directory, policy, why, requester, clock, serialNumber, out);
        } finally {
            out.flush();
        }
    }

    /** Opens the directory for a change: locked, and repaired from its revocation log if a crash left it behind. */
    private RevocationDirectory openForUpdate() {
        try {
            return TestPkiDirectory.openRevocationsForUpdate(dir);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserInputException("--pki: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserInputException("--pki: " + e.getMessage() + ": " + CliFiles.describe(dir, e.getCause()), e);
        }
    }

    private int revoke(
            RevocationDirectory directory,
            RevocationPolicy policy,
            RevocationReason why,
            Requester requester,
            Clock clock,
            BigInteger serialNumber,
            PrintWriter out) {
        Revocations revocations;
        try {
            revocations = directory.revocations(policy, clock);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--pki: " + e.getMessage(), e);
        }
        if (directory.registry().find(serialNumber).isEmpty()) {
            throw new UserInputException("--serial: no certificate with serial "
                    + serialNumber.toString(16).toUpperCase(Locale.ROOT) + " is in "
                    + dir.resolve(RevocationDirectory.REGISTRY) + " or the PKI in " + dir);
        }
        Instant now = clock.instant();
        directory
                .issuerOf(directory.registry().require(serialNumber))
                .flatMap(signer -> directory.list(signer.kind()))
                .filter(list -> list.thisUpdate().isAfter(now))
                .ifPresent(list -> {
                    throw new UserInputException("--as-of: " + now + " is before the thisUpdate " + list.thisUpdate()
                            + " of the list already published (CRL number " + list.number() + ")");
                });
        RevocationOutcome outcome = revocations.submit(RevocationRequest.of(serialNumber, why, requester));
        List<Path> written = List.of();
        if (outcome.isRevoked()) {
            // Published and committed before anything is printed: a failure here leaves nothing changed.
            try {
                written = directory.publish(revocations, List.of(outcome.certificate()));
            } catch (UncheckedIOException e) {
                throw new UserInputException(
                        "--pki: cannot write to " + dir + ": " + e.getCause().getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--as-of: " + e.getMessage() + "; nothing was revoked or written", e);
            }
        }
        out.printf("%s: %s%n", outcome.request(), outcome.certificate());
        for (RevocationStep step : outcome.steps()) {
            out.printf(
                    "  %-7s %-6s %s %s%n",
                    step.stage(), step.rule().id(), step.passed() ? "ok    " : "FAILED", step.detail());
        }
        if (!outcome.isRevoked()) {
            out.printf(
                    "%s%n    rule: %s: %s%n",
                    outcome.summary(), outcome.rule().citation(), outcome.rule().statement());
            out.println("Nothing was changed.");
            return ExitCodes.FINDINGS;
        }
        RegisteredCertificate revoked = outcome.certificate();
        out.printf(
                "Revoked %s at %s (%s, published as %s)%n",
                revoked.serialHex(),
                revoked.revocation().orElseThrow().revokedAt(),
                why.slug(),
                revoked.revocation().orElseThrow().crlReason());
        out.printf("  wrote %s%n", written.get(0));
        ListSigner signer = directory.issuerOf(revoked).orElse(null);
        for (Path file : written.subList(1, written.size())) {
            RevocationList list = RevocationList.read(file);
            out.printf(
                    "  wrote %s: CRL number %s, %d entr%s, thisUpdate %s, nextUpdate %s, signed by %s%n",
                    file,
                    list.number(),
                    list.entries().size(),
                    list.entries().size() == 1 ? "y" : "ies",
                    list.thisUpdate(),
                    list.nextUpdate().map(Instant::toString).orElse("-"),
                    signer == null ? list.issuer() : "the " + signer.kind().displayName());
            if (signer != null) {
                out.printf(
                        "Check it: openssl crl -in %s -noout -text -verify -CAfile %s%n",
                        file, dir.resolve(fileStem(signer) + ".pem"));
            }
        }
        if (written.size() == 1) {
            out.println("  no list covers this certificate's issuer in this directory");
        }
        return ExitCodes.OK;
    }

    /** The latest instant a list's nextUpdate can encode (GeneralizedTime has four-digit years). */
    private static final Instant LAST_ENCODABLE = Instant.parse("9999-12-31T23:59:59Z");

    /** The earliest instant a list's thisUpdate can encode as RFC 5280 asks (UTCTime from 1950). */
    private static final Instant FIRST_ENCODABLE = Instant.parse("1950-01-01T00:00:00Z");

    /** Returns {@code asOf} when a list dated then, with its nextUpdate, can be encoded; refuses it otherwise. */
    private static Instant listable(Instant asOf, RevocationPolicy policy) {
        if (asOf.isBefore(FIRST_ENCODABLE)) {
            throw new UserInputException(
                    "--as-of: " + asOf + " is before 1950, when list dates begin (RFC 5280" + " UTCTime)");
        }
        if (Duration.between(asOf, LAST_ENCODABLE).compareTo(policy.nextUpdateInterval()) < 0) {
            throw new UserInputException("--as-of: " + asOf + " leaves no room for the list's nextUpdate ("
                    + policy.nextUpdateInterval() + " later, after " + LAST_ENCODABLE + ")");
        }
        return asOf;
    }

    private static String fileStem(ListSigner ca) {
        return TestPkiDirectory.caFileStem(ca.kind());
    }

    private BigInteger serial() {
        String text = serial.trim();
        if (text.regionMatches(true, 0, "serial=", 0, 7)) {
            text = text.substring(7);
        }
        if (text.regionMatches(true, 0, "0x", 0, 2)) {
            text = text.substring(2);
        }
        text = text.replace(":", "");
        if (!text.matches("[0-9A-Fa-f]{1,80}")) {
            throw new UserInputException("--serial: '" + serial + "' is not a hex serial number");
        }
        return new BigInteger(text, 16);
    }

    private RevocationPolicy policy() {
        if (policyFile == null) {
            return RevocationPolicy.defaults();
        }
        try {
            CliFiles.requireRegular(policyFile, CliFiles.MAX_SMALL_INPUT);
        } catch (UserInputException e) {
            throw new UserInputException("--policy: " + e.getMessage(), e);
        }
        try {
            return RevocationPolicy.load(policyFile);
        } catch (UncheckedIOException e) {
            throw new UserInputException(
                    "--policy: cannot read " + policyFile + ": " + CliFiles.describe(policyFile, e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--policy: " + e.getMessage(), e);
        }
    }

    private RevocationReason reason(RevocationPolicy policy) {
        try {
            return RevocationReason.parse(reason);
        } catch (IllegalArgumentException notSmki) {
            try {
                CrlReason code = CrlReason.parse(reason);
                return policy.certificateReasonOf(code)
                        .orElseThrow(() -> new UserInputException("--reason: no SMKI reason publishes as " + code
                                + "; use one of key-compromise, incorrect-data, no-longer-eligible, no-longer-needed,"
                                + " superseded"));
            } catch (IllegalArgumentException notRfc) {
                throw new UserInputException("--reason: " + notSmki.getMessage(), notSmki);
            }
        }
    }

    private Requester requester() {
        try {
            return Requester.parse(requestedBy);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--requested-by: " + e.getMessage(), e);
        }
    }

    private Instant instant() {
        return CliInstants.parse("--as-of", asOf);
    }
}
