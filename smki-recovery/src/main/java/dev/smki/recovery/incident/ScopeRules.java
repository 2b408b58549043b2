package dev.smki.recovery.incident;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.SourcedRule;
import java.util.List;

/**
 * The rules that scope an incident's fleet recovery and its progress: which Devices are Relevant, when the
 * incident may close (REC-8) and what every progress report keeps (REC-9), each citing its source (recovery.md
 * §1.1, §2.1 and §6.3).
 */
public final class ScopeRules {

    private static final Citation RELEVANT_DEVICE_GLOSSARY =
            Citation.of("SEC Section L10.30(a)", "\"Relevant Device\", via the SEC glossary");
    private static final Citation INVARIANTS = Citation.of("recovery.md", "§6.3");

    /**
     * L10.30(a): a Relevant Device is a commissioned Device whose security credentials hold data from the
     * compromised certificate. The simulation reads "data from" as a trust-anchor cell holding the compromised
     * certificate's subject key identifier or public key; "was commissioned just before the Recovery Event" is
     * the Device's commissioned status, which does not change during a simulation.
     */
    public static final SourcedRule RELEVANT_DEVICE = new SourcedRule(
            RuleId.of("SCOPE-1"),
            "A Relevant Device is a Device that is, or was just before the Recovery Event, commissioned and whose"
                    + " trust-anchor cells hold the subject key identifier or public key of the compromised"
                    + " certificate.",
            Confidence.VERIFIED,
            List.of(RELEVANT_DEVICE_GLOSSARY, Citation.of("recovery.md", "§1.1, §1.2 (cells hold key identities)")));

    /** REC-8: an incident closes only when every Relevant Device is updated or written off with a reason. */
    public static final SourcedRule SCOPE_SETTLED = new SourcedRule(
            RuleId.of("REC-8"),
            "An incident closes only when every Relevant Device is updated or explicitly written off with a reason"
                    + " (decommissioned, or failed after retries).",
            Confidence.INFERRED,
            List.of(INVARIANTS, Citation.of("recovery.md", "§2.3 R9, R11")));

    /**
     * REC-9: in every progress report total = succeeded + failed + pending, and the counts only move forward.
     */
    public static final SourcedRule PROGRESS_CONSERVED = new SourcedRule(
            RuleId.of("REC-9"),
            "In every recovery progress report succeeded + failed + pending = total, and from one report to the next"
                    + " the counts of succeeded, failed and written-off Devices never go down.",
            Confidence.INFERRED,
            List.of(
                    INVARIANTS,
                    Citation.of(
                            "DCC SMKI Recovery Procedure file formats consultation",
                            "23 Sep-7 Oct 2015, Recovery Progress Files (names only)")));

    private ScopeRules() {}

    /** {@return every scope rule} */
    public static List<SourcedRule> all() {
        return List.of(RELEVANT_DEVICE, SCOPE_SETTLED, PROGRESS_CONSERVED);
    }
}
