package dev.smki.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of validating one certificate or CSR: the overall result, the profile it was checked against,
 * every rule it breaks and every rule that could not be checked.
 *
 * <h2>JSON form</h2>
 *
 * {@link #toJson()} writes the report as one JSON object, the form {@code ./smki lint --json} prints; plain
 * Jackson ({@code new ObjectMapper().writeValueAsString(report)}, no module) writes the same object, since it
 * is the record's components in order:
 *
 * <pre>{@code
 * {"result": "ERRORS",                         OK, WARNINGS or ERRORS
 *  "profile": "DEVICE",                        a ProfileKind name; null for input that is not a certificate
 *  "profileForced": false,
 *  "subject": "device 00-DB-12-34-56-78-90-A0, serial 3B1F...",
 *  "findings": [                               the broken rules, in rule order
 *    {"rule": {"id": {"value": "CERT-43"},
 *              "statement": "A Device Certificate's keyUsage has exactly one bit, ...",
 *              "appliesTo": ["DEVICE"],        ProfileKind names, in declaration order
 *              "severity": "ERROR",            ERROR or WARN
 *              "confidence": "VERIFIED",       a Confidence name
 *              "sources": [{"source": "GBCS", "locator": "..."}, ...]},
 *     "actual": "keyUsage {digitalSignature, nonRepudiation}",
 *     "expected": "keyUsage {digitalSignature} or {keyAgreement}"}],
 *  "notChecked": [                             the rules not checked, in rule order
 *    {"rule": {...as above...}, "reason": "no issuer certificate given matches this certificate's issuer"}]}
 * }</pre>
 *
 * @param result {@link ValidationResult#ERRORS} when a broken rule is an error, {@link ValidationResult#WARNINGS}
 *     when broken rules are only warnings, {@link ValidationResult#OK} when none is broken
 * @param profile the profile checked, detected from the certificate or forced by the caller; null for input
 *     that could not be read as a certificate or request at all ({@link #checkedProfile()} gives it as an
 *     {@code Optional})
 * @param profileForced whether the caller chose the profile
 * @param subject a short description of what was validated (subject, serial), or of the unreadable input
 * @param findings the broken rules, in rule order
 * @param notChecked the rules that could not be checked, in rule order
 */
public record ValidationReport(
        ValidationResult result,
        @Nullable ProfileKind profile,
        boolean profileForced,
        String subject,
        List<Finding> findings,
        List<NotChecked> notChecked) {

    /**
     * Checks and copies the components.
     *
     * @param result the overall result
     * @param profile the profile checked, or null
     * @param profileForced whether the caller chose the profile
     * @param subject what was validated
     * @param findings the broken rules
     * @param notChecked the rules not checked
     * @throws NullPointerException when {@code result}, {@code subject}, {@code findings} or {@code notChecked} is null
     * @throws IllegalArgumentException when {@code result} is not {@link ValidationResult#of(List)} of the findings
     */
    public ValidationReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(subject, "subject");
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
        if (result != ValidationResult.of(findings)) {
            throw new IllegalArgumentException(
                    "The result of these findings is " + ValidationResult.of(findings) + ", not " + result);
        }
    }

    /**
     * {@return the report of {@code findings}, its result worked out from them}
     *
     * @param profile the profile checked, or null for input that could not be read
     * @param profileForced whether the caller chose the profile
     * @param subject what was validated
     * @param findings the broken rules, in rule order
     * @param notChecked the rules not checked, in rule order
     */
    public static ValidationReport of(
            @Nullable ProfileKind profile,
            boolean profileForced,
            String subject,
            List<Finding> findings,
            List<NotChecked> notChecked) {
        return new ValidationReport(
                ValidationResult.of(findings), profile, profileForced, subject, findings, notChecked);
    }

    /** {@return the profile checked; empty for input that could not be read as a certificate or request} */
    public Optional<ProfileKind> checkedProfile() {
        return Optional.ofNullable(profile);
    }

    /**
     * {@return a copy of this report with {@code finding} added, findings kept in rule order}
     *
     * @param finding the finding to add
     */
    public ValidationReport withFinding(Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(Objects.requireNonNull(finding, "finding"));
        more.sort(Comparator.comparing(f -> f.rule().id()));
        return of(profile, profileForced, subject, more, notChecked);
    }

    /** {@return whether any broken rule has severity {@link Severity#ERROR}} */
    public boolean hasErrors() {
        return result == ValidationResult.ERRORS;
    }

    /** {@return the broken rules of severity {@link Severity#ERROR}} */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** {@return the broken rules of severity {@link Severity#WARN}} */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARN).toList();
    }

    /** {@return this report as one JSON object, in the form described above} */
    public String toJson() {
        return ReportJson.write(this);
    }

    /**
     * {@return the reports as one JSON array of objects in the form described above, in order}
     *
     * @param reports the reports
     */
    public static String toJson(List<ValidationReport> reports) {
        return ReportJson.write(reports);
    }
}
