package dev.smki.core.profile;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.der.DerText;
import dev.smki.core.internal.der.X500Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Validates SMKI certificates and Device CSRs against their profiles (certificates.md §7) and reports every
 * broken rule, never stopping at the first.
 *
 * <p>{@code validate} returns the report of one certificate; {@code validateAll} the reports of several, in
 * order, taken as held together ({@code CERT-51}); {@code validateCsr} the report of one Device CSR. Bytes holding
 * PEM or DER go through {@link CertificateInput#parse(byte[])} first:
 *
 * <pre>{@code
 * ValidationContext ctx = ValidationContext.of(SmkiEnvironment.SIM, Instant.parse("2026-06-01T00:00:00Z"));
 * for (ValidationReport report : CertificateValidator.validateAll(CertificateInput.parse(pemOrDer), ctx)) {
 *     System.out.println(report.result() + " " + report.subject() + " " + report.findings());
 * }
 * }</pre>
 *
 * <p>The profile is detected from the certificate or forced by the caller. Validation never throws on
 * malformed input: bytes that are not a certificate or request give a {@code CERT-0} finding, and an
 * extension that cannot be decoded gives a finding of each rule that reads it, saying what is wrong with its
 * DER. Rules that need the issuing CA's certificate report {@link NotChecked} unless the context holds it.
 *
 * <p>Validation is cheap enough to lint every certificate before signing it: each extension is decoded once,
 * the P-256 point check and key identifiers use Bouncy Castle's lightweight API, and in
 * {@linkplain ValidationContext.Builder#preIssuance() pre-issuance} mode no signature is verified.
 */
public final class CertificateValidator {

    private CertificateValidator() {}

    /**
     * {@return the report of {@code cert} against the profile detected from it}
     *
     * @param cert the certificate
     * @param ctx what to validate against
     */
    public static ValidationReport validate(X509CertificateHolder cert, ValidationContext ctx) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(ctx, "ctx");
        SmkiCertificate certificate = SmkiCertificate.of(cert);
        return run(certificate, ProfileKind.of(certificate.kind()), false, ctx);
    }

    /**
     * {@return the report of {@code cert} against {@code profile}, whatever the certificate looks like}
     *
     * @param cert the certificate
     * @param profile the profile to check it against, not {@link ProfileKind#DEVICE_CSR}
     * @param ctx what to validate against
     * @throws IllegalArgumentException when {@code profile} is {@link ProfileKind#DEVICE_CSR}: use
     *     {@link #validateCsr(PKCS10CertificationRequest, ValidationContext)}
     */
    public static ValidationReport validate(X509CertificateHolder cert, ProfileKind profile, ValidationContext ctx) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(ctx, "ctx");
        return run(SmkiCertificate.of(cert), certificateProfile(profile), true, ctx);
    }

    /**
     * {@return one report per item, in order: certificates against their detected profile, requests against
     * the Device CSR profile, unreadable input as a {@code CERT-0} finding} The items are taken as held
     * together for the rules over several certificates ({@code CERT-51}: one certificate per Device and key
     * usage).
     *
     * @param items the certificates, requests and unreadable input, as {@link CertificateInput#parse} gives them
     * @param ctx what to validate against
     */
    public static List<ValidationReport> validateAll(List<CertificateInput> items, ValidationContext ctx) {
        return validateItems(items, null, ctx);
    }

    /**
     * {@return one report per item as {@link #validateAll(List, ValidationContext)} does, but with every
     * certificate checked against {@code profile}; requests are still checked against the Device CSR profile}
     *
     * @param items the certificates, requests and unreadable input, as {@link CertificateInput#parse} gives them
     * @param profile the profile to check every certificate against, not {@link ProfileKind#DEVICE_CSR}
     * @param ctx what to validate against
     * @throws IllegalArgumentException when {@code profile} is {@link ProfileKind#DEVICE_CSR}
     */
    public static List<ValidationReport> validateAll(
            List<CertificateInput> items, ProfileKind profile, ValidationContext ctx) {
        return validateItems(items, certificateProfile(profile), ctx);
    }

    private static ProfileKind certificateProfile(ProfileKind profile) {
        Objects.requireNonNull(profile, "profile");
        if (profile == ProfileKind.DEVICE_CSR) {
            throw new IllegalArgumentException("A certificate cannot be checked against the Device CSR profile");
        }
        return profile;
    }

    private static List<ValidationReport> validateItems(
            List<CertificateInput> items, ProfileKind forced, ValidationContext ctx) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ctx, "ctx");
        List<ValidationReport> reports = new ArrayList<>(items.size());
        List<CertificateStructure> certificates = new ArrayList<>(items.size());
        for (CertificateInput item : items) {
            if (item instanceof CertificateInput.Certificate c) {
                SmkiCertificate certificate = SmkiCertificate.of(c.holder());
                certificates.add(certificate.structure());
                reports.add(
                        forced == null
                                ? run(certificate, ProfileKind.of(certificate.kind()), false, ctx)
                                : run(certificate, forced, true, ctx));
            } else if (item instanceof CertificateInput.Request r) {
                certificates.add(null);
                reports.add(validateCsr(r.csr(), ctx));
            } else {
                CertificateInput.Unreadable u = (CertificateInput.Unreadable) item;
                certificates.add(null);
                reports.add(unreadable(u.where(), u.problem()));
            }
        }
        return List.copyOf(DeviceRules.onePerUsage(certificates, reports));
    }

    /**
     * {@return the report of {@code csr} against the Device CSR profile}
     *
     * @param csr the request
     * @param ctx what to validate against
     */
    public static ValidationReport validateCsr(PKCS10CertificationRequest csr, ValidationContext ctx) {
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(ctx, "ctx");
        return execute(Inspection.ofCsr(csr, ctx), ProfileKind.DEVICE_CSR, false, describe(csr));
    }

    /** {@return every rule the validator knows, ordered by id} */
    public static List<Rule> rules() {
        return RuleBook.RULES;
    }

    /**
     * {@return the rules checked for {@code profile}, ordered by id}
     *
     * @param profile the profile
     */
    public static List<Rule> rules(ProfileKind profile) {
        Objects.requireNonNull(profile, "profile");
        return RuleBook.RULES.stream().filter(rule -> rule.appliesTo(profile)).toList();
    }

    private static ValidationReport run(
            SmkiCertificate certificate, ProfileKind profile, boolean forced, ValidationContext ctx) {
        return execute(Inspection.of(certificate.structure(), ctx, profile), profile, forced, certificate.describe());
    }

    private static ValidationReport execute(
            Inspection inspection, ProfileKind profile, boolean forced, String subject) {
        List<Finding> findings = List.of();
        List<NotChecked> notChecked = List.of();
        for (RuleCheck check : RuleBook.checks(profile)) {
            RuleVerdict verdict;
            try {
                verdict = check.check().apply(inspection);
            } catch (MalformedCertificateException e) {
                verdict = RuleVerdict.fail(e.getMessage());
            } catch (RuntimeException e) {
                verdict = RuleVerdict.fail(undecodable(e));
            }
            switch (verdict.kind()) {
                case PASS -> {}
                case FAIL -> {
                    if (findings.isEmpty()) {
                        findings = new ArrayList<>(4);
                    }
                    String expected = verdict.expected() == null ? check.expected() : verdict.expected();
                    Rule rule = check.rule();
                    if (verdict.warningOnly() && rule.severity() != Severity.WARN) {
                        rule = new Rule(
                                rule.id(),
                                rule.statement(),
                                rule.appliesTo(),
                                Severity.WARN,
                                rule.confidence(),
                                rule.sources());
                    }
                    findings.add(new Finding(rule, verdict.text(), expected));
                }
                case NOT_CHECKED -> {
                    if (notChecked.isEmpty()) {
                        notChecked = new ArrayList<>(4);
                    }
                    notChecked.add(new NotChecked(check.rule(), verdict.text()));
                }
            }
        }
        return ValidationReport.of(profile, forced, subject, findings, notChecked);
    }

    /** Returns what a rule found when the DER it reads does not decode, without Java names. */
    private static String undecodable(RuntimeException e) {
        String detail = DerText.explain(e);
        return "the DER this rule reads does not decode" + (detail == null ? "" : ": " + detail);
    }

    private static ValidationReport unreadable(String where, String problem) {
        return ValidationReport.of(
                null,
                false,
                where + ": not a certificate",
                List.of(new Finding(InputRules.UNPARSEABLE, problem, InputRules.EXPECTED)),
                List.of());
    }

    private static String describe(PKCS10CertificationRequest csr) {
        try {
            Extensions requested = csr.getRequestedExtensions();
            Extension altName = requested == null ? null : requested.getExtension(Extension.subjectAlternativeName);
            Eui64 device = altName == null
                    ? null
                    : DeviceRules.hardwareSerialOrNull(GeneralNames.getInstance(altName.getParsedValue()));
            return device != null
                    ? "certificate request, device " + device
                    : "certificate request, subject " + X500Names.describe(csr.getSubject());
        } catch (RuntimeException e) {
            return "certificate request";
        }
    }
}
