package dev.smki.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of validating one certificate or CSR: the profile it was checked against, every rule it breaks
 * and every rule that could not be checked.
 *
 * @param profile the profile checked, detected from the certificate or forced by the caller; empty for input
 *     that could not be parsed at all
 * @param profileForced whether the caller chose the profile
 * @param subject a short description of what was validated (subject, serial), or of the unparseable input
 * @param findings the broken rules, in rule order
 * @param notChecked the rules that could not be checked, in rule order
 */
public record ValidationReport(
        Optional<ProfileKind> profile,
        boolean profileForced,
        String subject,
        List<Finding> findings,
        List<NotChecked> notChecked) {

    public ValidationReport {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(subject, "subject");
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
    }

    /** Returns a copy of this report with {@code finding} added, findings kept in rule order. */
    public ValidationReport withFinding(Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(Objects.requireNonNull(finding, "finding"));
        more.sort(Comparator.comparing(f -> f.rule().id()));
        return new ValidationReport(profile, profileForced, subject, more, notChecked);
    }

    /** Returns whether any broken rule has severity {@link Severity#ERROR}. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Returns the broken rules of severity {@link Severity#ERROR}. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** Returns the broken rules of severity {@link Severity#WARN}. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARN).toList();
    }

    /** Returns whether no rule is broken (rules not checked aside). */
    public boolean isClean() {
        return findings.isEmpty();
    }
}
