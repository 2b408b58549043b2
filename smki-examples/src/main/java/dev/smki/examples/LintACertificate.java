package dev.smki.examples;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.CertificateInput;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Lints certificates against the SMKI profiles: a Device Certificate of a seeded test PKI, checked with its issuer
 * (clean), the same certificate under the {@code dcc-test} environment's OIDs (two findings), input that is not a
 * certificate ({@code CERT-0}), and the PEM or DER files given as arguments, under {@code dcc-test}.
 */
public final class LintACertificate {

    private LintACertificate() {}

    /** Runs the example; the arguments are PEM or DER files to lint under {@code dcc-test} as well. */
    public static void main(String[] args) throws IOException {
        run(Arrays.stream(args).map(Path::of).toList(), System.out);
    }

    static void run(List<Path> files, PrintStream out) throws IOException {
        TestPki pki = TestPki.seeded(7);
        X509CertificateHolder certificate = pki.deviceCertificate(
                        Eui64.parse("02-53-4D-4B-49-80-00-00"), CertificateUsage.KEY_AGREEMENT)
                .certificate();
        X509CertificateHolder issuingCaCertificate = pki.issuingDca().certificate();

        ValidationContext ctx = ValidationContext.builder(SmkiEnvironment.SIM, Instant.parse("2026-06-01T00:00:00Z"))
                .issuer(issuingCaCertificate) // an X509CertificateHolder
                .build();
        ValidationReport report = CertificateValidator.validate(certificate, ctx); // profile detected
        print(out, report); // report.result() is OK, WARNINGS or ERRORS; report.toJson() its JSON form

        // What the certificate says, parsed once: kind, EUI-64, key usage, key identifiers, policies, validity.
        SmkiCertificate parsed = SmkiCertificate.of(certificate);
        out.println(parsed.kind() + " " + parsed.eui64().orElseThrow() + " "
                + parsed.endEntityKeyUsage().orElseThrow() + ", issuer key "
                + parsed.authorityKeyIdentifier().orElseThrow());

        // The same certificate under the DCC test environment: its sim policy and hwType OIDs are findings.
        ValidationContext dccTest = ValidationContext.builder(
                        SmkiEnvironment.DCC_TEST, Instant.parse("2026-06-01T00:00:00Z"))
                .issuer(issuingCaCertificate)
                .build();
        print(out, CertificateValidator.validate(certificate, dccTest));

        byte[] pemOrDerBytes = "not a certificate".getBytes(StandardCharsets.US_ASCII);
        List<CertificateInput> items = CertificateInput.parse(pemOrDerBytes); // PEM blocks or DER; never throws
        CertificateValidator.validateAll(items, ctx).forEach(r -> print(out, r)); // CERT-0: not a certificate
        out.println(CertificateValidator.rules(ProfileKind.DEVICE).size() + " rules apply to Device Certificates");

        for (Path file : files) {
            CertificateValidator.validateAll(CertificateInput.parse(Files.readAllBytes(file)), dccTest)
                    .forEach(r -> print(out, r));
        }
    }

    private static void print(PrintStream out, ValidationReport report) {
        out.println(report.checkedProfile().map(Enum::name).orElse("UNREADABLE") + " " + report.subject() + ": "
                + switch (report.result()) {
                    case OK -> "clean";
                    case WARNINGS, ERRORS ->
                        report.findings().size() + (report.findings().size() == 1 ? " finding" : " findings");
                });
        report.findings().forEach(finding -> out.println("  " + finding));
    }
}
