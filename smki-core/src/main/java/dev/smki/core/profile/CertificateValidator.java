package dev.smki.core.profile;

import dev.smki.core.identity.Eui64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Validates SMKI certificates and Device CSRs against their profiles (certificates.md §7) and reports every
 * broken rule, never stopping at the first.
 *
 * <p>The profile is detected from the certificate or forced by the caller. Validation never throws on
 * malformed input: bytes that are not a certificate or request give a {@code CERT-0} finding, and an
 * extension that cannot be decoded gives a finding of each rule that reads it. Rules that need the issuing
 * CA's certificate report {@link NotChecked} unless the context holds it.
 *
 * <p>Validation is cheap enough to lint every certificate before signing it: each extension is decoded once,
 * the P-256 point check and key identifiers use Bouncy Castle's lightweight API, and in
 * {@linkplain ValidationContext.Builder#preIssuance() pre-issuance} mode no signature is verified.
 */
public final class CertificateValidator {

    private CertificateValidator() {}

    /** Returns the report of {@code cert} against the profile detected from it. */
    public static ValidationReport validate(X509CertificateHolder cert, ValidationContext ctx) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(ctx, "ctx");
        CertificateView view = new CertificateView(cert);
        return run(view, view.detect(), false, ctx);
    }

    /**
     * Returns the report of {@code cert} against {@code profile}, whatever the certificate looks like.
     *
     * @throws IllegalArgumentException when {@code profile} is {@link ProfileKind#DEVICE_CSR}: use
     *     {@link #validateCsr(PKCS10CertificationRequest, ValidationContext)}
     */
    public static ValidationReport validate(X509CertificateHolder cert, ProfileKind profile, ValidationContext ctx) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(ctx, "ctx");
        if (profile == ProfileKind.DEVICE_CSR) {
            throw new IllegalArgumentException("A certificate cannot be checked against the Device CSR profile");
        }
        return run(new CertificateView(cert), profile, true, ctx);
    }

    /**
     * Returns one report per certificate or request in {@code pemOrDer} (DER, or PEM with any number of
     * blocks), in input order; never throws on malformed input, which gives a {@code CERT-0} report.
     */
    public static List<ValidationReport> validate(byte[] pemOrDer, ValidationContext ctx) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        return validate(CertificateInput.parse(pemOrDer), ctx);
    }

    /**
     * Returns one report per item, in order: certificates against their detected profile, requests against
     * the Device CSR profile, unreadable input as a {@code CERT-0} finding. The items are taken as held
     * together for the rules over several certificates ({@code CERT-51}: one certificate per Device and key
     * usage).
     */
    public static List<ValidationReport> validate(List<CertificateInput> items, ValidationContext ctx) {
        return validateAll(items, null, ctx);
    }

    /**
     * Returns one report per item as {@link #validate(List, ValidationContext)} does, but with every
     * certificate checked against {@code profile}; requests are still checked against the Device CSR profile.
     *
     * @throws IllegalArgumentException when {@code profile} is {@link ProfileKind#DEVICE_CSR}
     */
    public static List<ValidationReport> validate(
            List<CertificateInput> items, ProfileKind profile, ValidationContext ctx) {
        Objects.requireNonNull(profile, "profile");
        if (profile == ProfileKind.DEVICE_CSR) {
            throw new IllegalArgumentException("A certificate cannot be checked against the Device CSR profile");
        }
        return validateAll(items, profile, ctx);
    }

    private static List<ValidationReport> validateAll(
            List<CertificateInput> items, ProfileKind forced, ValidationContext ctx) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ctx, "ctx");
        List<ValidationReport> reports = new ArrayList<>(items.size());
        List<CertificateView> views = new ArrayList<>(items.size());
        for (CertificateInput item : items) {
            if (item instanceof CertificateInput.Certificate c) {
                CertificateView view = new CertificateView(c.holder());
                views.add(view);
                reports.add(forced == null ? run(view, view.detect(), false, ctx) : run(view, forced, true, ctx));
            } else if (item instanceof CertificateInput.Request r) {
                views.add(null);
                reports.add(validateCsr(r.csr(), ctx));
            } else {
                CertificateInput.Unreadable u = (CertificateInput.Unreadable) item;
                views.add(null);
                reports.add(unreadable(u.where(), u.problem()));
            }
        }
        return List.copyOf(DeviceRules.onePerUsage(views, reports));
    }

    /** Returns the report of {@code csr} against the Device CSR profile. */
    public static ValidationReport validateCsr(PKCS10CertificationRequest csr, ValidationContext ctx) {
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(ctx, "ctx");
        return execute(Inspection.ofCsr(csr, ctx), ProfileKind.DEVICE_CSR, false, describe(csr));
    }

    /**
     * Returns the report of the first certificate request in {@code pemOrDer} against the Device CSR profile;
     * never throws on malformed input, which gives a {@code CERT-0} report, as does a certificate.
     */
    public static ValidationReport validateCsr(byte[] pemOrDer, ValidationContext ctx) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        Objects.requireNonNull(ctx, "ctx");
        CertificateInput first = CertificateInput.parse(pemOrDer).get(0);
        if (first instanceof CertificateInput.Request r) {
            return validateCsr(r.csr(), ctx);
        }
        if (first instanceof CertificateInput.Certificate c) {
            return unreadable(c.where(), "an X.509 certificate, not a certificate request");
        }
        CertificateInput.Unreadable u = (CertificateInput.Unreadable) first;
        return unreadable(u.where(), u.problem());
    }

    /** Returns every rule the validator knows, ordered by id. */
    public static List<Rule> rules() {
        return RuleBook.RULES;
    }

    /** Returns the rules checked for {@code profile}, ordered by id. */
    public static List<Rule> rules(ProfileKind profile) {
        Objects.requireNonNull(profile, "profile");
        return RuleBook.RULES.stream().filter(rule -> rule.appliesTo(profile)).toList();
    }

    private static ValidationReport run(
            CertificateView view, ProfileKind profile, boolean forced, ValidationContext ctx) {
        return execute(Inspection.of(view, ctx, profile), profile, forced, describe(view));
    }

    private static ValidationReport execute(
            Inspection inspection, ProfileKind profile, boolean forced, String subject) {
        List<Finding> findings = List.of();
        List<NotChecked> notChecked = List.of();
        for (RuleCheck check : RuleBook.checks(profile)) {
            Verdict verdict;
            try {
                verdict = check.check().apply(inspection);
            } catch (RuntimeException e) {
                verdict = Verdict.fail("cannot decode: " + message(e));
            }
            switch (verdict.kind()) {
                case PASS -> {}
                case FAIL -> {
                    if (findings.isEmpty()) {
                        findings = new ArrayList<>(4);
                    }
                    String expected = verdict.expected() == null ? check.expected() : verdict.expected();
                    findings.add(new Finding(check.rule(), verdict.text(), expected));
                }
                case NOT_CHECKED -> {
                    if (notChecked.isEmpty()) {
                        notChecked = new ArrayList<>(4);
                    }
                    notChecked.add(new NotChecked(check.rule(), verdict.text()));
                }
            }
        }
        return new ValidationReport(Optional.of(profile), forced, subject, findings, notChecked);
    }

    private static ValidationReport unreadable(String where, String problem) {
        return new ValidationReport(
                Optional.empty(),
                false,
                where + ": not a certificate",
                List.of(new Finding(InputRules.UNPARSEABLE, problem, InputRules.EXPECTED)),
                List.of());
    }

    private static String describe(CertificateView view) {
        try {
            String serial = "serial "
                    + view.tbs.getSerialNumber().getValue().toString(16).toUpperCase(Locale.ROOT);
            if (view.subject().getRDNs().length == 0) {
                Eui64 device = DeviceRules.hardwareSerialOrNull(view);
                return (device == null ? "empty subject" : "device " + device) + ", " + serial;
            }
            return Names.describe(view.subject()) + ", " + serial;
        } catch (RuntimeException e) {
            return "certificate (subject unreadable: " + message(e) + ")";
        }
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
                    : "certificate request, subject " + Names.describe(csr.getSubject());
        } catch (RuntimeException e) {
            return "certificate request";
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
