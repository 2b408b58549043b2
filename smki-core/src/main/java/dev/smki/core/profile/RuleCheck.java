package dev.smki.core.profile;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule together with the code that checks it and the usual wording of what it expects.
 *
 * @param rule the rule
 * @param expected what a conforming certificate has, shown beside the actual value of a finding
 * @param check the code that checks the rule
 */
record RuleCheck(Rule rule, String expected, Check check) {

    RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(check, "check");
    }

    /**
     * Returns the rule {@code id} with its check. Rules numbered 1 to 52 also cite their line in the research
     * notes (certificates.md §7).
     */
    static RuleCheck of(
            String id,
            Severity severity,
            Confidence confidence,
            Set<ProfileKind> appliesTo,
            String statement,
            String expected,
            Check check,
            Citation... sources) {
        return new RuleCheck(rule(id, severity, confidence, appliesTo, statement, sources), expected, check);
    }

    /**
     * Returns the rule {@code id} alone, for rules checked over several certificates at once. Rules numbered 1
     * to 52 also cite their line in the research notes (certificates.md §7).
     */
    static Rule rule(
            String id,
            Severity severity,
            Confidence confidence,
            Set<ProfileKind> appliesTo,
            String statement,
            Citation... sources) {
        RuleId ruleId = RuleId.of(id);
        List<Citation> cited = new ArrayList<>(List.of(sources));
        if (ruleId.number() >= 1 && ruleId.number() <= 52) {
            cited.add(ProfileSources.notes(ruleId.number()));
        }
        return new Rule(ruleId, statement, appliesTo, severity, confidence, cited);
    }
}
