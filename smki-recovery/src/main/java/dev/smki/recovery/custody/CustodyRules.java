package dev.smki.recovery.custody;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.SourcedRule;
import java.util.List;

/** The rules key custody enforces, each citing its source (recovery.md §2.9, §5 and §6.3). */
public final class CustodyRules {

    private static final Citation L10 =
            Citation.of("SEC Section L10", "Recovery Procedure scope (b), via the SEC glossary");
    private static final Citation NOMINATIONS = Citation.of("SECAS news", "Key Custodian Nominations, 15 Aug 2019");
    private static final Citation DRAFT_2015 =
            Citation.of("DCC SMKI Recovery Procedure consultation draft", "July 2015, custodian sections");

    /** REC-1: a key in custody is activated only where an SMKI PMA decision requires that key. */
    public static final SourcedRule DECISION_GATE = SourcedRule.of(
            "REC-1",
            "The Recovery or Contingency key is activated only where an SMKI PMA decision for the incident requires"
                    + " that key.",
            Confidence.VERIFIED,
            L10);

    /** REC-2: activation needs at least M distinct, currently appointed Key Custodians. */
    public static final SourcedRule QUORUM = new SourcedRule(
            dev.smki.core.provenance.RuleId.of("REC-2"),
            "Activation needs shares from at least M distinct, currently appointed Key Custodians; a ceased"
                    + " custodian never counts and one custodian counts once.",
            Confidence.INFERRED,
            List.of(NOMINATIONS, Citation.of("recovery.md", "§5, §6.3 invariant 2")));

    /** CUS-1: a share counts only when presented by the custodian it was issued to. */
    public static final SourcedRule OWN_SHARE = SourcedRule.of(
            "CUS-1",
            "A key share counts only when presented by the appointed custodian it was issued to, for the key it"
                    + " belongs to.",
            Confidence.INFERRED,
            NOMINATIONS);

    /** CUS-2: an activated key is deactivated after use and cannot be used again without a new ceremony. */
    public static final SourcedRule DEACTIVATE_AFTER_USE = SourcedRule.of(
            "CUS-2",
            "An activated key is deactivated after use; using it again needs a new ceremony.",
            Confidence.RECONSTRUCTED,
            Citation.of("recovery.md", "§2.3 step R10"));

    /** CUS-3: custodians move forward through nominate, vet, appoint, cease. */
    public static final SourcedRule LIFECYCLE = SourcedRule.of(
            "CUS-3",
            "A Key Custodian is nominated, then vetted, then appointed, and may cease at any point; nothing"
                    + " moves backwards.",
            Confidence.RECONSTRUCTED,
            DRAFT_2015);

    /** CUS-4: optionally, the custodians of one quorum come from different Parties. */
    public static final SourcedRule DISTINCT_PARTIES = SourcedRule.of(
            "CUS-4",
            "When required by the custody policy, the custodians counted towards one quorum come from different"
                    + " Parties (\"from across the industry\").",
            Confidence.INFERRED,
            NOMINATIONS);

    private CustodyRules() {}

    /** {@return every custody rule} */
    public static List<SourcedRule> all() {
        return List.of(DECISION_GATE, QUORUM, OWN_SHARE, DEACTIVATE_AFTER_USE, LIFECYCLE, DISTINCT_PARTIES);
    }
}
